import type { Clock } from '../core/clock.ts';
import type { Store } from '../store/store.ts';
import type { DomainEvent, EventSink } from './domain-events.ts';
import type { QueueConfig } from '../core/queue-rule.ts';
import { DEFAULT_QUEUE_CONFIG } from '../core/queue-rule.ts';
import type {
  AnnouncementSettings,
  ComplaintChannel,
  DeviceProfiles,
  LocalizedText,
} from '../contract/contract.ts';
import type { CounterRecord, ServiceRecord } from '../core/records.ts';
import { DEFAULT_OFFICE } from '../core/default-office.ts';
import type { OfficeHours, UnavailableReason } from '../contract/contract.ts';
import type { KhiuError } from '../core/errors.ts';
import { serviceAvailability, unavailableError } from '../core/service-availability.ts';
import { toLocalIso } from '../core/local-time.ts';
import { OfficeCalendar } from './office-calendar.ts';
import { networkInterfaces as osInterfaces } from 'node:os';
import {
  effectivePublicAddress,
  type Listener,
  type NetworkInterfaces,
  type PublicAddress,
} from '../core/public-address.ts';

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
/** Where citizens' phones reach the server (the ticket QR); absent: a default (core/public-address.ts). */
export const SETTING_PUBLIC_BASE_URL = 'publicBaseUrl';
/** The office's complaint channel (project 17): poster, phone page, one line on every ticket. */
export const SETTING_COMPLAINT_CHANNEL = 'complaintChannel';
/** When the office issues tickets (OfficeHours); absent or null: at any time. */
export const SETTING_OFFICE_HOURS = 'officeHours';
/** How the hall voice reads a call (its polite ending); absent: DEFAULT_ANNOUNCEMENT. */
export const SETTING_ANNOUNCEMENT = 'announcement';
export const DEFAULT_ANNOUNCEMENT: AnnouncementSettings = { ending: 'kha' };

/**
 * What every command shares: the store, the clock, the cached settings, and
 * `run`, which makes one transaction and publishes its events after commit.
 */
export class OfficeContext {
  private cachedConfig: QueueConfig | undefined;
  private cachedName: LocalizedText | undefined;
  private cachedServices: Map<number, ServiceRecord> | undefined;
  private cachedCounters: CounterRecord[] | undefined;
  private cachedHours: OfficeHours | null | undefined;
  private pending: DomainEvent[] | undefined;
  private listener: Listener | null = null;
  private interfaces: () => NetworkInterfaces = osInterfaces;
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

  /**
   * The socket `serve` or `start` listens on, and where to read this machine's interfaces
   * (a test hands in its own): the default public address is worked out from them.
   */
  listeningAt(listener: Listener, interfaces: () => NetworkInterfaces = osInterfaces): void {
    this.listener = listener;
    this.interfaces = interfaces;
  }

  /** The office's own public address setting, or null when the default applies. */
  publicBaseUrlSetting(): string | null {
    return this.store.settings.get<string | null>(SETTING_PUBLIC_BASE_URL) ?? null;
  }

  /** The address tickets' QR codes carry now, and where it came from. */
  publicAddress(): PublicAddress {
    return effectivePublicAddress(this.publicBaseUrlSetting(), this.listener, this.interfaces());
  }

  /** This machine's interfaces, as the public address default reads them. */
  networkInterfaces(): NetworkInterfaces {
    return this.interfaces();
  }

  complaintChannel(): ComplaintChannel | null {
    return this.store.settings.get<ComplaintChannel | null>(SETTING_COMPLAINT_CHANNEL) ?? null;
  }

  announcement(): AnnouncementSettings {
    return {
      ...DEFAULT_ANNOUNCEMENT,
      ...this.store.settings.get<Partial<AnnouncementSettings>>(SETTING_ANNOUNCEMENT),
    };
  }

  /** The office's hours, read once like the counters: every ticket issued is checked against them. */
  officeHours(): OfficeHours | null {
    if (this.cachedHours === undefined)
      this.cachedHours = this.store.settings.get<OfficeHours | null>(SETTING_OFFICE_HOURS) ?? null;
    return this.cachedHours;
  }

  /**
   * Why a ticket for the service may not be issued now, with the 409 that says so; null when
   * it may (an unknown or inactive service is the issue command's own refusal). Reads only
   * cached counters and settings: it runs on every ticket issued.
   */
  issueRefusal(serviceId: number): { reason: UnavailableReason; error: KhiuError } | null {
    const service = this.services().get(serviceId);
    if (!service?.active) return null;
    const timeZone = this.config().timeZone;
    const availability = serviceAvailability(
      this.officeHours(),
      this.counters(),
      serviceId,
      this.now(),
      timeZone,
    );
    if (availability.unavailable === null) return null;
    const opensAt =
      availability.opensAtMs === null ? null : toLocalIso(availability.opensAtMs, timeZone);
    return {
      reason: availability.unavailable,
      error: unavailableError(service.code, availability, opensAt),
    };
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
    this.cachedHours = undefined;
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
