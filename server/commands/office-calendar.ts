import type { OfficeContext } from './office-context.ts';
import { localDay, startOfLocalDay } from '../core/local-time.ts';
import { callTime, officeDay, ticketTime } from '../core/office-time.ts';

/**
 * Where the office is in time, for the commands and the views. The office day never goes back
 * while the server runs: a clock stepped back across midnight keeps today's numbers, queue and
 * day close. Ticket times are read from the tickets table inside the command's transaction, so
 * they hold across restarts too.
 */
export class OfficeCalendar {
  /** The last office day a command worked on; undefined until read from the tickets, null without any. */
  private lastDay: string | null | undefined;
  private dayStart: { day: string; timeZone: string; ms: number } | undefined;

  /** Called when a command enters a later office day than the last one: the day close. */
  onDayTurned: ((day: string) => void) | undefined;

  constructor(private readonly ctx: OfficeContext) {}

  /** The office day as a read sees it; it does not move the day. */
  day(): string {
    // After a restart the office resumes on the day of its last ticket, if the clock reads earlier.
    if (this.lastDay === undefined) this.lastDay = this.ctx.store.tickets.latestDay();
    return officeDay(localDay(this.ctx.now(), this.ctx.config().timeZone), this.lastDay);
  }

  /** The office day a command works on, kept so that a clock stepped back cannot take it back. */
  enterDay(): string {
    const day = this.day();
    const turned = day !== this.lastDay;
    this.lastDay = day;
    if (turned) this.onDayTurned?.(day);
    return day;
  }

  /** A new ticket's place in time on `day` (see ticketTime). */
  ticketTime(day: string): number {
    return ticketTime(this.ctx.now(), this.ctx.store.tickets.latestIssuedMs(), this.startOf(day));
  }

  /** Local midnight starting `day`, worked out once a day rather than once a ticket. */
  private startOf(day: string): number {
    const timeZone = this.ctx.config().timeZone;
    if (this.dayStart?.day !== day || this.dayStart.timeZone !== timeZone)
      this.dayStart = { day, timeZone, ms: startOfLocalDay(day, timeZone) };
    return this.dayStart.ms;
  }

  /** The time of a ticket's first call (see callTime). */
  callTime(ticket: { day: string; issuedMs: number }): number {
    return callTime(
      this.ctx.now(),
      this.ctx.store.tickets.latestCallMs(ticket.day),
      ticket.issuedMs,
    );
  }
}
