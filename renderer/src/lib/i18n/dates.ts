import type { Lang } from './lang.svelte.ts';

/** The office's zone; the realtime client sets it from every snapshot. */
let officeTimeZone = 'Asia/Bangkok';

export function setOfficeTimeZone(timeZone: string): void {
  officeTimeZone = timeZone;
}

/** Thai dates count years in the Buddhist era (พ.ศ. = C.E. + 543). */
const localeOf = (lang: Lang): string => (lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB');

export function formatDate(value: Date | string, lang: Lang, timeZone = officeTimeZone): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(new Date(value));
}

export function formatShortDate(
  value: Date | string,
  lang: Lang,
  timeZone = officeTimeZone,
): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(new Date(value));
}

export function formatTime(
  value: Date | string,
  lang: Lang,
  timeZone = officeTimeZone,
  seconds = false,
): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
    timeZone,
  }).format(new Date(value));
}

/** YYYY-MM-DD of the office's day (what the API's from/to take), Gregorian on purpose. */
export function officeDay(value: Date, timeZone = officeTimeZone): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(value);
}

/** Minutes as the citizen reads them: "15 นาที" / "15 min", "1 ชม. 5 นาที" / "1 h 5 min". */
export function formatMinutes(minutes: number, lang: Lang): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (lang === 'th') return h > 0 ? `${h} ชม.${rest ? ` ${rest} นาที` : ''}` : `${rest} นาที`;
  return h > 0 ? `${h} h${rest ? ` ${rest} min` : ''}` : `${rest} min`;
}

/**
 * Reports write dates as Thai documents do: Buddhist era in Thai digits
 * (๒๕ พฤศจิกายน ๒๕๖๙); English keeps the Gregorian calendar.
 */
const documentLocaleOf = (lang: Lang): string =>
  lang === 'th' ? 'th-TH-u-ca-buddhist-nu-thai' : 'en-GB';

/**
 * A calendar day (YYYY-MM-DD) is the same day in every zone, so it is formatted as
 * noon UTC in UTC: no office offset can move it to the day before or after.
 */
const calendarDay = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** 2026-11-25 → ๒๕ พฤศจิกายน ๒๕๖๙ / 25 November 2026. */
export function formatDocumentDay(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDay(day));
}

/**
 * 2026-11-25 → พุธ ๒๕ พ.ย. / Wed 25 Nov: table rows, where the period gives the
 * year; without the weekday (๒๕ พ.ย.) for chart axes.
 */
export function formatShortDay(day: string, lang: Lang, weekday = true): string {
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    ...(weekday ? { weekday: 'short' } : {}),
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(calendarDay(day));
}

/** A weekday's short name, 0 = Monday (as reports count them): จ. / Mon. */
export function formatWeekday(weekday: number, lang: Lang): string {
  // 5 January 2026 was a Monday.
  const day = new Date(Date.UTC(2026, 0, 5 + weekday, 12));
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    weekday: 'short',
    timeZone: 'UTC',
  }).format(day);
}

/** Both ends of a range, sharing what they share: ๒๓–๒๙ พฤศจิกายน ๒๕๖๙. */
export function formatDayRange(from: string, to: string, lang: Lang): string {
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(calendarDay(from), calendarDay(to));
}

/** 2026-11 → พฤศจิกายน ๒๕๖๙ / November 2026. */
export function formatMonth(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(calendarDay(`${month}-01`));
}

/** An instant as a document states it, in the office's zone: ๒๕ พฤศจิกายน ๒๕๖๙ เวลา ๑๐:๑๕. */
export function formatDocumentTime(
  value: Date | string,
  lang: Lang,
  timeZone = officeTimeZone,
): string {
  return new Intl.DateTimeFormat(documentLocaleOf(lang), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(value));
}
