import { describe, expect, it } from 'vitest';
import {
  REPORT_KIND_LIST,
  addDays,
  defaultPeriod,
  fiscalHalfOf,
  fiscalYearOf,
  isReportKind,
  mondayOf,
  periodKey,
  periodParams,
  periodRange,
  previousPeriod,
  recentPeriods,
  weekdayOf,
} from '../../renderer/src/lib/manager/report-period.ts';
import { periodLabel } from '../../renderer/src/lib/manager/period-label.ts';
import {
  printPagePath,
  readPrintRequest,
  reportPath,
} from '../../renderer/src/lib/manager/report-urls.ts';

describe('report periods', () => {
  it('counts weekdays from Monday and finds the Monday of any day', () => {
    expect(weekdayOf('2026-11-23')).toBe(0);
    expect(weekdayOf('2026-11-29')).toBe(6);
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
  });

  it('steps over month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('puts October to September in one Buddhist-era fiscal year', () => {
    expect(fiscalYearOf('2025-10-01')).toBe(2569);
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
    expect(fiscalHalfOf('2025-10-01')).toBe(1);
    expect(fiscalHalfOf('2026-03-31')).toBe(1);
    expect(fiscalHalfOf('2026-04-01')).toBe(2);
    expect(fiscalHalfOf('2026-09-30')).toBe(2);
  });

  it('gives each period its first and last day', () => {
    expect(periodRange({ kind: 'weekly', start: '2026-11-23' })).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
    });
    expect(periodRange({ kind: 'monthly', month: '2028-02' })).toEqual({
      from: '2028-02-01',
      to: '2028-02-29',
    });
    expect(periodRange({ kind: 'monthly', month: '2026-12' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-31',
    });
    expect(periodRange({ kind: 'half-year', fiscalYear: 2569, half: 1 })).toEqual({
      from: '2025-10-01',
      to: '2026-03-31',
    });
    expect(periodRange({ kind: 'half-year', fiscalYear: 2569, half: 2 })).toEqual({
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(periodRange({ kind: 'fiscal-year', fiscalYear: 2569 })).toEqual({
      from: '2025-10-01',
      to: '2026-09-30',
    });
  });

  it('opens on last complete week and month, and on the running half and fiscal year', () => {
    const today = '2026-12-01';
    expect(defaultPeriod('weekly', today)).toEqual({ kind: 'weekly', start: '2026-11-23' });
    expect(defaultPeriod('monthly', today)).toEqual({ kind: 'monthly', month: '2026-11' });
    expect(defaultPeriod('monthly', '2027-01-15')).toEqual({ kind: 'monthly', month: '2026-12' });
    expect(defaultPeriod('half-year', today)).toEqual({
      kind: 'half-year',
      fiscalYear: 2570,
      half: 1,
    });
    expect(defaultPeriod('fiscal-year', today)).toEqual({ kind: 'fiscal-year', fiscalYear: 2570 });
  });

  it('lists periods newest first, the half years alternating across fiscal years', () => {
    expect(recentPeriods('weekly', '2026-12-01', 3).map(periodKey)).toEqual([
      'weekly:2026-11-30',
      'weekly:2026-11-23',
      'weekly:2026-11-16',
    ]);
    expect(recentPeriods('half-year', '2026-12-01', 3)).toEqual([
      { kind: 'half-year', fiscalYear: 2570, half: 1 },
      { kind: 'half-year', fiscalYear: 2569, half: 2 },
      { kind: 'half-year', fiscalYear: 2569, half: 1 },
    ]);
    expect(previousPeriod({ kind: 'monthly', month: '2027-01' })).toEqual({
      kind: 'monthly',
      month: '2026-12',
    });
  });

  it('asks the API with exactly its parameters, and the service when drilled down', () => {
    expect(periodParams({ kind: 'weekly', start: '2026-11-23' })).toEqual({ start: '2026-11-23' });
    expect(periodParams({ kind: 'half-year', fiscalYear: 2569, half: 2 }, 3)).toEqual({
      fiscalYear: '2569',
      half: '2',
      serviceId: '3',
    });
    expect(reportPath('weekly', 'json', { start: '2026-11-23' })).toBe(
      '/api/reports/weekly?start=2026-11-23',
    );
    expect(reportPath('fiscal-year', 'pdf', { fiscalYear: '2569', serviceId: '2' })).toBe(
      '/api/reports/fiscal-year.pdf?fiscalYear=2569&serviceId=2',
    );
    expect(printPagePath('monthly', { month: '2026-11' })).toBe(
      '/manager/print?kind=monthly&month=2026-11',
    );
  });

  it('reads the print page query and passes everything but the kind to the API', () => {
    expect(readPrintRequest('?kind=weekly&start=2026-11-23&serviceId=2')).toEqual({
      ok: true,
      kind: 'weekly',
      params: { start: '2026-11-23', serviceId: '2' },
    });
    expect(readPrintRequest('?kind=yearly')).toMatchObject({ ok: false });
    expect(readPrintRequest('')).toMatchObject({ ok: false });
    expect(REPORT_KIND_LIST).toEqual(['weekly', 'monthly', 'half-year', 'fiscal-year']);
    expect(isReportKind('constructor')).toBe(false);
  });

  it('names periods in Thai with Buddhist-era dates in Thai digits, and in English', () => {
    expect(periodLabel({ kind: 'weekly', start: '2026-11-23' }, 'th')).toBe('๒๓–๒๙ พฤศจิกายน ๒๕๖๙');
    expect(periodLabel({ kind: 'monthly', month: '2026-11' }, 'th')).toBe('พฤศจิกายน ๒๕๖๙');
    expect(periodLabel({ kind: 'half-year', fiscalYear: 2569, half: 1 }, 'th')).toBe(
      'ครึ่งปีแรก (ต.ค.–มี.ค.) ปีงบประมาณ 2569',
    );
    expect(periodLabel({ kind: 'fiscal-year', fiscalYear: 2569 }, 'th')).toBe('ปีงบประมาณ 2569');
    expect(periodLabel({ kind: 'monthly', month: '2026-11' }, 'en')).toBe('November 2026');
    expect(periodLabel({ kind: 'half-year', fiscalYear: 2569, half: 2 }, 'en')).toBe(
      'Second half (Apr–Sep), fiscal year 2569',
    );
  });
});
