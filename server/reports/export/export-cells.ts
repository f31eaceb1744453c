import type { IsoTime } from '../../contract/contract.ts';

/**
 * The cells every export writes: a value and how it is shown. Rounding happens
 * here, once, so the CSV and the XLSX hold the same numbers.
 */

export type CellFormat = 'text' | 'count' | 'minutes' | 'percent' | 'statistic' | 'flag';
export type CellValue = string | number | boolean | null;

export interface Cell {
  value: CellValue;
  format: CellFormat;
}

/** Minutes and percentages to one decimal, means and standard deviations to two. */
const DECIMALS: Record<Exclude<CellFormat, 'text' | 'flag'>, number> = {
  count: 0,
  minutes: 1,
  percent: 1,
  statistic: 2,
};

/** Half away from zero, so -2.25 and 2.25 round alike; never -0. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** A cell of `format`; numbers are rounded for it, and a non-finite number is an empty cell. */
export function cell(value: CellValue, format: CellFormat): Cell {
  if (typeof value !== 'number') return { value, format };
  if (!Number.isFinite(value)) return { value: null, format };
  if (format === 'text' || format === 'flag') return { value, format };
  return { value: roundTo(value, DECIMALS[format]), format };
}

/** 2026-11-24 10:12:30: the office-local wall clock, which an IsoTime carries before its offset. */
export function localDateTime(at: IsoTime): string {
  return at.slice(0, 19).replace('T', ' ');
}
