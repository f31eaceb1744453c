import type { Actor, TicketRecord } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import type { TicketStepRecord } from '../store/step-store.ts';
import { conflict, KhiuError } from '../core/errors.ts';
import { assertTicketCan } from '../core/ticket-lifecycle.ts';
import { mustGetTicket } from './ticket-lookup.ts';

export interface StepsOfTicket {
  ticket: TicketRecord;
  steps: TicketStepRecord[];
}

/**
 * The posted steps of the ticket a counter is serving (project 26), timed one at a time: each
 * start and finish is one transaction with its ledger entry, so the counter screen reads them
 * back after a reload and the reports hold each step against its posted minutes. Steps may be
 * timed in any order (a step with nothing to do is skipped), but only one runs at a time.
 */
export class StepCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  start(ticketId: string, order: number, actor: Actor): StepsOfTicket {
    return this.ctx.run((events) => {
      const { ticket, posted, steps } = this.stepOf(ticketId, order);
      if (steps.some((s) => s.order === order))
        throw conflict(
          'step_already_started',
          `step ${order} of ticket ${ticket.number} was already started`,
        );
      const running = steps.find((s) => s.finishedMs === null);
      if (running)
        throw conflict(
          'step_in_progress',
          `step ${running.order} of ticket ${ticket.number} is still running; finish it first`,
        );
      const step = this.store.steps.start({
        ticketId: ticket.id,
        order,
        standardMinutes: posted.minutes,
        counterId: ticket.counterId!,
        staff: actor.kind === 'user' ? actor.username : ticket.staff,
        startedMs: this.ctx.now(),
      });
      const seq = this.store.ledger.record(step.startedMs, 'step.started', 'step', step.id, actor, {
        ticketId: ticket.id,
        order,
      });
      // Nothing of the ticket changed; its counter's screens re-read its steps on this event.
      events.push({ kind: 'ticket:updated', seq, ticket });
      return { ticket, steps: [...steps, step].sort((a, b) => a.order - b.order) };
    });
  }

  finish(ticketId: string, order: number, actor: Actor): StepsOfTicket {
    return this.ctx.run((events) => {
      const { ticket, steps } = this.stepOf(ticketId, order);
      const step = steps.find((s) => s.order === order);
      if (!step)
        throw conflict(
          'step_not_started',
          `step ${order} of ticket ${ticket.number} has not been started`,
        );
      if (step.finishedMs !== null)
        throw conflict(
          'step_already_finished',
          `step ${order} of ticket ${ticket.number} was already finished`,
        );
      // A clock stepped back never makes a step's time negative.
      const finished = this.store.steps.finish(step, Math.max(this.ctx.now(), step.startedMs));
      const seq = this.store.ledger.record(
        finished.finishedMs!,
        'step.finished',
        'step',
        step.id,
        actor,
        { ticketId: ticket.id, order },
      );
      events.push({ kind: 'ticket:updated', seq, ticket });
      return { ticket, steps: steps.map((s) => (s.id === finished.id ? finished : s)) };
    });
  }

  /** A ticket's timed steps (any state: a finished ticket's steps are its history). */
  ofTicket(ticketId: string): StepsOfTicket {
    const ticket = mustGetTicket(this.store, ticketId);
    return { ticket, steps: this.store.steps.ofTicket(ticket.id) };
  }

  /** The ticket being served, the posted step `order` of its service, and its timed steps. */
  private stepOf(ticketId: string, order: number) {
    const ticket = mustGetTicket(this.store, ticketId);
    assertTicketCan('step', ticket);
    const service = this.store.services.get(ticket.serviceId)!;
    const posted = service.steps.find((s) => s.order === order);
    if (!posted)
      throw new KhiuError(
        'not_found',
        `service ${service.code} posts no step ${order} (it posts ${service.steps.length})`,
        404,
      );
    return { ticket, posted, steps: this.store.steps.ofTicket(ticket.id) };
  }
}
