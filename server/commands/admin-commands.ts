import type {
  AnnouncementSettings,
  ComplaintChannel,
  CounterStatus,
  DeviceProfiles,
  LocalizedText,
  OfficeHours,
  Role,
} from '../contract/contract.ts';
import type { Actor, CounterRecord, ServiceRecord, UserRecord } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import {
  SETTING_DEVICE_PROFILES,
  SETTING_OFFICE_NAME,
  SETTING_QUEUE,
  SETTING_SATISFACTION_TARGET,
  SETTING_OFFICE_HOURS,
  SETTING_PUBLIC_BASE_URL,
  SETTING_COMPLAINT_CHANNEL,
  SETTING_ANNOUNCEMENT,
} from './office-context.ts';
import type { QueueConfig } from '../core/queue-rule.ts';
import type { OfficeDefinition } from '../core/default-office.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import {
  officePrintsText,
  unprintableInOfficeName,
  unprintableInComplaintChannel,
  unprintableInService,
  type UnprintableField,
} from '../core/ticket-printable.ts';

export type ServiceInput = Omit<ServiceRecord, 'id' | 'sortOrder'> & { sortOrder?: number };
export type CounterInput = Pick<CounterRecord, 'name' | 'number' | 'serviceIds'>;

/** Changes to the office's set-up: services, counters, users, settings. Each is recorded in the ledger. */
export class AdminCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  createService(input: ServiceInput, actor: Actor): ServiceRecord {
    return this.ctx.run((events) => {
      if (this.store.services.byCode(input.code))
        throw conflict('duplicate_code', `service code ${input.code} is taken`);
      this.assertPrintable(unprintableInService(input));
      const service = this.store.services.insert({
        ...input,
        sortOrder: input.sortOrder ?? this.store.services.count() + 1,
      });
      this.ctx.forgetCached();
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'service.created',
        'service',
        service.id,
        actor,
      );
      events.push({ kind: 'services:updated', seq });
      return service;
    });
  }

  updateService(id: number, patch: Partial<ServiceInput>, actor: Actor): ServiceRecord {
    return this.ctx.run((events) => {
      const service = this.store.services.get(id);
      if (!service) throw notFound('service', id);
      if (
        patch.code !== undefined &&
        patch.code !== service.code &&
        this.store.services.byCode(patch.code)
      ) {
        throw conflict('duplicate_code', `service code ${patch.code} is taken`);
      }
      this.assertPrintable(unprintableInService(patch));
      const after = { ...service, ...patch };
      this.store.services.update(after);
      this.ctx.forgetCached();
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'service.updated',
        'service',
        id,
        actor,
        { fields: Object.keys(patch) },
      );
      events.push({ kind: 'services:updated', seq });
      return after;
    });
  }

  createCounter(input: CounterInput, actor: Actor): CounterRecord {
    return this.ctx.run((events) => {
      this.checkCounter(input);
      const counter = this.store.counters.insert({ ...input, status: 'open', pauseReason: null });
      this.ctx.forgetCached();
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'counter.created',
        'counter',
        counter.id,
        actor,
      );
      events.push({ kind: 'counter:updated', seq, counter });
      return counter;
    });
  }

  updateCounter(id: number, patch: Partial<CounterInput>, actor: Actor): CounterRecord {
    return this.ctx.run((events) => {
      const counter = this.store.counters.get(id);
      if (!counter) throw notFound('counter', id);
      const after = { ...counter, ...patch };
      this.checkCounter(after, id);
      this.store.counters.update(after);
      this.ctx.forgetCached();
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'counter.updated',
        'counter',
        id,
        actor,
        { fields: Object.keys(patch) },
      );
      events.push({ kind: 'counter:updated', seq, counter: after });
      return after;
    });
  }

  /** Opens, pauses (a reason is required) or closes a counter. */
  setCounterStatus(
    id: number,
    status: CounterStatus,
    reason: string | null,
    actor: Actor,
  ): CounterRecord {
    return this.ctx.run((events) => {
      const counter = this.store.counters.get(id);
      if (!counter) throw notFound('counter', id);
      if (status === 'paused' && !reason?.trim())
        throw invalid('reason_required', 'pausing a counter needs a reason');
      const after: CounterRecord = {
        ...counter,
        status,
        pauseReason: status === 'paused' ? reason!.trim() : null,
      };
      this.store.counters.update(after);
      this.ctx.forgetCached();
      const seq = this.store.ledger.record(
        this.ctx.now(),
        `counter.${status}`,
        'counter',
        id,
        actor,
        { reason },
      );
      events.push({ kind: 'counter:updated', seq, counter: after });
      return after;
    });
  }

  createUser(username: string, role: Role, passwordHash: string, actor: Actor): UserRecord {
    return this.ctx.run(() => {
      if (this.store.users.byUsername(username))
        throw conflict('duplicate_username', `user ${username} exists`);
      const user = this.store.users.insert({
        username,
        role,
        passwordHash,
        active: true,
        createdMs: this.ctx.now(),
      });
      this.store.ledger.record(this.ctx.now(), 'user.created', 'user', user.id, actor, { role });
      return user;
    });
  }

  updateUser(
    id: number,
    patch: { role?: Role; passwordHash?: string; active?: boolean },
    actor: Actor,
  ): UserRecord {
    return this.ctx.run(() => {
      const user = this.store.users.get(id);
      if (!user) throw notFound('user', id);
      const after = { ...user, ...patch };
      this.store.users.update(after);
      // A changed password or a deactivated account signs the user out everywhere.
      if (patch.passwordHash !== undefined || patch.active === false || patch.role !== undefined) {
        this.store.users.deleteSessionsOf(id);
      }
      const fields = Object.keys(patch).map((f) => (f === 'passwordHash' ? 'password' : f));
      this.store.ledger.record(this.ctx.now(), 'user.updated', 'user', id, actor, { fields });
      return after;
    });
  }

  setQueueConfig(config: QueueConfig, actor: Actor): void {
    this.changeSetting(SETTING_QUEUE, config, actor);
  }

  /**
   * Stores one office setting, records it in the ledger and tells every open screen and agent
   * (`office:updated`; they take the new value from the next snapshot).
   */
  changeSetting(key: string, value: unknown, actor: Actor): void {
    this.ctx.run((events) => {
      this.store.settings.set(key, value);
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'setting.changed',
        'setting',
        key,
        actor,
      );
      this.ctx.forgetCached();
      events.push({ kind: 'office:updated', seq });
    });
  }

  /** Replaces the office's printer and display profiles; agents apply them to their next ticket and call. */
  setDeviceProfiles(profiles: DeviceProfiles, actor: Actor): void {
    this.ctx.run((events) => {
      if (officePrintsText(profiles.printers)) this.assertAllPrintable();
      this.store.settings.set(SETTING_DEVICE_PROFILES, profiles);
      const seq = this.store.ledger.record(
        this.ctx.now(),
        'setting.changed',
        'setting',
        SETTING_DEVICE_PROFILES,
        actor,
      );
      events.push({ kind: 'profiles:updated', seq });
    });
  }

  setOfficeName(name: LocalizedText, actor: Actor): void {
    this.assertPrintable(unprintableInOfficeName(name));
    this.changeSetting(SETTING_OFFICE_NAME, name, actor);
  }

  /** The address in every ticket's QR; null goes back to the default (the LAN address). */
  setPublicBaseUrl(publicBaseUrl: string | null, actor: Actor): void {
    this.changeSetting(SETTING_PUBLIC_BASE_URL, publicBaseUrl, actor);
  }

  /** Where citizens complain (project 17); one short line of it is printed on every ticket. */
  setComplaintChannel(channel: ComplaintChannel, actor: Actor): void {
    this.assertPrintable(unprintableInComplaintChannel(channel));
    this.changeSetting(SETTING_COMPLAINT_CHANNEL, channel, actor);
  }

  /** The satisfaction target the reports hold the satisfied share against (the plan: 80 %). */
  setSatisfactionTarget(pct: number, actor: Actor): void {
    this.changeSetting(SETTING_SATISFACTION_TARGET, pct, actor);
  }

  /** When the kiosk issues tickets; null: at any time. Every kiosk follows from its next snapshot. */
  setOfficeHours(hours: OfficeHours | null, actor: Actor): void {
    for (const { serviceId } of hours?.serviceLastTicket ?? []) {
      if (!this.store.services.get(serviceId))
        throw invalid('invalid_input', `serviceLastTicket: service ${serviceId} does not exist`);
    }
    this.changeSetting(SETTING_OFFICE_HOURS, hours, actor);
  }

  /** How the hall voice reads a call; every display takes it from its next snapshot. */
  setAnnouncement(settings: AnnouncementSettings, actor: Actor): void {
    this.changeSetting(SETTING_ANNOUNCEMENT, settings, actor);
  }

  /** Sets up an empty database as the given office (services, counters, rule). No-op when services exist. */
  bootstrapOffice(office: OfficeDefinition, config: QueueConfig): boolean {
    const actor: Actor = { kind: 'system', reason: 'first_start' };
    return this.ctx.run(() => {
      if (this.store.services.count() > 0) return false;
      const now = this.ctx.now();
      this.store.settings.set(SETTING_OFFICE_NAME, office.officeName);
      this.store.ledger.record(now, 'setting.changed', 'setting', SETTING_OFFICE_NAME, actor);
      this.store.settings.set(SETTING_QUEUE, config);
      this.store.ledger.record(now, 'setting.changed', 'setting', SETTING_QUEUE, actor);
      if (office.officeHours) {
        this.store.settings.set(SETTING_OFFICE_HOURS, office.officeHours);
        this.store.ledger.record(now, 'setting.changed', 'setting', SETTING_OFFICE_HOURS, actor);
      }
      const ids = new Map<string, number>();
      office.services.forEach((definition, index) => {
        const service = this.store.services.insert({
          ...definition,
          active: true,
          sortOrder: index + 1,
        });
        ids.set(service.code, service.id);
        this.store.ledger.record(now, 'service.created', 'service', service.id, actor);
      });
      for (const definition of office.counters) {
        const serviceIds = definition.serviceCodes.map((code) => ids.get(code)!);
        const counter = this.store.counters.insert({
          name: definition.name,
          number: definition.number,
          serviceIds,
          status: 'open',
          pauseReason: null,
        });
        this.store.ledger.record(now, 'counter.created', 'counter', counter.id, actor);
      }
      this.ctx.forgetCached();
      return true;
    });
  }

  /** Refuses text a text-mode ticket printer would fail on, unless every printer is raster. */
  private assertPrintable(problem: UnprintableField | null): void {
    if (problem && officePrintsText(this.ctx.deviceProfiles().printers))
      throw invalid('invalid_input', `${problem.field}: ${problem.message}`);
  }

  /** A printer set to text mode must not meet a service or office name it cannot print. */
  private assertAllPrintable(): void {
    const problems = [
      ...this.store.services.all().map((s) => ({
        what: `service ${s.code}`,
        problem: unprintableInService(s),
      })),
      { what: 'the office name', problem: unprintableInOfficeName(this.ctx.officeName()) },
      ...(() => {
        const channel = this.ctx.complaintChannel();
        return channel
          ? [{ what: 'the complaint channel', problem: unprintableInComplaintChannel(channel) }]
          : [];
      })(),
    ];
    const first = problems.find((p) => p.problem !== null);
    if (first) {
      throw conflict(
        'unprintable_text',
        `${first.what}, ${first.problem!.field}: ${first.problem!.message}; change it before setting a printer to text mode`,
      );
    }
  }

  private checkCounter(counter: CounterInput, selfId?: number): void {
    const other = this.store.counters.byNumber(counter.number);
    if (other && other.id !== selfId)
      throw conflict('duplicate_number', `counter number ${counter.number} is taken`);
    for (const serviceId of counter.serviceIds) {
      if (!this.store.services.get(serviceId)) throw notFound('service', serviceId);
    }
  }
}
