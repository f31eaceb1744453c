import type { Lang } from '../i18n/lang.svelte.ts';

/** What a figure shows when the period has no data for it (the report sends null, never NaN). */
export const NO_FIGURE = '–';

const counts = new Intl.NumberFormat('en-US');
const oneDecimal = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Counts with thousands separators, Arabic digits (tables read faster that way). */
export function formatCount(value: number): string {
  return counts.format(value);
}

/** 85.2%: one decimal, as the office's plan states its targets. */
export function formatPct(value: number | null): string {
  return value === null ? NO_FIGURE : `${oneDecimal.format(value)}%`;
}

/** 12.5 นาที / 12.5 min. */
export function formatMinutesFigure(value: number | null, lang: Lang): string {
  if (value === null) return NO_FIGURE;
  return `${oneDecimal.format(value)} ${lang === 'th' ? 'นาที' : 'min'}`;
}

/** A mean rating out of five: 4.52. */
export function formatScore(value: number | null): string {
  return value === null ? NO_FIGURE : value.toFixed(2);
}

export type ChangeUnit = 'pct' | 'pts' | 'min';

/**
 * A change against the previous period, signed: +12.0% (relative), +3.1 จุด
 * (percentage points), −0.5 นาที. Null when the previous period had no data.
 */
export function formatChange(value: number | null, unit: ChangeUnit, lang: Lang): string {
  if (value === null) return NO_FIGURE;
  // The sign follows the figure as shown: a change of -0.04 reads ±0.0, not −0.0.
  const shown = roundedToShown(value);
  const sign = shown > 0 ? '+' : shown < 0 ? '−' : '±';
  const size = oneDecimal.format(Math.abs(shown));
  if (unit === 'pct') return `${sign}${size}%`;
  if (unit === 'pts') return `${sign}${size} ${lang === 'th' ? 'จุด' : 'pts'}`;
  return `${sign}${size} ${lang === 'th' ? 'นาที' : 'min'}`;
}

/** Changes are shown to one decimal, halves away from zero as Intl rounds them. */
const roundedToShown = (value: number): number =>
  (Math.sign(value) * Math.round(Math.abs(value) * 10)) / 10;

/** Whether a change is good news: fewer minutes of waiting is, more issued tickets is neither. */
export function changeTone(
  value: number | null,
  better: 'up' | 'down' | 'neither',
): 'good' | 'bad' | 'flat' {
  if (value === null || roundedToShown(value) === 0 || better === 'neither') return 'flat';
  return value > 0 === (better === 'up') ? 'good' : 'bad';
}
