import { describe, expect, it } from 'vitest';
import { fiscalYearOf, periodOf } from '../../server/reports/report-period.ts';
import { percentile, quantiles } from '../../server/reports/statistics.ts';
import { satisfactionBand, satisfactionFigures } from '../../server/reports/satisfaction.ts';

const MONDAY = '2026-11-30';

describe('report periods', () => {
  it('defaults a weekly report to the last full Monday-to-Sunday week', () => {
    expect(periodOf({ kind: 'weekly' }, MONDAY).range).toEqual({
      from: '2026-11-23',
      to: '2026-11-29',
      days: 7,
    });
    // On a Sunday the week still running is not "last week".
    expect(periodOf({ kind: 'weekly' }, '2026-11-29').range.from).toBe('2026-11-16');
  });

  it('refuses a week that does not start on a Monday', () => {
    expect(() => periodOf({ kind: 'weekly', start: '2026-11-24' }, MONDAY)).toThrow(
      /starts on a Monday/,
    );
  });

  it('names the week before as the previous period, across a month end', () => {
    const week = periodOf({ kind: 'weekly', start: '2026-09-28' }, MONDAY);
    expect(week.range).toEqual({ from: '2026-09-28', to: '2026-10-04', days: 7 });
    expect(week.previous).toEqual({ from: '2026-09-21', to: '2026-09-27', days: 7 });
  });

  it('gives a month its own length, January after December, and February 29 in a leap year', () => {
    expect(periodOf({ kind: 'monthly', month: '2027-01' }, MONDAY)).toMatchObject({
      range: { from: '2027-01-01', to: '2027-01-31', days: 31 },
      previous: { from: '2026-12-01', to: '2026-12-31', days: 31 },
    });
    expect(periodOf({ kind: 'monthly', month: '2028-02' }, MONDAY).range.to).toBe('2028-02-29');
    expect(periodOf({ kind: 'monthly' }, MONDAY).range.from).toBe('2026-10-01');
    expect(periodOf({ kind: 'monthly', month: '2026-11' }, MONDAY).title.th).toBe(
      'รายงานประจำเดือนพฤศจิกายน 2569',
    );
  });

  it('runs a Thai fiscal year from 1 October to 30 September, named by the Buddhist-era year it ends in', () => {
    expect(periodOf({ kind: 'fiscal-year', fiscalYear: 2569 }, MONDAY)).toMatchObject({
      range: { from: '2025-10-01', to: '2026-09-30', days: 365 },
      previous: { from: '2024-10-01', to: '2025-09-30' },
      title: { th: 'รายงานประจำปีงบประมาณ 2569' },
    });
    expect(fiscalYearOf('2026-09-30')).toBe(2569);
    expect(fiscalYearOf('2026-10-01')).toBe(2570);
    // Late November 2026: fiscal 2570 is running, so the last complete one is 2569.
    expect(periodOf({ kind: 'fiscal-year' }, MONDAY).range.from).toBe('2025-10-01');
  });

  it('halves the fiscal year October-March and April-September', () => {
    expect(periodOf({ kind: 'half-year', fiscalYear: 2570, half: 1 }, MONDAY)).toMatchObject({
      range: { from: '2026-10-01', to: '2027-03-31', days: 182 },
      previous: { from: '2026-04-01', to: '2026-09-30' },
    });
    expect(periodOf({ kind: 'half-year', fiscalYear: 2569, half: 2 }, MONDAY)).toMatchObject({
      range: { from: '2026-04-01', to: '2026-09-30', days: 183 },
      previous: { from: '2025-10-01', to: '2026-03-31' },
    });
    expect(periodOf({ kind: 'half-year' }, MONDAY).range).toMatchObject({
      from: '2026-04-01',
      to: '2026-09-30',
    });
    expect(periodOf({ kind: 'half-year' }, '2026-05-15').range).toMatchObject({
      from: '2025-10-01',
      to: '2026-03-31',
    });
  });
});

describe('report statistics', () => {
  it('interpolates percentiles between closest ranks as numpy does', () => {
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 10);
    expect(percentile([15, 20, 35, 40, 50], 0.5)).toBe(35);
    expect(percentile([15, 20, 35, 40, 50], 0.9)).toBeCloseTo(46, 10);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('bands a mean as Thai survey reports do, by the mean as printed', () => {
    expect(satisfactionBand(4.205)?.th).toBe('มากที่สุด');
    expect(satisfactionBand(4.2)?.th).toBe('มาก');
    expect(satisfactionBand(3.41)?.th).toBe('มาก');
    expect(satisfactionBand(3.4)?.th).toBe('ปานกลาง');
    expect(satisfactionBand(2.61)?.th).toBe('ปานกลาง');
    expect(satisfactionBand(1.81)?.th).toBe('น้อย');
    expect(satisfactionBand(1)?.th).toBe('น้อยที่สุด');
    expect(satisfactionBand(null)).toBeNull();
  });

  it('gives the sample SD, the satisfied share and the target, and nulls for no ratings', () => {
    // Scores 5,5,4,3,1: mean 3.6, squared deviations 11.2, sample SD sqrt(11.2 / 4).
    const figures = satisfactionFigures([1, 0, 1, 1, 2], 10, 80);
    expect(figures).toMatchObject({
      n: 5,
      mean: 3.6,
      sd: Math.round(Math.sqrt(11.2 / 4) * 100) / 100,
      band: { th: 'มาก' },
      satisfiedPct: 60,
      meanScorePct: 72,
      responseRatePct: 50,
      targetPct: 80,
      targetMet: false,
    });
    expect(satisfactionFigures([0, 0, 0, 0, 0], 0, 80)).toMatchObject({
      n: 0,
      mean: null,
      sd: null,
      band: null,
      satisfiedPct: null,
      meanScorePct: null,
      responseRatePct: null,
      targetMet: null,
    });
  });
});

describe('quantiles by selection', () => {
  it('agree with sorting and interpolating, for many sizes, ties and orders', () => {
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let n = 1; n < 300; n += 7) {
      for (const ties of [false, true]) {
        const values = Array.from({ length: n }, () =>
          ties ? Math.floor(random() * 5) : random() * 100,
        );
        const sorted = [...values].sort((a, b) => a - b);
        const interpolate = (p: number) => {
          const h = (n - 1) * p;
          const lo = Math.floor(h);
          return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, n - 1)]! - sorted[lo]!);
        };
        const [p90, p50, p10] = quantiles(Float64Array.from(values), [0.9, 0.5, 0.1]);
        expect(p50).toBeCloseTo(interpolate(0.5), 10);
        expect(p90).toBeCloseTo(interpolate(0.9), 10);
        expect(p10).toBeCloseTo(interpolate(0.1), 10);
      }
    }
    expect(quantiles(new Float64Array(0), [0.5])).toEqual([null]);
  });
});
