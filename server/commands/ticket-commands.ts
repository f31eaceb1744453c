import type {
  CancelReason,
  OutOfTurnReason,
  PriorityKind,
  TicketStatus,
} from '../contract/contract.ts';
import type { Actor, CounterRecord, TicketRecord } from '../core/records.ts';
import type { DomainEvent } from './domain-events.ts';
import type { OfficeContext } from './office-context.ts';
import { conflict, notFound } from '../core/errors.ts';
import { mustGetTicket } from './ticket-lookup.ts';
import { pickNext, type PickReason } from '../core/queue-rule.ts';
import { formatTicketNumber } from '../core/ticket-number.ts';
import { assertTicketCan, NOT_YET_CALLED } from '../core/ticket-lifecycle.ts';

export interface IssuedTicket {
  ticket: TicketRecord;
  ahead: number;
}

/** The queue's commands. Each is one transaction: read, decide with core, write, record. */
export class TicketCommands {
  private openDay: string | undefined;

  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  /**
   * Tickets still waiting from an earlier day would otherwise sit at the head of today's line;
   * they are cancelled (recorded with reason day_closed) when the office day turns. The office
   * day never goes back (OfficeCalendar), so a clock stepped back across midnight and then
   * corrected closes nothing. A ticket called to or being served at a counter is left for that
   * counter to finish or mark a no-show: its citizen is standing there, and cancelling it would
   * end the service under the staff's hands; it stays on the day it was issued in the reports.
   */
  closeEarlierDays(): void {
    this.openToday();
  }

  /** Enters the office day, closing earlier days first when it has turned; returns the day. */
  private openToday(): string {
    const day = this.ctx.calendar.enterDay();
    if (this.openDay === day) return day;
    this.ctx.run((events) => {
      for (const ticket of this.store.tickets.waitingBefore(day)) {
        this.change(
          ticket,
          { status: 'cancelled' },
          'ticket.cancelled',
          { kind: 'system', reason: 'day_closed' },
          { reason: 'day_closed', wasStatus: ticket.status },
          events,
        );
      }
    });
    this.openDay = day;
    return day;
  }

  issue(serviceId: number, priority: PriorityKind | null, actor: Actor): IssuedTicket {
    // Refused before the day turns or a number is taken. Signed-in staff may still issue (to
    // put a citizen back in line); the ledger entry records what they overrode.
    const refusal = this.ctx.issueRefusal(serviceId);
    if (refusal && actor.kind !== 'user') throw refusal.error;
    const day = this.openToday();
    return this.ctx.run((events) => {
      const service = this.ctx.services().get(serviceId);
      if (!service) throw notFound('service', serviceId);
      if (!service.active)
        throw conflict('service_inactive', `service ${service.code} is not offered now`);
      const now = this.ctx.calendar.ticketTime(day);
      const lane = priority ? 'priority' : 'normal';
      const config = this.ctx.config();
      const n = this.store.tickets.nextNumber(day, service.id, lane);
      const ahead = this.store.tickets.waitingAheadOfNewTicket(day, service.id, lane);
      const ticket = this.store.tickets.insert({
        id: this.ctx.deps.newTicketId(),
        number: formatTicketNumber(service.code, lane, n, config.priority.prefix),
        day,
        serviceId: service.id,
        priority,
        station: actor.kind === 'station' ? actor.station : null,
        queuedMs: now,
        issuedMs: now,
        ...NOT_YET_CALLED,
        transferredFrom: null,
        printOutcome: null,
        printReports: 0,
      });
      const seq = this.store.ledger.record(now, 'ticket.issued', 'ticket', ticket.id, actor, {
        ahead,
        ...(refusal ? { overrode: refusal.reason } : {}),
      });
      events.push({
        kind: 'ticket:issued',
        seq,
        ticket,
        ahead,
        station: ticket.station,
      });
      return { ticket, ahead };
    });
  }

  /** Gives the counter the next ticket by the published rule; null when nobody waits. */
  callNext(counterId: number, actor: Actor): TicketRecord | null {
    const day = this.openToday();
    return this.ctx.run((events) => {
      const counter = this.openIdleCounter(counterId);
      const choice = this.choose(counter, day);
      if (!choice) return null;
      const ticket = this.mustGet(choice.ticketId);
      return this.call(
        ticket,
        counter,
        actor,
        { outOfTurn: false, reason: null },
        { rule: choice.reason, normalsSinceLastPriority: choice.normalsSinceLastPriority },
        events,
      );
    });
  }

  /** Calls a given ticket out of its turn; the reason is recorded and the call flagged unless it was next anyway. */
  callOutOfTurn(
    ticketId: string,
    counterId: number,
    reason: OutOfTurnReason,
    actor: Actor,
  ): TicketRecord {
    const day = this.openToday();
    return this.ctx.run((events) => {
      const counter = this.openIdleCounter(counterId);
      const ticket = this.mustGet(ticketId);
      assertTicketCan('call', ticket);
      if (!counter.serviceIds.includes(ticket.serviceId)) {
        throw conflict(
          'service_not_at_counter',
          `counter ${counter.number} does not serve ticket ${ticket.number}'s service; transfer it first`,
        );
      }
      const next = this.choose(counter, day);
      const outOfTurn = next?.ticketId !== ticket.id;
      return this.call(
        ticket,
        counter,
        actor,
        { outOfTurn, reason: outOfTurn ? reason : null },
        { reason, wouldHaveCalled: next?.ticketId ?? null },
        events,
      );
    });
  }

  recall(ticketId: string, actor: Actor): TicketRecord {
    return this.ctx.run((events) => {
      const ticket = this.mustGet(ticketId);
      assertTicketCan('recall', ticket);
      const limit = this.ctx.config().recallLimit;
      if (ticket.recalls >= limit) {
        return this.change(
          ticket,
          { status: 'no_show', staff: keptStaff(actor, ticket) },
          'ticket.no_show',
          actor,
          { reason: 'recall_limit', recalls: ticket.recalls },
          events,
        );
      }
      const now = this.ctx.now();
      const counter = this.store.counters.get(ticket.counterId!)!;
      return this.change(
        ticket,
        { recalls: ticket.recalls + 1, lastCalledMs: now },
        'ticket.recalled',
        actor,
        { recall: ticket.recalls + 1, limit },
        events,
        calledEvent(counter, true),
      );
    });
  }

  start(ticketId: string, actor: Actor): TicketRecord {
    return this.simple(
      ticketId,
      'start',
      actor,
      () => ({ status: 'serving', startedMs: this.ctx.now() }),
      'ticket.started',
    );
  }

  finish(ticketId: string, actor: Actor): TicketRecord {
    return this.simple(
      ticketId,
      'finish',
      actor,
      () => ({ status: 'done', finishedMs: this.ctx.now() }),
      'ticket.finished',
    );
  }

  noShow(ticketId: string, actor: Actor): TicketRecord {
    return this.simple(ticketId, 'no_show', actor, () => ({ status: 'no_show' }), 'ticket.no_show');
  }

  /** Cancels a ticket in line or held aside; the reason (null: none given) is recorded in the ledger. */
  cancel(ticketId: string, reason: CancelReason | null, actor: Actor): TicketRecord {
    return this.ctx.run((events) => {
      const ticket = this.mustGet(ticketId);
      assertTicketCan('cancel', ticket);
      const patch = { status: 'cancelled' as const, held: false, staff: keptStaff(actor, ticket) };
      const details = { reason, wasStatus: ticket.status, wasHeld: ticket.held };
      return this.change(ticket, patch, 'ticket.cancelled', actor, details, events);
    });
  }

  /** Parks a called ticket (the citizen went to fetch a document); it waits aside for its counter. */
  hold(ticketId: string, actor: Actor): TicketRecord {
    return this.simple(
      ticketId,
      'hold',
      actor,
      () => ({ status: 'waiting', held: true, startedMs: null }),
      'ticket.held',
    );
  }

  /** Calls a held ticket back to the counter that holds it. */
  returnFromHold(ticketId: string, actor: Actor): TicketRecord {
    return this.ctx.run((events) => {
      const ticket = this.mustGet(ticketId);
      assertTicketCan('return', ticket);
      const counter = this.openIdleCounter(ticket.counterId!);
      const now = this.ctx.now();
      return this.change(
        ticket,
        { status: 'called', held: false, lastCalledMs: now, staff: caller(actor, ticket) },
        'ticket.returned',
        actor,
        {},
        events,
        calledEvent(counter, false),
      );
    });
  }

  /** Moves the citizen to another service, keeping the number and the original place in time. */
  transfer(
    ticketId: string,
    serviceId: number,
    actor: Actor,
  ): { from: TicketRecord; to: TicketRecord } {
    const today = this.openToday();
    return this.ctx.run((events) => {
      const ticket = this.mustGet(ticketId);
      assertTicketCan('transfer', ticket);
      const service = this.store.services.get(serviceId);
      if (!service) throw notFound('service', serviceId);
      if (!service.active)
        throw conflict('service_inactive', `service ${service.code} is not offered now`);
      if (service.id === ticket.serviceId)
        throw conflict(
          'same_service',
          `ticket ${ticket.number} is already in service ${service.code}`,
        );
      const now = this.ctx.now();
      const to = this.store.tickets.insert({
        ...ticket,
        id: this.ctx.deps.newTicketId(),
        serviceId: service.id,
        // Into today's line: a ticket served overnight and transferred the next morning would
        // otherwise wait on a closed day that no counter calls from.
        day: today,
        // After the last ticket issued, like a new one: listings by issue time stay in order.
        issuedMs: this.ctx.calendar.ticketTime(today),
        ...NOT_YET_CALLED,
        transferredFrom: ticket.id,
      });
      const wasAtCounter = ticket.status === 'called' || ticket.status === 'serving';
      const from = this.change(
        ticket,
        {
          status: 'transferred',
          held: false,
          transferredTo: to.id,
          finishedMs: wasAtCounter ? now : ticket.finishedMs,
          staff: keptStaff(actor, ticket),
        },
        'ticket.transferred',
        actor,
        { toService: service.id, to: to.id },
        events,
      );
      const seq = this.store.ledger.record(now, 'ticket.transferred_in', 'ticket', to.id, actor, {
        from: ticket.id,
      });
      events.push({ kind: 'ticket:updated', seq, ticket: to });
      return { from, to };
    });
  }

  // ---- helpers ----

  private mustGet(ticketId: string): TicketRecord {
    return mustGetTicket(this.store, ticketId);
  }

  private openIdleCounter(counterId: number): CounterRecord {
    const counter = this.store.counters.get(counterId);
    if (!counter) throw notFound('counter', counterId);
    if (counter.status !== 'open')
      throw conflict('counter_not_open', `counter ${counter.number} is ${counter.status}`);
    const busy = this.store.tickets.activeAtCounter(counter.id)[0];
    if (busy) {
      throw conflict(
        'counter_busy',
        `counter ${counter.number} still has ticket ${busy.number} (${busy.status}); finish it, hold it or mark a no-show first`,
      );
    }
    return counter;
  }

  private choose(
    counter: CounterRecord,
    day: string,
  ): { ticketId: string; reason: PickReason; normalsSinceLastPriority: number } | null {
    const normalsSinceLastPriority = this.store.tickets.normalsSinceLastPriority(day);
    const pick = pickNext({
      oldestNormal: this.store.tickets.oldestWaiting(day, counter.serviceIds, 'normal'),
      oldestPriority: this.store.tickets.oldestWaiting(day, counter.serviceIds, 'priority'),
      normalsSinceLastPriority,
      everyNormal: this.ctx.config().priority.everyNormal,
    });
    return pick && { ticketId: pick.ticket.id, reason: pick.reason, normalsSinceLastPriority };
  }

  private call(
    ticket: TicketRecord,
    counter: CounterRecord,
    actor: Actor,
    turn: { outOfTurn: boolean; reason: OutOfTurnReason | null },
    details: Record<string, unknown>,
    events: DomainEvent[],
  ): TicketRecord {
    // A first call keeps calling order in time (see callTime); a return from hold or a recall
    // stamps the clock, as it only announces a ticket already called.
    const now = ticket.calledMs === null ? this.ctx.calendar.callTime(ticket) : this.ctx.now();
    return this.change(
      ticket,
      {
        status: 'called',
        calledMs: ticket.calledMs ?? now,
        lastCalledMs: now,
        counterId: counter.id,
        staff: caller(actor, ticket),
        outOfTurn: turn.outOfTurn,
        outOfTurnReason: turn.reason,
      },
      'ticket.called',
      actor,
      { counterId: counter.id, ...details },
      events,
      calledEvent(counter, false),
    );
  }

  private simple(
    ticketId: string,
    action: Parameters<typeof assertTicketCan>[0],
    actor: Actor,
    patch: () => Partial<TicketRecord> & { status: TicketStatus },
    type: string,
  ): TicketRecord {
    return this.ctx.run((events) => {
      const ticket = this.mustGet(ticketId);
      assertTicketCan(action, ticket);
      return this.change(
        ticket,
        { ...patch(), staff: keptStaff(actor, ticket) },
        type,
        actor,
        {},
        events,
      );
    });
  }

  /** Saves a ticket's progress, records it in the ledger and queues its one event (ticket:updated by default). */
  private change(
    ticket: TicketRecord,
    patch: Partial<TicketRecord>,
    type: string,
    actor: Actor,
    details: Record<string, unknown>,
    events: DomainEvent[],
    toEvent: EventFor = updatedEvent,
  ): TicketRecord {
    const after = { ...ticket, ...patch };
    this.store.tickets.saveProgress(ticket, after);
    const seq = this.store.ledger.record(this.ctx.now(), type, 'ticket', ticket.id, actor, details);
    events.push(toEvent(seq, after));
    return after;
  }
}

type EventFor = (seq: number, ticket: TicketRecord) => DomainEvent;
const updatedEvent: EventFor = (seq, ticket) => ({ kind: 'ticket:updated', seq, ticket });
const calledEvent =
  (counter: CounterRecord, recall: boolean): EventFor =>
  (seq, ticket) => ({ kind: 'ticket:called', seq, ticket, counter, recall });

/*
 * A ticket's `staff` is who served it: the reports credit its service times and its rating
 * to them. It is set by whoever calls the citizen to the counter (a call, an out-of-turn
 * call, a return from hold); a finish, no-show or transfer by someone else (a manager
 * standing in) keeps it, and the ledger still records who did what.
 */
const caller = (actor: Actor, ticket: TicketRecord): string | null =>
  actor.kind === 'user' ? actor.username : ticket.staff;

/** Keeps who served the ticket; a ticket nobody has called yet is answered for by the actor. */
const keptStaff = (actor: Actor, ticket: TicketRecord): string | null =>
  ticket.staff ?? (actor.kind === 'user' ? actor.username : null);
