import type { PrintOutcome } from '../contract/contract.ts';
import type { Actor, TicketRecord } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import { conflict, notFound } from '../core/errors.ts';
import { assertTicketCan } from '../core/ticket-lifecycle.ts';
import { ratingLabel } from '../core/rating.ts';
import { mustGetTicket } from './ticket-lookup.ts';

/** How far back an agent that reconnects still prints tickets its station issued. */
export const PRINT_CATCH_UP_MS = 2 * 60_000;

/** How long after a finish the citizen may still rate it at the counter. */
export const RATING_WINDOW_MS = 10 * 60_000;

/** What comes back from citizens and devices about a ticket: its rating and its paper. */
export class FeedbackCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** One rating per finished ticket, never edited (project 16). */
  rate(ticketId: string, score: number, actor: Actor): void {
    ratingLabel(score);
    this.ctx.run((events) => {
      const ticket = mustGetTicket(this.store, ticketId);
      if (this.store.ratings.get(ticket.id)) {
        throw conflict('already_rated', `ticket ${ticket.number} has already been rated`);
      }
      assertTicketCan('rate', ticket);
      const rating = {
        ticketId: ticket.id,
        score,
        counterId: ticket.counterId!,
        staff: ticket.staff,
        ratedMs: this.ctx.now(),
      };
      this.store.ratings.insert(rating);
      const seq = this.store.ledger.record(
        rating.ratedMs,
        'rating.given',
        'rating',
        ticket.id,
        actor,
        { score },
      );
      events.push({ kind: 'ticket:rated', seq, rating });
    });
  }

  /**
   * The ticket a counter's rating screen or button box rates now: its latest
   * finished ticket, not yet rated, finished within the rating window.
   */
  ratingTarget(counterId: number): TicketRecord | null {
    if (!this.store.counters.get(counterId)) throw notFound('counter', counterId);
    const ticket = this.store.tickets.latestFinishedAt(
      counterId,
      this.ctx.now() - RATING_WINDOW_MS,
    );
    if (!ticket || this.store.ratings.get(ticket.id)) return null;
    return ticket;
  }

  /** A button press at a counter: rates its rating target, or 409 when nothing awaits a rating. */
  rateAtCounter(counterId: number, score: number, actor: Actor): TicketRecord {
    return this.ctx.run(() => {
      const ticket = this.ratingTarget(counterId);
      if (!ticket) {
        throw conflict(
          'nothing_to_rate',
          `counter ${counterId} has no finished ticket awaiting a rating`,
        );
      }
      this.rate(ticket.id, score, actor);
      return ticket;
    });
  }

  /**
   * Records what a station's printer did with a ticket. The ticket itself does not
   * change: it exists whether or not paper came out (the kiosk then shows it on screen).
   */
  recordPrint(
    ticketId: string,
    station: string,
    outcome: PrintOutcome,
    reprint: boolean,
    detail: string | null,
  ): void {
    this.ctx.run((events) => {
      const ticket = mustGetTicket(this.store, ticketId);
      const after = { ...ticket, printOutcome: outcome, printReports: ticket.printReports + 1 };
      this.store.tickets.saveProgress(ticket, after);
      const actor: Actor = { kind: 'station', station };
      const seq = this.store.ledger.record(
        this.ctx.now(),
        `ticket.print_${outcome}`,
        'ticket',
        ticket.id,
        actor,
        { reprint, detail },
      );
      events.push({
        kind: 'ticket:printed',
        seq,
        ticket: after,
        station,
        outcome,
        reprint,
        detail,
      });
    });
  }

  /**
   * Tickets a kiosk issued in the last few minutes that its printer never reported
   * on: issued while the station's agent was disconnected or restarting. The agent
   * asks on every (re)connect and prints them late rather than never.
   */
  unprinted(station: string): TicketRecord[] {
    return this.store.tickets.unprinted(station, this.ctx.now() - PRINT_CATCH_UP_MS);
  }
}
