/**
 * The office's own time, for PCs whose clocks are stepped (no NTP, a hand correction, a flat
 * CMOS battery). Citizens' places in line and the office day are taken from the clock only
 * when it does not contradict what the office has already done. Pure: every time is passed in.
 */

/** The day the office works on: the clock's day, or the last day it worked on if the clock reads earlier. */
export function officeDay(clockDay: string, lastDay: string | null): string {
  // YYYY-MM-DD compares as text.
  return lastDay !== null && lastDay > clockDay ? lastDay : clockDay;
}

/**
 * A new ticket's place in time: the clock, but never before the ticket issued last (so a clock
 * stepped back cannot put a newcomer ahead of people already waiting) nor before the start of
 * the office day it is numbered in (so its time stays inside its day).
 */
export function ticketTime(
  clockMs: number,
  lastIssuedMs: number | null,
  dayStartMs: number,
): number {
  return Math.max(clockMs, lastIssuedMs ?? -Infinity, dayStartMs);
}

/**
 * A first call's time: the clock, but after the latest first call of the day, so the count of
 * normal calls since the last priority call (the priority lane's turn) follows calling order
 * even when the clock is stepped back; and not before the ticket was issued, so no wait is
 * negative.
 */
export function callTime(clockMs: number, latestCallMs: number | null, issuedMs: number): number {
  return Math.max(clockMs, latestCallMs === null ? -Infinity : latestCallMs + 1, issuedMs);
}
