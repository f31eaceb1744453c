import type { ReportKind } from '../contract.ts';

/** One period the office server reports on, in the terms its API takes. */
export type ReportPeriod =
  | { kind: 'weekly'; start: string }
  | { kind: 'monthly'; month: string }
  | { kind: 'half-year'; fiscalYear: number; half: 1 | 2 }
  | { kind: 'fiscal-year'; fiscalYear: number };

/**
 * The kinds of report, in the picker's order. A record, so adding a kind to the
 * contract fails the build here until the screen knows it.
 */
const KIND_ORDER: Record<ReportKind, number> = {
  weekly: 0,
  monthly: 1,
  'half-year': 2,
  'fiscal-year': 3,
};
export const REPORT_KIND_LIST = (Object.keys(KIND_ORDER) as ReportKind[]).sort(
  (a, b) => KIND_ORDER[a] - KIND_ORDER[b],
);

export function isReportKind(value: string): value is ReportKind {
  return Object.hasOwn(KIND_ORDER, value);
}

/** The Buddhist era counts 543 years ahead of the common era. */
export const BUDDHIST_ERA_OFFSET = 543;

const DAY_MS = 86_400_000;

/** Days are YYYY-MM-DD strings, calculated at UTC noon so no zone or DST shifts them. */
const toTime = (day: string): number => Date.parse(`${day}T12:00:00Z`);
const fromTime = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(day: string, days: number): string {
  return fromTime(toTime(day) + days * DAY_MS);
}

/** 0 = Monday … 6 = Sunday, as the reports count weekdays. */
export function weekdayOf(day: string): number {
  return (new Date(toTime(day)).getUTCDay() + 6) % 7;
}

export function mondayOf(day: string): string {
  return addDays(day, -weekdayOf(day));
}

/** The Thai fiscal year (Buddhist era) a day falls in: it starts on 1 October. */
export function fiscalYearOf(day: string): number {
  const [year, month] = day.split('-').map(Number) as [number, number];
  return (month >= 10 ? year + 1 : year) + BUDDHIST_ERA_OFFSET;
}

/** First half = October to March, second half = April to September. */
export function fiscalHalfOf(day: string): 1 | 2 {
  const month = Number(day.slice(5, 7));
  return month >= 10 || month <= 3 ? 1 : 2;
}

/** The days a period covers, both ends included. */
export function periodRange(period: ReportPeriod): { from: string; to: string } {
  switch (period.kind) {
    case 'weekly':
      return { from: period.start, to: addDays(period.start, 6) };
    case 'monthly': {
      const [year, month] = period.month.split('-').map(Number) as [number, number];
      const next = month === 12 ? `${year + 1}-01-01` : `${year}-${pad(month + 1)}-01`;
      return { from: `${period.month}-01`, to: addDays(next, -1) };
    }
    case 'half-year': {
      const ce = period.fiscalYear - BUDDHIST_ERA_OFFSET;
      return period.half === 1
        ? { from: `${ce - 1}-10-01`, to: `${ce}-03-31` }
        : { from: `${ce}-04-01`, to: `${ce}-09-30` };
    }
    case 'fiscal-year': {
      const ce = period.fiscalYear - BUDDHIST_ERA_OFFSET;
      return { from: `${ce - 1}-10-01`, to: `${ce}-09-30` };
    }
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The period of the same kind just before this one. */
export function previousPeriod(period: ReportPeriod): ReportPeriod {
  switch (period.kind) {
    case 'weekly':
      return { kind: 'weekly', start: addDays(period.start, -7) };
    case 'monthly': {
      const [year, month] = period.month.split('-').map(Number) as [number, number];
      return {
        kind: 'monthly',
        month: month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`,
      };
    }
    case 'half-year':
      return period.half === 2
        ? { kind: 'half-year', fiscalYear: period.fiscalYear, half: 1 }
        : { kind: 'half-year', fiscalYear: period.fiscalYear - 1, half: 2 };
    case 'fiscal-year':
      return { kind: 'fiscal-year', fiscalYear: period.fiscalYear - 1 };
  }
}

/** The period of `kind` that contains `day` (it may still be running). */
export function periodContaining(kind: ReportKind, day: string): ReportPeriod {
  switch (kind) {
    case 'weekly':
      return { kind, start: mondayOf(day) };
    case 'monthly':
      return { kind, month: day.slice(0, 7) };
    case 'half-year':
      return { kind, fiscalYear: fiscalYearOf(day), half: fiscalHalfOf(day) };
    case 'fiscal-year':
      return { kind, fiscalYear: fiscalYearOf(day) };
  }
}

/**
 * What the picker opens on: the last complete week or month (the weekly meeting's
 * subject), but the running half and fiscal year, since those are followed as they
 * go and the complete ones may predate the system.
 */
export function defaultPeriod(kind: ReportKind, today: string): ReportPeriod {
  const current = periodContaining(kind, today);
  return kind === 'weekly' || kind === 'monthly' ? previousPeriod(current) : current;
}

/** The running period and the `count - 1` before it, newest first. */
export function recentPeriods(kind: ReportKind, today: string, count: number): ReportPeriod[] {
  const periods = [periodContaining(kind, today)];
  while (periods.length < count) periods.push(previousPeriod(periods[periods.length - 1]!));
  return periods;
}

/** The query parameters the API takes for a period, and the service it is narrowed to. */
export function periodParams(
  period: ReportPeriod,
  serviceId: number | null = null,
): Record<string, string> {
  const params: Record<string, string> =
    period.kind === 'weekly'
      ? { start: period.start }
      : period.kind === 'monthly'
        ? { month: period.month }
        : period.kind === 'half-year'
          ? { fiscalYear: String(period.fiscalYear), half: String(period.half) }
          : { fiscalYear: String(period.fiscalYear) };
  if (serviceId !== null) params.serviceId = String(serviceId);
  return params;
}

/** A stable string for one period (the picker's option values). */
export function periodKey(period: ReportPeriod): string {
  return `${period.kind}:${Object.values(periodParams(period)).join(':')}`;
}

export function samePeriod(a: ReportPeriod, b: ReportPeriod): boolean {
  return periodKey(a) === periodKey(b);
}
