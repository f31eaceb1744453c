import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/store.ts';
import type { DomainEvent, EventSink } from './domain-events.ts';
import type { QueueConfig } from '../core/queue-rule.ts';
import { DEFAULT_QUEUE_CONFIG } from '../core/queue-rule.ts';
import type { DeviceProfiles, LocalizedText } from '../contract/contract.ts';
import type { CounterRecord, ServiceRecord } from '../core/records.ts';
import { DEFAULT_OFFICE } from '../core/default-office.ts';
import { OfficeCalendar } from './office-calendar.ts';

export interface OfficeDeps {
  store: Store;
  clock: Clock;
  /** Makes a new public ticket id. */
  newTicketId: () => string;
  /** Called after each commit with what changed. */
  onCommitted?: EventSink;
}

export const SETTING_QUEUE = 'queue';
export const SETTING_OFFICE_NAME = 'officeName';
export const SETTING_DEVICE_PROFILES = 'deviceProfiles';
/** The office's satisfaction target (ร้อยละ) the reports hold `satisfiedPct` against. */
export const SETTING_SATISFACTION_TARGET = 'satisfactionTargetPct';
export const DEFAULT_SATISFACTION_TARGET_PCT = 80;
/** The latest step of the office PC's clock (from, to, difference): the row its ledger entry carries. */
export const SETTING_LAST_CLOCK_STEP = 'lastClockStep';

/**
 * What every command shares: the store, the clock, the cached settings, and
 * `run`, which makes one transaction and publishes its events after commit.
 */
export class OfficeContext {
  private cachedConfig: QueueConfig | undefined;
  private cachedName: LocalizedText | undefined;
  private cachedServices: Map<number, ServiceRecord> | undefined;
  private cachedCounters: CounterRecord[] | undefined;
  private pending: DomainEvent[] | undefined;
  /** The office day and ticket times, which a stepped clock cannot take back. */
  readonly calendar = new OfficeCalendar(this);

  constructor(readonly deps: OfficeDeps) {}

  get store(): Store {
    return this.deps.store;
  }

  now(): number {
    return this.deps.clock.now();
  }

  config(): QueueConfig {
    this.cachedConfig ??=
      this.store.settings.get<QueueConfig>(SETTING_QUEUE) ?? DEFAULT_QUEUE_CONFIG;
    return this.cachedConfig;
  }

  deviceProfiles(): DeviceProfiles {
    return (
      this.store.settings.get<DeviceProfiles>(SETTING_DEVICE_PROFILES) ?? {
        printers: [],
        displays: [],
      }
    );
  }

  officeName(): LocalizedText {
    this.cachedName ??=
      this.store.settings.get<LocalizedText>(SETTING_OFFICE_NAME) ?? DEFAULT_OFFICE.officeName;
    return this.cachedName;
  }

  satisfactionTargetPct(): number {
    return (
      this.store.settings.get<number>(SETTING_SATISFACTION_TARGET) ??
      DEFAULT_SATISFACTION_TARGET_PCT
    );
  }

  /** The services by id, read once: every ticket view needs them and they change only by admin commands. */
  services(): Map<number, ServiceRecord> {
    this.cachedServices ??= new Map(this.store.services.all().map((s) => [s.id, s]));
    return this.cachedServices;
  }

  /** The counters in number order, cached like the services. */
  counters(): CounterRecord[] {
    this.cachedCounters ??= this.store.counters.all();
    return this.cachedCounters;
  }

  /** After a change to settings, services or counters (and after any rollback). */
  forgetCached(): void {
    this.cachedConfig = undefined;
    this.cachedName = undefined;
    this.cachedServices = undefined;
    this.cachedCounters = undefined;
  }

  /**
   * One command = one transaction; events go out only once it has committed.
   * A run inside a run joins the outer transaction and its events.
   */
  run<T>(work: (events: DomainEvent[]) => T): T {
    if (this.pending) return work(this.pending);
    const events: DomainEvent[] = [];
    let value: T;
    this.pending = events;
    try {
      value = this.store.transaction(() => work(events));
    } catch (error) {
      // A rolled-back change to settings, services or counters must not stay in the cache.
      this.forgetCached();
      throw error;
    } finally {
      this.pending = undefined;
    }
    if (events.length > 0) this.deps.onCommitted?.(events);
    return value;
  }
}
