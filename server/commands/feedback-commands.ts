import { RATING_TARGET_TIMEOUT_MS, type PrintOutcome } from '../contract/contract.ts';
import type { Actor, TicketRecord } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import { KhiuError, conflict, notFound } from '../core/errors.ts';
import { assertTicketCan } from '../core/ticket-lifecycle.ts';
import { ratingLabel } from '../core/rating.ts';
import { ratingTargetClosesInMs } from '../core/rating-target.ts';
import { mustGetTicket } from './ticket-lookup.ts';

/** How far back an agent that reconnects still prints tickets its station issued. */
export const PRINT_CATCH_UP_MS = 2 * 60_000;

/**
 * How long after a finish a ticket may be rated at all (by its id, from the QR). A citizen
 * rates the day they were served; a ticket id that turns up later (a photographed QR, a
 * thrown-away ticket) can no longer move the figures the executives read.
 */
export const RATING_BY_ID_WINDOW_MS = 24 * 60 * 60_000;

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
      if (ticket.finishedMs !== null && this.ctx.now() - ticket.finishedMs > RATING_BY_ID_WINDOW_MS)
        throw conflict(
          'rating_closed',
          `ticket ${ticket.number} was finished more than 24 hours ago; it can no longer be rated`,
        );
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
   * The ticket a counter's rating screen or button box rates now, and how long it stays so:
   * the counter's latest finished ticket, unrated, until the counter calls anyone or
   * RATING_TARGET_TIMEOUT_MS passes. Both ends are the server's, so a reload of the screen
   * or a late press never reaches the citizen before.
   */
  ratingTarget(counterId: number): { ticket: TicketRecord; closesInMs: number } | null {
    if (!this.store.counters.get(counterId)) throw notFound('counter', counterId);
    const now = this.ctx.now();
    const ticket = this.store.tickets.latestFinishedAt(counterId, now - RATING_TARGET_TIMEOUT_MS);
    if (!ticket || ticket.finishedMs === null) return null;
    const closesInMs = ratingTargetClosesInMs(
      {
        finishedMs: ticket.finishedMs,
        rated: this.store.ratings.get(ticket.id) !== undefined,
        counterCalledSince: this.store.tickets.calledAtCounterSince(
          counterId,
          ticket.finishedMs,
          ticket.id,
        ),
      },
      now,
    );
    return closesInMs === null ? null : { ticket, closesInMs };
  }

  /**
   * A tap or a press at a counter rates its rating target, or 409 `nothing_to_rate`. A screen
   * names the ticket it showed (`shownTicketId`): a screen that missed the counter's next call
   * must not rate the next citizen's ticket under the first one's number.
   */
  rateAtCounter(
    counterId: number,
    score: number,
    actor: Actor,
    shownTicketId?: string,
  ): TicketRecord {
    return this.ctx.run(() => {
      const target = this.ratingTarget(counterId);
      if (!target || (shownTicketId !== undefined && target.ticket.id !== shownTicketId)) {
        const counter = this.store.counters.get(counterId)!;
        throw conflict(
          'nothing_to_rate',
          target
            ? `the ticket this screen showed is no longer awaiting a rating at counter ${counter.number}`
            : `counter ${counter.number} has no finished ticket awaiting a rating`,
        );
      }
      this.rate(target.ticket.id, score, actor);
      return target.ticket;
    });
  }

  /**
   * Records what a station's printer did with a ticket. The ticket itself does not
   * change: it exists whether or not paper came out (the kiosk then shows it on screen).
   */
  recordPrint(
    ticketId: string,
    agent: { name: string; id: number },
    outcome: PrintOutcome,
    reprint: boolean,
    detail: string | null,
  ): void {
    const station = agent.name;
    this.ctx.run((events) => {
      const ticket = mustGetTicket(this.store, ticketId);
      // Another station's report would drop the ticket out of its own kiosk's catch-up.
      if (ticket.station !== station) {
        throw new KhiuError(
          'wrong_station',
          `ticket ${ticket.number} was not issued at station ${station}; only its own station's agent reports its paper`,
          403,
        );
      }
      const after = { ...ticket, printOutcome: outcome, printReports: ticket.printReports + 1 };
      this.store.tickets.saveProgress(ticket, after);
      const actor: Actor = { kind: 'station', station, stationId: agent.id };
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
