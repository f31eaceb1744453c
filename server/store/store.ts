import type { Db } from './database.ts';
import { TicketStore } from './ticket-store.ts';
import { ServiceStore } from './service-store.ts';
import { CounterStore } from './counter-store.ts';
import { UserStore } from './user-store.ts';
import { ClientRequestStore, RatingStore, SettingStore } from './misc-store.ts';
import { Ledger } from './ledger.ts';
import { ReportStore } from './report-store.ts';
import { StationStore } from './station-store.ts';
import { CheckpointStore } from './checkpoint-store.ts';
import { OrderCheckStore } from './order-check-store.ts';
import { StepStore } from './step-store.ts';
import { ComplaintStore } from './complaint-store.ts';
import { SurveyStore } from './survey-store.ts';

/** Every table's statements, prepared once for one database handle. */
export class Store {
  readonly tickets: TicketStore;
  readonly services: ServiceStore;
  readonly counters: CounterStore;
  readonly users: UserStore;
  readonly ratings: RatingStore;
  readonly settings: SettingStore;
  readonly clientRequests: ClientRequestStore;
  readonly ledger: Ledger;
  readonly reports: ReportStore;
  readonly stations: StationStore;
  readonly checkpoints: CheckpointStore;
  readonly orderCheck: OrderCheckStore;
  readonly steps: StepStore;
  readonly complaints: ComplaintStore;
  readonly surveys: SurveyStore;

  /** One wrapper made once: better-sqlite3 builds a new one per db.transaction() call. */
  private readonly runInTransaction: ReturnType<Db['transaction']>;

  constructor(readonly db: Db) {
    this.runInTransaction = db.transaction((work: () => unknown) => work());
    this.tickets = new TicketStore(db);
    this.services = new ServiceStore(db);
    this.counters = new CounterStore(db);
    this.users = new UserStore(db);
    this.ratings = new RatingStore(db);
    this.settings = new SettingStore(db);
    this.clientRequests = new ClientRequestStore(db);
    this.ledger = new Ledger(db);
    this.reports = new ReportStore(db);
    this.stations = new StationStore(db);
    this.checkpoints = new CheckpointStore(db);
    this.orderCheck = new OrderCheckStore(db);
    this.steps = new StepStore(db);
    this.complaints = new ComplaintStore(db);
    this.surveys = new SurveyStore(db);
  }

  /** Runs `work` as one transaction (BEGIN IMMEDIATE: the writer lock up front). */
  transaction<T>(work: () => T): T {
    return this.runInTransaction.immediate(work) as T;
  }
}
