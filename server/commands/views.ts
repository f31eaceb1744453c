import type {
  IssuingState,
  CallSummary,
  DeviceProfiles,
  Counter,
  IsoTime,
  NowServing,
  QueueSummary,
  Service,
  Snapshot,
  Ticket,
  TicketRecord as TicketListing,
  TicketSteps,
  User,
} from '../contract/contract.ts';
import type { CounterRecord, ServiceRecord, TicketRecord, UserRecord } from '../core/records.ts';
import { standardMinutesOf } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import type { TicketStepRecord } from '../store/step-store.ts';
import { nextDay, startOfLocalDay, toLocalIso } from '../core/local-time.ts';
import { estimateWaitMinutes } from '../core/wait-estimate.ts';
import { publishedRule } from '../core/queue-rule.ts';
import { notFound } from '../core/errors.ts';
import { isOfficeOpen, nextHoursChange, nextOpening } from '../core/office-hours.ts';
import { serviceAvailability } from '../core/service-availability.ts';

const LATEST_CALLS = 10;
const round2 = (n: number): number => Math.round(n * 100) / 100;
/** A transfer chain longer than this is corrupt data, not a citizen's path. */
const MAX_TRANSFERS = 50;

export interface TicketStatusView {
  ticket: Ticket;
  service: { id: number; code: string; name: Service['name'] };
  counter: { id: number; name: string; number: number } | null;
}

/** Read models: what clients see, built from the store; no writes. */
export class Views {
  private readonly justIssued = new WeakMap<TicketRecord, Ticket>();

  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  iso(ms: number): IsoTime;
  iso(ms: number | null): IsoTime | null;
  iso(ms: number | null): IsoTime | null {
    return ms === null ? null : toLocalIso(ms, this.ctx.config().timeZone);
  }

  service(s: ServiceRecord): Service {
    return {
      id: s.id,
      code: s.code,
      name: s.name,
      standardMinutes: standardMinutesOf(s),
      steps: s.steps,
      documents: s.documents,
      fee: s.fee,
      feeNote: s.feeNote,
      targetWaitMinutes: s.targetWaitMinutes,
      active: s.active,
    };
  }

  deviceProfiles(): DeviceProfiles {
    return this.ctx.deviceProfiles();
  }

  services(): Service[] {
    return [...this.ctx.services().values()].map((s) => this.service(s));
  }

  counter(c: CounterRecord): Counter {
    return {
      id: c.id,
      name: c.name,
      number: c.number,
      serviceIds: c.serviceIds,
      status: c.status,
      pauseReason: c.pauseReason,
    };
  }

  counters(): Counter[] {
    return this.ctx.counters().map((c) => this.counter(c));
  }

  user(u: UserRecord): User {
    return { id: u.id, username: u.username, role: u.role, active: u.active };
  }

  /**
   * A ticket as its holder sees it; `knownAhead` saves a count when the caller has it.
   * A new ticket is shown twice (the HTTP answer and ticket:issued) from the same
   * record object, so that view is built once.
   */
  ticket(t: TicketRecord, knownAhead?: number): Ticket {
    if (knownAhead === undefined) return this.buildTicket(t);
    let view = this.justIssued.get(t);
    if (!view) {
      view = this.buildTicket(t, knownAhead);
      this.justIssued.set(t, view);
    }
    return view;
  }

  private buildTicket(t: TicketRecord, knownAhead?: number): Ticket {
    const waitingInLine = t.status === 'waiting' && !t.held;
    const ahead = waitingInLine ? (knownAhead ?? this.store.tickets.ahead(t)) : 0;
    return this.ticketFields(t, ahead, waitingInLine ? this.estimate(t.serviceId, ahead) : null);
  }

  private ticketFields(
    t: TicketRecord,
    ahead: number,
    estimatedWaitMinutes: number | null,
  ): Ticket {
    return {
      id: t.id,
      number: t.number,
      serviceId: t.serviceId,
      status: t.status,
      priority: t.priority,
      issuedAt: this.iso(t.issuedMs),
      // A transfer's successor keeps the original place in time: that is when the citizen joined.
      joinedAt: this.iso(t.queuedMs),
      ahead,
      estimatedWaitMinutes,
      counterId: t.counterId,
      calledAt: this.iso(t.calledMs),
      startedAt: this.iso(t.startedMs),
      finishedAt: this.iso(t.finishedMs),
      held: t.held,
      recalls: t.recalls,
      outOfTurn: t.outOfTurn,
      transferredTo: t.transferredTo,
      transferredFrom: t.transferredFrom,
    };
  }

  /** A ticket's timed steps, as the counter screen reads them back. */
  ticketSteps(ticketId: string, steps: TicketStepRecord[]): TicketSteps {
    return {
      ticketId,
      steps: steps.map((s) => ({
        order: s.order,
        startedAt: this.iso(s.startedMs),
        finishedAt: this.iso(s.finishedMs),
        standardMinutes: s.standardMinutes,
        minutes: s.finishedMs === null ? null : round2((s.finishedMs - s.startedMs) / 60_000),
        counterId: s.counterId,
        staff: s.staff,
      })),
    };
  }

  /** The public status of a ticket id, following transfers to where the citizen is now. */
  ticketStatus(id: string): TicketStatusView {
    let ticket = this.store.tickets.get(id);
    if (!ticket) throw notFound('ticket', id);
    for (let hops = 0; ticket.transferredTo && hops < MAX_TRANSFERS; hops += 1) {
      ticket = this.store.tickets.get(ticket.transferredTo) ?? ticket;
    }
    const service = this.store.services.get(ticket.serviceId)!;
    const counter =
      ticket.counterId === null ? undefined : this.store.counters.get(ticket.counterId);
    return {
      ticket: this.ticket(ticket),
      service: { id: service.id, code: service.code, name: service.name },
      counter: counter ? { id: counter.id, name: counter.name, number: counter.number } : null,
    };
  }

  private estimate(serviceId: number, ahead: number): number | null {
    const service = this.ctx.services().get(serviceId);
    if (!service) return null;
    const open = this.ctx
      .counters()
      .filter((c) => c.status === 'open' && c.serviceIds.includes(serviceId)).length;
    return estimateWaitMinutes(ahead, standardMinutesOf(service), open);
  }

  queue(): QueueSummary {
    const day = this.ctx.calendar.day();
    const counts = new Map(
      this.store.tickets.waitingCounts(day).map((c) => [c.serviceId, c.waiting]),
    );
    const oldest = new Map(
      this.store.tickets.oldestWaitingByService(day).map((o) => [o.serviceId, o.queuedMs]),
    );
    const counters = this.ctx.counters();
    const byId = new Map(counters.map((c) => [c.id, c]));
    const services = [...this.ctx.services().values()].map((s) => {
      const waiting = counts.get(s.id) ?? 0;
      const open = counters.filter(
        (c) => c.status === 'open' && c.serviceIds.includes(s.id),
      ).length;
      return {
        serviceId: s.id,
        code: s.code,
        waiting,
        estimatedWaitMinutes: estimateWaitMinutes(waiting, standardMinutesOf(s), open),
        oldestWaitingSince: this.iso(oldest.get(s.id) ?? null),
      };
    });
    const latestCalls: CallSummary[] = this.store.tickets
      .latestCalls(day, LATEST_CALLS)
      .flatMap((t) => {
        const counter = t.counterId === null ? undefined : byId.get(t.counterId);
        if (!counter || t.lastCalledMs === null) return [];
        return [
          {
            ticket: { id: t.id, number: t.number, serviceId: t.serviceId },
            counter: { id: counter.id, name: counter.name, number: counter.number },
            calledAt: this.iso(t.lastCalledMs),
            recall: t.recalls > 0,
          },
        ];
      });
    const active = new Map(this.store.tickets.active().map((t) => [t.counterId, t]));
    const nowServing: NowServing[] = counters.map((c) => {
      const t = active.get(c.id);
      return {
        counterId: c.id,
        ticket: t ? { id: t.id, number: t.number, serviceId: t.serviceId, status: t.status } : null,
      };
    });
    return { services, latestCalls, nowServing };
  }

  /** Everything a display or counter needs to start or resync; `seq` is the ledger head it reflects. */
  snapshot(): Snapshot {
    return {
      seq: this.store.ledger.head().seq,
      officeName: this.ctx.officeName(),
      timeZone: this.ctx.config().timeZone,
      counters: this.counters(),
      serviceDefinitions: this.services(),
      rule: publishedRule(this.ctx.config()),
      publicBaseUrl: this.ctx.publicAddress().publicBaseUrl,
      complaintChannel: this.ctx.complaintChannel(),
      announcement: this.ctx.announcement(),
      issuing: this.issuing(),
      ...this.queue(),
    };
  }

  /** Which active services the kiosk issues now, and how long the office hours keep that so. */
  issuing(): IssuingState {
    const hours = this.ctx.officeHours();
    const timeZone = this.ctx.config().timeZone;
    const now = this.ctx.now();
    const counters = this.ctx.counters();
    const active = [...this.ctx.services().values()].filter((s) => s.active);
    const closed = hours !== null && !isOfficeOpen(hours, now, timeZone);
    return {
      officeHours: hours,
      officeOpensAt: closed ? this.iso(nextOpening(hours, null, now, timeZone)) : null,
      services: active.map((s) => {
        const a = serviceAvailability(hours, counters, s.id, now, timeZone);
        return {
          serviceId: s.id,
          unavailable: a.unavailable,
          pauseReason: a.pauseReason,
          opensAt: this.iso(a.opensAtMs),
        };
      }),
      changesInMs: hours
        ? nextHoursChange(
            hours,
            active.map((s) => s.id),
            now,
            timeZone,
          ) - now
        : null,
    };
  }

  /**
   * The waiting line a counter sees, in calling order of time. The people ahead of each are
   * counted in the same pass (the list is in queue order and holds every waiting ticket of
   * its services), not by a count per ticket, which made a line of n cost n² index steps.
   */
  waitingAtCounter(counterId: number): Ticket[] {
    const counter = this.store.counters.get(counterId);
    if (!counter) throw notFound('counter', counterId);
    const day = this.ctx.calendar.day();
    const seen = new Map<number, { priority: number; normal: number }>();
    return this.store.tickets.waitingList(day, counter.serviceIds).map((t) => {
      let before = seen.get(t.serviceId);
      if (!before) seen.set(t.serviceId, (before = { priority: 0, normal: 0 }));
      // As TicketStore.ahead: a priority ticket waits behind earlier priority tickets only, a
      // normal one behind both lanes; a held ticket is nobody's ahead.
      const ahead = t.priority ? before.priority : before.priority + before.normal;
      if (!t.held) before[t.priority ? 'priority' : 'normal'] += 1;
      return this.buildTicket(t, ahead);
    });
  }

  /** The manager's listing of tickets issued on local days [from, to], inclusive. */
  ticketListing(from: string, to: string): TicketListing[] {
    const tz = this.ctx.config().timeZone;
    const fromMs = startOfLocalDay(from, tz);
    const toMs = startOfLocalDay(nextDay(to), tz);
    const scores = this.store.ratings.scoresOfTicketsIssuedBetween(fromMs, toMs);
    return this.store.tickets.issuedBetween(fromMs, toMs).map((t) => ({
      // A listing is history, not a forecast: no queue position or estimate.
      ...this.ticketFields(t, 0, null),
      station: t.station,
      printOutcome: t.printOutcome,
      staff: t.staff,
      outOfTurnReason: t.outOfTurnReason,
      rating: scores.get(t.id) ?? null,
    }));
  }
}
