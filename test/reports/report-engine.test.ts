import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Report, ReportFigures } from '../../server/contract/contract.ts';
import { Reports } from '../../server/reports/reports.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import { startOfLocalDay } from '../../server/core/local-time.ts';
import { openOfficeFixture, staff, kiosk, type OfficeFixture } from '../helpers/office-fixture.ts';

const TZ = 'Asia/Bangkok';
/** Bangkok wall-clock time as epoch ms (UTC+7, no DST). */
const bangkok = (day: string, time = '09:00'): number => Date.parse(`${day}T${time}:00.000+07:00`);

/**
 * The figures worked out again from the raw tables, without any report code:
 * the check that the report engine computes what the issue defines.
 */
interface RawTicket {
  id: string;
  day: string;
  service_id: number;
  status: string;
  issued_ms: number;
  called_ms: number | null;
  started_ms: number | null;
  finished_ms: number | null;
  transferred_from: string | null;
  counter_id: number | null;
  staff: string | null;
  out_of_turn: number;
}

function numpyPercentile(values: number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const fraction = position - below;
  const next = sorted[below + 1];
  return next === undefined ? sorted[below]! : sorted[below]! + fraction * (next - sorted[below]!);
}

function independentFigures(f: OfficeFixture, from: string, to: string, serviceId?: number) {
  const tickets = (
    f.db.prepare('SELECT * FROM tickets WHERE day >= ? AND day <= ?').all(from, to) as RawTicket[]
  ).filter((t) => serviceId === undefined || t.service_id === serviceId);
  const scores = new Map(
    (
      f.db.prepare('SELECT ticket_id, score FROM ratings').all() as {
        ticket_id: string;
        score: number;
      }[]
    ).map((r) => [r.ticket_id, r.score]),
  );
  const services = new Map(
    (
      f.db.prepare('SELECT id, target_wait_minutes, steps FROM services').all() as {
        id: number;
        target_wait_minutes: number;
        steps: string;
      }[]
    ).map((s) => [
      s.id,
      {
        target: s.target_wait_minutes,
        standard: (JSON.parse(s.steps) as { minutes: number }[]).reduce((a, x) => a + x.minutes, 0),
      },
    ]),
  );
  const called = tickets.filter((t) => t.called_ms !== null);
  const waits = called.map((t) => (t.called_ms! - t.issued_ms) / 60_000);
  const done = tickets.filter((t) => t.status === 'done');
  const timed = done.filter((t) => t.started_ms !== null && t.finished_ms !== null);
  const times = timed.map((t) => (t.finished_ms! - t.started_ms!) / 60_000);
  const rated = tickets.map((t) => scores.get(t.id)).filter((s): s is number => s !== undefined);
  const n = rated.length;
  const mean = n === 0 ? null : rated.reduce((a, b) => a + b, 0) / n;
  const sd = n < 2 ? null : Math.sqrt(rated.reduce((a, s) => a + (s - mean!) ** 2, 0) / (n - 1));
  return {
    issued: tickets.length,
    transfersIn: tickets.filter((t) => t.transferred_from !== null).length,
    served: done.length,
    noShow: tickets.filter((t) => t.status === 'no_show').length,
    cancelled: tickets.filter((t) => t.status === 'cancelled').length,
    transfersOut: tickets.filter((t) => t.status === 'transferred').length,
    outOfTurn: called.filter((t) => t.out_of_turn === 1).length,
    waitP50: numpyPercentile(waits, 0.5),
    waitP90: numpyPercentile(waits, 0.9),
    waitMean: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
    waitMax: waits.length ? Math.max(...waits) : null,
    withinTargetPct: called.length
      ? (100 * called.filter((t, i) => waits[i]! <= services.get(t.service_id)!.target).length) /
        called.length
      : null,
    serviceMean: times.length ? times.reduce((a, b) => a + b, 0) / times.length : null,
    serviceP90: numpyPercentile(times, 0.9),
    withinStandardPct: timed.length
      ? (100 * timed.filter((t, i) => times[i]! <= services.get(t.service_id)!.standard).length) /
        timed.length
      : null,
    counts: [1, 2, 3, 4, 5].map((level) => rated.filter((s) => s === level).length),
    mean,
    sd,
    satisfiedPct: n ? (100 * rated.filter((s) => s >= 4).length) / n : null,
    meanScorePct: mean === null ? null : (mean / 5) * 100,
    responseRatePct: done.length ? (100 * n) / done.length : null,
  };
}

/** A report figure is the exact value rounded to `decimals`. */
function expectRounded(actual: number | null, exact: number | null, decimals: number): void {
  if (exact === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - exact)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-9);
}

function expectFiguresMatch(figures: ReportFigures, exact: ReturnType<typeof independentFigures>) {
  expect(figures).toMatchObject({
    issued: exact.issued,
    transfersIn: exact.transfersIn,
    served: exact.served,
    noShow: exact.noShow,
    cancelled: exact.cancelled,
    transfersOut: exact.transfersOut,
  });
  expect(figures.fairness.outOfTurn).toBe(exact.outOfTurn);
  expectRounded(figures.wait.p50, exact.waitP50, 2);
  expectRounded(figures.wait.p90, exact.waitP90, 2);
  expectRounded(figures.wait.mean, exact.waitMean, 2);
  expectRounded(figures.wait.max, exact.waitMax, 2);
  expectRounded(figures.wait.withinTargetPct, exact.withinTargetPct, 1);
  expectRounded(figures.service.mean, exact.serviceMean, 2);
  expectRounded(figures.service.p90, exact.serviceP90, 2);
  expectRounded(figures.service.withinStandardPct, exact.withinStandardPct, 1);
  expect(figures.satisfaction.counts).toEqual(exact.counts);
  expectRounded(figures.satisfaction.mean, exact.mean, 2);
  expectRounded(figures.satisfaction.sd, exact.sd, 2);
  expectRounded(figures.satisfaction.satisfiedPct, exact.satisfiedPct, 1);
  expectRounded(figures.satisfaction.meanScorePct, exact.meanScorePct, 1);
  expectRounded(figures.satisfaction.responseRatePct, exact.responseRatePct, 1);
}

function expectNoNaN(value: unknown, path = 'report'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
}

describe('reports over seeded history', () => {
  let f: OfficeFixture;
  let reports: Reports;
  let week: Report;

  beforeAll(() => {
    f = openOfficeFixture();
    // Three weeks of weekdays from Monday 21 September 2026: across a month end and 1 October.
    playDemoDays(f.office, f.clock, {
      firstDay: '2026-09-21',
      days: 15,
      perDay: 60,
      seed: 7,
      staff: ['somchai', 'malee', 'wichai'],
    });
    f.clock.set(bangkok('2026-11-30', '10:00'));
    reports = new Reports(f.office.ctx);
    week = reports.build({ kind: 'weekly', start: '2026-09-28' });
  });
  afterAll(() => f.close());

  it('counts, waits, service times and satisfaction per service as an independent computation does', () => {
    expect(week.range).toEqual({ from: '2026-09-28', to: '2026-10-04', days: 7 });
    expect(week.services.length).toBeGreaterThan(0);
    for (const row of week.services) {
      expectFiguresMatch(row, independentFigures(f, '2026-09-28', '2026-10-04', row.serviceId));
    }
    expectFiguresMatch(week.totals, independentFigures(f, '2026-09-28', '2026-10-04'));
    expect(week.totals.issued).toBeGreaterThan(250);
    expect(week.totals.satisfaction.n).toBeGreaterThan(20);
  });

  it('gives the Thai band of the mean score and holds the satisfied share against the 80 % target', () => {
    const s = week.totals.satisfaction;
    expect(s.targetPct).toBe(80);
    expect(s.targetMet).toBe(s.satisfiedPct! >= 80);
    const printed = Math.round(s.mean! * 100) / 100;
    const expected =
      printed >= 4.21
        ? 'มากที่สุด'
        : printed >= 3.41
          ? 'มาก'
          : printed >= 2.61
            ? 'ปานกลาง'
            : printed >= 1.81
              ? 'น้อย'
              : 'น้อยที่สุด';
    expect(s.band?.th).toBe(expected);
  });

  it('lists every day of the range, weekends as zeros and nulls, and the days add up to the week', () => {
    expect(week.days.map((d) => d.day)).toEqual([
      '2026-09-28',
      '2026-09-29',
      '2026-09-30',
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
    ]);
    const sunday = week.days[6]!;
    expect(sunday).toMatchObject({ weekday: 6, issued: 0, served: 0 });
    expect(sunday.wait.p50).toBeNull();
    expect(sunday.satisfaction.mean).toBeNull();
    expect(week.days.reduce((a, d) => a + d.issued, 0)).toBe(week.totals.issued);
    for (const d of week.days) expectFiguresMatch(d, independentFigures(f, d.day, d.day));
    expectNoNaN(week);
  });

  it('credits counters and staff with the tickets they handled and the ratings they were given', () => {
    const handled = f.db
      .prepare(
        "SELECT count(*) AS n FROM tickets WHERE day BETWEEN '2026-09-28' AND '2026-10-04' AND counter_id IS NOT NULL",
      )
      .get() as { n: number };
    expect(week.counters.reduce((a, c) => a + c.issued, 0)).toBe(handled.n);
    expect(week.staff.map((s) => s.staff).sort()).toEqual(['malee', 'somchai', 'wichai']);
    const ratedByStaff = f.db
      .prepare(
        `SELECT r.staff, count(*) AS n FROM ratings r JOIN tickets t ON t.id = r.ticket_id
         WHERE t.day BETWEEN '2026-09-28' AND '2026-10-04' GROUP BY r.staff`,
      )
      .all() as { staff: string; n: number }[];
    for (const { staff: name, n } of ratedByStaff)
      expect(week.staff.find((s) => s.staff === name)!.satisfaction.n).toBe(n);
  });

  it('counts out-of-turn calls by reason and lists each one, and compares with the week before', () => {
    const byReason = Object.values(week.totals.fairness.outOfTurnByReason).reduce(
      (a, b) => a + b,
      0,
    );
    expect(byReason).toBe(week.totals.fairness.outOfTurn);
    expect(week.outOfTurnCalls).toHaveLength(week.totals.fairness.outOfTurn);
    expect(week.previous.range).toEqual({ from: '2026-09-21', to: '2026-09-27', days: 7 });
    expectFiguresMatch(week.previous.totals, independentFigures(f, '2026-09-21', '2026-09-27'));
    const growth =
      ((week.totals.issued - week.previous.totals.issued) / week.previous.totals.issued) * 100;
    expectRounded(week.change.issuedPct, growth, 1);
  });

  it('fills the arrivals heatmap with first issues only, by weekday and local hour', () => {
    const arrivals = f.db
      .prepare(
        "SELECT issued_ms FROM tickets WHERE day BETWEEN '2026-09-28' AND '2026-10-04' AND transferred_from IS NULL",
      )
      .all() as { issued_ms: number }[];
    expect(week.heatmap.flat().reduce((a, b) => a + b, 0)).toBe(arrivals.length);
    const expected = Array.from({ length: 7 }, () => new Array(24).fill(0));
    for (const { issued_ms } of arrivals) {
      const local = new Date(issued_ms + 7 * 3_600_000);
      expected[(local.getUTCDay() + 6) % 7]![local.getUTCHours()] += 1;
    }
    expect(week.heatmap).toEqual(expected);
  });

  it('restricts a report to one service for the drill-down to its days', () => {
    const serviceId = week.services[0]!.serviceId;
    const one = reports.build({ kind: 'weekly', start: '2026-09-28', serviceId });
    expect(one.serviceId).toBe(serviceId);
    expect(one.services.map((s) => s.serviceId)).toEqual([serviceId]);
    expectFiguresMatch(one.totals, independentFigures(f, '2026-09-28', '2026-10-04', serviceId));
    for (const d of one.days) expectFiguresMatch(d, independentFigures(f, d.day, d.day, serviceId));
  });

  it('splits a month and the fiscal years at 1 October', () => {
    const september = reports.build({ kind: 'monthly', month: '2026-09' });
    expectFiguresMatch(september.totals, independentFigures(f, '2026-09-01', '2026-09-30'));
    const fy2569 = reports.build({ kind: 'fiscal-year', fiscalYear: 2569 });
    const fy2570 = reports.build({ kind: 'fiscal-year', fiscalYear: 2570 });
    expect(fy2569.totals.issued).toBe(september.totals.issued);
    expectFiguresMatch(fy2570.totals, independentFigures(f, '2026-10-01', '2027-09-30'));
    const half = reports.build({ kind: 'half-year', fiscalYear: 2570, half: 1 });
    expect(half.totals.issued).toBe(fy2570.totals.issued);
    expect(half.previous.totals.issued).toBe(fy2569.totals.issued);
  });
});

describe('report boundaries', () => {
  let f: OfficeFixture;
  // A fresh office per test: each sets the clock to its own day and counts only its own tickets.
  beforeEach(() => {
    f = openOfficeFixture();
  });
  afterEach(() => f.close());

  it('puts a ticket of 23:59 on Sunday in that week and one of 00:00 Monday in the next, Bangkok time', () => {
    const a = f.service('A');
    f.clock.set(bangkok('2026-10-04', '23:59') + 59_999);
    f.office.tickets.issue(a, null, kiosk);
    f.clock.set(startOfLocalDay('2026-10-05', TZ));
    f.office.tickets.issue(a, null, kiosk);
    f.clock.set(bangkok('2026-11-30'));
    const reports = new Reports(f.office.ctx);
    const first = reports.build({ kind: 'weekly', start: '2026-09-28' });
    const second = reports.build({ kind: 'weekly', start: '2026-10-05' });
    expect(first.totals.issued).toBe(1);
    expect(first.heatmap[6]![23]).toBe(1);
    expect(second.totals.issued).toBe(1);
    expect(second.heatmap[0]![0]).toBe(1);
    expect(second.previous.totals.issued).toBe(1);
  });

  it('counts a transfer successor as issued in its new service and as a transfer out of the old one', () => {
    const [a, b] = [f.service('A'), f.service('B')];
    f.clock.set(bangkok('2026-10-14', '09:00'));
    const issued = f.office.tickets.issue(a, null, kiosk);
    f.clock.advance(60_000);
    const called = f.office.tickets.callNext(f.counter(1), staff)!;
    expect(called.id).toBe(issued.ticket.id);
    f.clock.advance(60_000);
    f.office.tickets.transfer(called.id, b, staff);
    f.clock.set(bangkok('2026-11-30'));
    const week = new Reports(f.office.ctx).build({ kind: 'weekly', start: '2026-10-12' });
    const row = (id: number) => week.services.find((s) => s.serviceId === id)!;
    expect(row(a)).toMatchObject({ issued: 1, transfersOut: 1, transfersIn: 0 });
    expect(row(b)).toMatchObject({ issued: 1, transfersIn: 1, transfersOut: 0 });
    expect(week.totals).toMatchObject({ issued: 2, transfersIn: 1, transfersOut: 1 });
    expect(week.heatmap.flat().reduce((x, y) => x + y, 0)).toBe(1);
  });

  it('gives a service served but never rated nulls, not NaN', () => {
    const c = f.service('C');
    f.clock.set(bangkok('2026-10-21', '09:00'));
    f.office.tickets.issue(c, null, kiosk);
    f.clock.advance(5 * 60_000);
    const t = f.office.tickets.callNext(f.counter(3), staff)!;
    f.office.tickets.start(t.id, staff);
    f.clock.advance(4 * 60_000);
    f.office.tickets.finish(t.id, staff);
    f.clock.set(bangkok('2026-11-30'));
    const week = new Reports(f.office.ctx).build({ kind: 'weekly', start: '2026-10-19' });
    const row = week.services.find((s) => s.serviceId === c)!;
    expect(row).toMatchObject({ issued: 1, served: 1 });
    expect(row.wait).toMatchObject({ called: 1, p50: 5, p90: 5, mean: 5, max: 5 });
    expect(row.service).toMatchObject({ timed: 1, mean: 4 });
    expect(row.satisfaction).toMatchObject({
      n: 0,
      mean: null,
      sd: null,
      band: null,
      satisfiedPct: null,
      responseRatePct: 0,
      targetMet: null,
    });
    expectNoNaN(week);
  });

  it('names a service that does not exist', () => {
    expect(() =>
      new Reports(f.office.ctx).build({ kind: 'weekly', start: '2026-10-19', serviceId: 999 }),
    ).toThrow(/service 999 does not exist/);
  });
});
