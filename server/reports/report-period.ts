/**
 * The periods managers report on, as ranges of office-local days: a week
 * (Monday-Sunday), a month, a half of the Thai fiscal year and a fiscal year.
 * The Thai fiscal year runs 1 October - 30 September and is named by the
 * Buddhist-era year it ends in: ปีงบประมาณ 2569 = 1 Oct 2025 - 30 Sep 2026.
 * Pure: "today" is passed in.
 */
import type { LocalizedText, ReportKind, ReportRange } from '../contract/contract.ts';
import { invalid } from '../core/errors.ts';

export type ReportRequest = { serviceId?: number } & (
  | { kind: 'weekly'; start?: string }
  | { kind: 'monthly'; month?: string }
  | { kind: 'half-year'; fiscalYear?: number; half?: 1 | 2 }
  | { kind: 'fiscal-year'; fiscalYear?: number }
);

export interface ReportPeriod {
  /** 'custom': a range no report kind names (an ITA publication's quarter). */
  kind: ReportKind | 'custom';
  title: LocalizedText;
  range: ReportRange;
  previous: ReportRange;
}

const BUDDHIST_ERA_OFFSET = 543;
const DAY_MS = 86_400_000;

const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const pad = (n: number): string => String(n).padStart(2, '0');
const dayOf = (y: number, m: number, d: number): string =>
  new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const utcOf = (day: string): number => Date.parse(`${day}T00:00:00Z`);

/** The day `n` days after `day` (negative: before). */
export function addDays(day: string, n: number): string {
  return new Date(utcOf(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Monday ... 6 = Sunday. */
export function weekdayOf(day: string): number {
  return (new Date(utcOf(day)).getUTCDay() + 6) % 7;
}

export function rangeOf(from: string, to: string): ReportRange {
  return { from, to, days: Math.round((utcOf(to) - utcOf(from)) / DAY_MS) + 1 };
}

/** Every day of a range, in order. */
export function daysOf(range: ReportRange): string[] {
  const days: string[] = [];
  for (let i = 0; i < range.days; i += 1) days.push(addDays(range.from, i));
  return days;
}

function lastDayOfMonth(year: number, month: number): string {
  return dayOf(year, month + 1, 0);
}

function monthRange(year: number, month: number): ReportRange {
  return rangeOf(`${year}-${pad(month)}-01`, lastDayOfMonth(year, month));
}

/** The Buddhist-era fiscal year a day falls in. */
export function fiscalYearOf(day: string): number {
  const [year, month] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return (month >= 10 ? year + 1 : year) + BUDDHIST_ERA_OFFSET;
}

function fiscalYearRange(fiscalYear: number): ReportRange {
  const endYear = fiscalYear - BUDDHIST_ERA_OFFSET;
  return rangeOf(`${endYear - 1}-10-01`, `${endYear}-09-30`);
}

function halfYearRange(fiscalYear: number, half: 1 | 2): ReportRange {
  const endYear = fiscalYear - BUDDHIST_ERA_OFFSET;
  return half === 1
    ? rangeOf(`${endYear - 1}-10-01`, `${endYear}-03-31`)
    : rangeOf(`${endYear}-04-01`, `${endYear}-09-30`);
}

/**
 * The period a request names; what it leaves out defaults to the last complete
 * period before `today` (on a Monday morning: last week).
 */
export function periodOf(request: ReportRequest, today: string): ReportPeriod {
  switch (request.kind) {
    case 'weekly': {
      const start = request.start ?? addDays(today, -weekdayOf(today) - 7);
      if (weekdayOf(start) !== 0)
        throw invalid('not_a_monday', `a week starts on a Monday; ${start} is not one`);
      const range = rangeOf(start, addDays(start, 6));
      return {
        kind: 'weekly',
        // The range is shown beside the title everywhere, in the reader's digits.
        title: { th: 'รายงานประจำสัปดาห์', en: 'Weekly report' },
        range,
        previous: rangeOf(addDays(start, -7), addDays(start, -1)),
      };
    }
    case 'monthly': {
      const month =
        request.month ?? addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7); /* last month */
      const [year, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
      const previous = m === 1 ? monthRange(year - 1, 12) : monthRange(year, m - 1);
      return {
        kind: 'monthly',
        title: {
          th: `รายงานประจำเดือน${THAI_MONTHS[m - 1]} ${year + BUDDHIST_ERA_OFFSET}`,
          en: `Monthly report ${ENGLISH_MONTHS[m - 1]} ${year}`,
        },
        range: monthRange(year, m),
        previous,
      };
    }
    case 'half-year': {
      let { fiscalYear, half } = request;
      if (fiscalYear === undefined || half === undefined) {
        const last = lastCompleteHalf(today);
        fiscalYear ??= last.fiscalYear;
        half ??= last.half;
      }
      const previous = half === 1 ? halfYearRange(fiscalYear - 1, 2) : halfYearRange(fiscalYear, 1);
      return {
        kind: 'half-year',
        title: {
          th: `รายงาน${half === 1 ? 'ครึ่งปีแรก (ต.ค.–มี.ค.)' : 'ครึ่งปีหลัง (เม.ย.–ก.ย.)'} ปีงบประมาณ ${fiscalYear}`,
          en: `${half === 1 ? 'First' : 'Second'} half of fiscal year ${fiscalYear} (${half === 1 ? 'Oct–Mar' : 'Apr–Sep'})`,
        },
        range: halfYearRange(fiscalYear, half),
        previous,
      };
    }
    case 'fiscal-year': {
      const fiscalYear = request.fiscalYear ?? fiscalYearOf(today) - 1;
      return {
        kind: 'fiscal-year',
        title: {
          th: `รายงานประจำปีงบประมาณ ${fiscalYear}`,
          en: `Fiscal year ${fiscalYear} report`,
        },
        range: fiscalYearRange(fiscalYear),
        previous: fiscalYearRange(fiscalYear - 1),
      };
    }
  }
}

function lastCompleteHalf(today: string): { fiscalYear: number; half: 1 | 2 } {
  const fiscalYear = fiscalYearOf(today);
  const month = Number(today.slice(5, 7));
  // October to March is the first half, still running: the last complete one is last year's second.
  return month >= 10 || month <= 3
    ? { fiscalYear: fiscalYear - 1, half: 2 }
    : { fiscalYear, half: 1 };
}
