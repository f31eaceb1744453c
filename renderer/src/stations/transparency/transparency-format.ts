import type { TransparencyRange } from '../../lib/contract.ts';
import type { Lang } from '../../lib/i18n/lang.svelte.ts';
import { L } from '../../lib/i18n/labels.ts';

export const RANGE_LABELS = {
  today: L('วันนี้', 'Today'),
  week: L('สัปดาห์นี้', 'This week'),
  month: L('เดือนนี้', 'This month'),
} as const satisfies Record<TransparencyRange, { th: string; en: string }>;

/** Thai readers see Buddhist-era years (พ.ศ.) in the digits the hall reads: 19 พ.ย. 2569. */
const localeOf = (lang: Lang): string => (lang === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB');

/** A calendar day is the same in every zone: formatted as noon UTC in UTC it cannot shift. */
const noonOf = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** 2026-11-16 … 2026-11-19 → 16–19 พ.ย. 2569; one day → พฤหัสบดี 19 พฤศจิกายน 2569. */
export function rangeText(from: string, to: string, lang: Lang): string {
  if (from === to)
    return new Intl.DateTimeFormat(localeOf(lang), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(noonOf(from));
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatRange(noonOf(from), noonOf(to));
}

/** จ. 16 พ.ย. 2569 / Mon 16 Nov 2026: one row of the ledger's days. */
export function dayText(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(noonOf(day));
}

/** 2026-11 → พฤศจิกายน 2569 / November 2026: a month of the complaints' counts. */
export function monthText(month: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(noonOf(`${month}-15`));
}

/** 10:42 น. / 10:42, in the office's zone (the offset the server wrote into the time). */
export function clockText(iso: string, timeZone: string, lang: Lang): string {
  const time = new Intl.DateTimeFormat(localeOf(lang), {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(iso));
  return lang === 'th' ? `${time} น.` : time;
}

/** 19 พ.ย. 2569 10:42 น.: a call on another day than today. */
export function dateTimeText(iso: string, timeZone: string, lang: Lang): string {
  const date = new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(new Date(iso));
  return `${date} ${clockText(iso, timeZone, lang)}`;
}

/** 97.4 → "97.4%"; no calls → "–". */
export function pctText(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

/** Minutes to one decimal: 12.35 → "12.4"; none → "–". */
export function minutesText(value: number | null): string {
  return value === null ? '–' : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
}

/** The first 12 hex digits: enough to compare by eye with a saved copy. */
export const shortHash = (hash: string): string => `${hash.slice(0, 12)}…`;
