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
