/**
 * Office-local calendar arithmetic. Day boundaries are local midnight in the
 * office's time zone (Asia/Bangkok by default), whatever the server's TZ is.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(ms: number, timeZone: string): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(ms)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 0,
    day: parts.day ?? 0,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/**
 * Offsets only change at transitions, which fall on whole quarter hours of UTC in
 * every zone; so one Intl lookup per zone and quarter hour serves every ticket in it.
 */
const QUARTER_HOUR_MS = 900_000;
const offsets = new Map<string, { quarter: number; minutes: number }>();

/** Offset of local time from UTC at `ms`, in minutes (+420 for Bangkok). */
export function utcOffsetMinutes(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR_MS);
  const cached = offsets.get(timeZone);
  if (cached?.quarter === quarter) return cached.minutes;
  const p = localParts(ms, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const minutes = Math.round((asUtc - (ms - (((ms % 1000) + 1000) % 1000))) / 60_000);
  offsets.set(timeZone, { quarter, minutes });
  return minutes;
}

/** The wall-clock time at `ms` in `timeZone`, as a Date whose UTC fields read as local time. */
function wallClock(ms: number, timeZone: string): { date: Date; offset: number } {
  const offset = utcOffsetMinutes(ms, timeZone);
  return { date: new Date(ms + offset * 60_000), offset };
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The local calendar date, YYYY-MM-DD. */
export function localDay(ms: number, timeZone: string): string {
  const { date } = wallClock(ms, timeZone);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** ISO 8601 with the local offset, e.g. 2026-11-25T09:05:00.000+07:00. */
export function toLocalIso(ms: number, timeZone: string): string {
  const { date, offset } = wallClock(ms, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date.toISOString().slice(0, 23)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidDay(day: string): boolean {
  const match = DAY_PATTERN.exec(day);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The instant local midnight starts `day` (YYYY-MM-DD) in `timeZone`. */
export function startOfLocalDay(day: string, timeZone: string): number {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const naive = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  // Two passes settle the offset even when midnight sits next to a DST change.
  let guess = naive - utcOffsetMinutes(naive, timeZone) * 60_000;
  guess = naive - utcOffsetMinutes(guess, timeZone) * 60_000;
  return guess;
}

/** The day after `day`, as YYYY-MM-DD. */
export function nextDay(day: string): string {
  const match = DAY_PATTERN.exec(day);
  if (!match) throw new RangeError(`not a day: ${day}`);
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1));
  return date.toISOString().slice(0, 10);
}
