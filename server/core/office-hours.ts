import type { OfficeHours } from '../contract/contract.ts';
import { nextDay, utcOffsetMinutes } from './local-time.ts';

/*
 * Office hours, pure: whether the office is open at an instant, whether a service's tickets may
 * be issued then, and when they next may. Times of day are minutes since local midnight in the
 * office's time zone; a day is YYYY-MM-DD there, its weekday counted from Monday (0) as a Thai
 * office's notice lists them.
 */

const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;
/** How far ahead an opening is looked for: past a year of holidays, the office has no hours. */
const LOOKAHEAD_DAYS = 400;

const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Whether `text` is a time of day "HH:MM" (00:00–23:59; "24:00" too when `midnight` allows the day's end). */
export function isTimeOfDay(text: string, midnight = false): boolean {
  return HHMM.test(text) || (midnight && text === '24:00');
}

/** "08:30" → 510, "24:00" → 1440. */
export function minutesOfDay(text: string): number {
  const [h, m] = text.split(':');
  return Number(h) * 60 + Number(m);
}

/** The usual hours of a Thai municipal office: Monday–Friday 08:30–16:30, the last ticket at 16:00. */
export const MUNICIPAL_OFFICE_HOURS: OfficeHours = {
  weekdays: [
    { open: '08:30', close: '16:30' },
    { open: '08:30', close: '16:30' },
    { open: '08:30', close: '16:30' },
    { open: '08:30', close: '16:30' },
    { open: '08:30', close: '16:30' },
    null,
    null,
  ],
  lastTicket: '16:00',
  serviceLastTicket: [],
  holidays: [],
};

interface LocalMoment {
  day: string;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, with the fraction of the minute. */
  minute: number;
}

function localMoment(ms: number, timeZone: string): LocalMoment {
  const wall = new Date(ms + utcOffsetMinutes(ms, timeZone) * MINUTE_MS);
  const midnight = Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate());
  return {
    day: wall.toISOString().slice(0, 10),
    weekday: (wall.getUTCDay() + 6) % 7,
    minute: (wall.getTime() - midnight) / MINUTE_MS,
  };
}

/** The instant a local time of day falls on `day`; two passes settle the offset next to a DST change. */
function instantOf(day: string, minute: number, timeZone: string): number {
  const naive = Date.parse(`${day}T00:00:00Z`) + minute * MINUTE_MS;
  let guess = naive - utcOffsetMinutes(naive, timeZone) * MINUTE_MS;
  guess = naive - utcOffsetMinutes(guess, timeZone) * MINUTE_MS;
  return guess;
}

/** A day's hours in minutes: open, the service's last ticket, close; null when closed all day. */
interface DayWindow {
  open: number;
  lastTicket: number;
  close: number;
}

function dayWindow(
  hours: OfficeHours,
  serviceId: number | null,
  day: string,
  weekday: number,
): DayWindow | null {
  const posted = hours.weekdays[weekday];
  if (!posted || hours.holidays.includes(day)) return null;
  const open = minutesOfDay(posted.open);
  const close = minutesOfDay(posted.close);
  const own = hours.serviceLastTicket.find((s) => s.serviceId === serviceId)?.lastTicket;
  const cutOff = own ?? hours.lastTicket;
  return {
    open,
    close,
    lastTicket: cutOff === null ? close : Math.min(close, minutesOfDay(cutOff)),
  };
}

/** Whether the office is open at `ms` (no hours set: always). */
export function isOfficeOpen(hours: OfficeHours | null, ms: number, timeZone: string): boolean {
  if (!hours) return true;
  const now = localMoment(ms, timeZone);
  const window = dayWindow(hours, null, now.day, now.weekday);
  return window !== null && now.minute >= window.open && now.minute < window.close;
}

export type IssueDecision =
  | { issuable: true }
  | {
      issuable: false;
      /** office_closed: outside the office's hours; service_closed_for_today: past the service's last ticket. */
      reason: 'office_closed' | 'service_closed_for_today';
      /** When the service's tickets are next issued; null when no day ahead has hours for it. */
      opensAtMs: number | null;
    };

/** Whether a ticket for the service may be issued at `ms`, and if not why and when next. */
export function issueDecision(
  hours: OfficeHours | null,
  serviceId: number,
  ms: number,
  timeZone: string,
): IssueDecision {
  if (!hours) return { issuable: true };
  const now = localMoment(ms, timeZone);
  const window = dayWindow(hours, serviceId, now.day, now.weekday);
  const officeOpen = window !== null && now.minute >= window.open && now.minute < window.close;
  if (officeOpen && now.minute < window.lastTicket) return { issuable: true };
  return {
    issuable: false,
    reason: officeOpen ? 'service_closed_for_today' : 'office_closed',
    opensAtMs: nextOpening(hours, serviceId, ms, timeZone),
  };
}

/**
 * The first instant after `ms` at which the office opens (serviceId null) or opens for the
 * service's tickets (a day whose last ticket for it is after opening); null: none within a year.
 */
export function nextOpening(
  hours: OfficeHours,
  serviceId: number | null,
  ms: number,
  timeZone: string,
): number | null {
  const now = localMoment(ms, timeZone);
  let day = now.day;
  for (let ahead = 0; ahead < LOOKAHEAD_DAYS; ahead += 1, day = nextDay(day)) {
    const window = dayWindow(hours, serviceId, day, (now.weekday + ahead) % 7);
    if (!window || window.lastTicket <= window.open) continue;
    if (ahead === 0 && now.minute >= window.open) continue;
    return instantOf(day, window.open, timeZone);
  }
  return null;
}

/**
 * The next instant after `ms` at which an answer of `issueDecision` or `isOfficeOpen` may change
 * for any of the services: today's next opening, last ticket or closing, else the next midnight.
 */
export function nextHoursChange(
  hours: OfficeHours,
  serviceIds: readonly number[],
  ms: number,
  timeZone: string,
): number {
  const now = localMoment(ms, timeZone);
  let soonest = DAY_MINUTES;
  for (const serviceId of [null, ...serviceIds]) {
    const window = dayWindow(hours, serviceId, now.day, now.weekday);
    if (!window) continue;
    for (const minute of [window.open, window.lastTicket, window.close]) {
      if (minute > now.minute && minute < soonest) soonest = minute;
    }
  }
  return soonest === DAY_MINUTES
    ? instantOf(nextDay(now.day), 0, timeZone)
    : instantOf(now.day, soonest, timeZone);
}
