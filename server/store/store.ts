import type { Db } from './database.ts';
import { TicketStore } from './ticket-store.ts';
import { ServiceStore } from './service-store.ts';
import { CounterStore } from './counter-store.ts';
import { UserStore } from './user-store.ts';
import { ClientRequestStore, RatingStore, SettingStore } from './misc-store.ts';
import { Ledger } from './ledger.ts';
import { ReportStore } from './report-store.ts';
import { StationStore } from './station-store.ts';

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
  }

  /** Runs `work` as one transaction (BEGIN IMMEDIATE: the writer lock up front). */
  transaction<T>(work: () => T): T {
    return this.runInTransaction.immediate(work) as T;
  }
}
