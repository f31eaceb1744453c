import type { LocalizedText, ReportKind } from '../contract.ts';
import type { Lang } from '../i18n/lang.svelte.ts';
import { L } from '../i18n/labels.ts';
import { formatDayRange, formatMonth } from '../i18n/dates.ts';
import { periodRange, type ReportPeriod } from './report-period.ts';

export const REPORT_KIND_LABELS: Record<ReportKind, LocalizedText> = {
  weekly: L('รายสัปดาห์', 'Weekly'),
  monthly: L('รายเดือน', 'Monthly'),
  'half-year': L('รายครึ่งปี', 'Half-yearly'),
  'fiscal-year': L('ปีงบประมาณ', 'Fiscal year'),
};

const HALF_LABELS: Record<1 | 2, LocalizedText> = {
  1: L('ครึ่งปีแรก (ต.ค.–มี.ค.)', 'First half (Oct–Mar)'),
  2: L('ครึ่งปีหลัง (เม.ย.–ก.ย.)', 'Second half (Apr–Sep)'),
};

/**
 * How a period is named on screen and on paper. Fiscal years keep the Buddhist-era
 * number in both languages, as Thai government documents name them.
 */
export function periodLabel(period: ReportPeriod, lang: Lang): string {
  switch (period.kind) {
    case 'weekly': {
      const { from, to } = periodRange(period);
      return formatDayRange(from, to, lang);
    }
    case 'monthly':
      return formatMonth(period.month, lang);
    case 'half-year':
      return lang === 'th'
        ? `${HALF_LABELS[period.half].th} ${fiscalYearLabel(period.fiscalYear, lang)}`
        : `${HALF_LABELS[period.half].en}, fiscal year ${period.fiscalYear}`;
    case 'fiscal-year':
      return fiscalYearLabel(period.fiscalYear, lang);
  }
}

export function fiscalYearLabel(fiscalYear: number, lang: Lang): string {
  return lang === 'th' ? `ปีงบประมาณ ${fiscalYear}` : `Fiscal year ${fiscalYear}`;
}
