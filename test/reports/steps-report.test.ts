import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type { Report, StepReportRow } from '../../server/contract/contract.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;

/** numpy's default percentile (linear between closest ranks), by sorting: independent of the server's selection. */
function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}
const round = (n: number | null, d: number) =>
  n === null ? null : Math.round(n * 10 ** d) / 10 ** d;

/*
 * Service A posts three steps of 5, 5 and 3 minutes (the default office). Each citizen's steps
 * take the minutes scripted here, on a clock the test moves; B's posted step 1 is timed once.
 */
const SCRIPT_A: number[][] = [
  [4, 6, 2],
  [5, 3, 3.5],
  [7.25, 5, 1],
  [2, 4.5, 3],
  [5.5, 12, 2.75],
];

describe('the per-step section of the manager report', () => {
  let s: TestServer;
  let clock: ManualClock;
  let manager: ApiClient;
  let report: Report;

  beforeAll(async () => {
    // Tuesday 17 November 2026, 09:00 in Bangkok; the report is that week's.
    clock = new ManualClock(at('2026-11-17T09:00:00+07:00'));
    s = await startTestServer({ clock });
    const clerk = await s.userWithRole('staff', 'clerk', 1);
    const clerkTwo = await s.userWithRole('staff', 'clerk-two', 2);
    const serve = async (
      who: ApiClient,
      counter: number,
      serviceId: number,
      minutes: number[],
      skip: number[] = [],
    ) => {
      const id = (await s.anon.post('/api/tickets', { serviceId })).body.ticket.id;
      clock.advance(MINUTE);
      expect((await who.post(`/api/counters/${counter}/call-next`)).body.ticket.id).toBe(id);
      await who.post(`/api/tickets/${id}/start`);
      for (const [i, m] of minutes.entries()) {
        if (skip.includes(i + 1)) continue;
        expect((await who.post(`/api/tickets/${id}/steps/${i + 1}/start`)).status).toBe(200);
        clock.advance(m * MINUTE);
        expect((await who.post(`/api/tickets/${id}/steps/${i + 1}/finish`)).status).toBe(200);
      }
      await who.post(`/api/tickets/${id}/finish`);
      clock.advance(MINUTE);
      return id as string;
    };
    for (const minutes of SCRIPT_A) await serve(clerk, 1, 1, minutes);
    // A step started and never finished is not timed.
    const open = (await s.anon.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
    await clerk.post('/api/counters/1/call-next');
    await clerk.post(`/api/tickets/${open}/start`);
    await clerk.post(`/api/tickets/${open}/steps/1/start`);
    clock.advance(30 * MINUTE);
    await clerk.post(`/api/tickets/${open}/finish`);
    // Service B (id 2) at counter 2: only its first step timed.
    await serve(clerkTwo, 2, 2, [9]);

    clock.set(at('2026-11-24T08:00:00+07:00'));
    await s.admin.signIn('admin', ADMIN_PASSWORD);
    manager = await s.userWithRole('manager', 'boss');
    const res = await manager.get<Report>('/api/reports/weekly?start=2026-11-16');
    expect(res.status).toBe(200);
    report = res.body;
  }, 60_000);
  afterAll(() => s.close());

  const rowOf = (serviceId: number, order: number): StepReportRow =>
    report.steps.find((r) => r.serviceId === serviceId && r.order === order)!;

  it('gives each posted step of service A its count, median, p90 and share within the posted minutes', () => {
    const posted = [5, 5, 3];
    for (const [i, standard] of posted.entries()) {
      const minutes = SCRIPT_A.map((row) => row[i]!);
      expect(rowOf(1, i + 1)).toEqual({
        serviceId: 1,
        code: 'A',
        order: i + 1,
        title: expect.objectContaining({ th: expect.any(String) }),
        standardMinutes: standard,
        timed: minutes.length,
        p50: round(percentile(minutes, 0.5), 2),
        p90: round(percentile(minutes, 0.9), 2),
        withinStandardPct: round(
          (minutes.filter((m) => m <= standard).length / minutes.length) * 100,
          1,
        ),
      });
    }
  });

  it('lists every posted step of every service shown, untimed ones with no figures', () => {
    const b = report.steps.filter((r) => r.serviceId === 2);
    const posted = s.khiu.office.ctx.services().get(2)!.steps;
    expect(b.map((r) => r.order)).toEqual(posted.map((p) => p.order));
    expect(b[0]).toMatchObject({
      timed: 1,
      p50: 9,
      p90: 9,
      withinStandardPct: posted[0]!.minutes >= 9 ? 100 : 0,
    });
    expect(b[1]).toMatchObject({ timed: 0, p50: null, p90: null, withinStandardPct: null });
    // In the services' order, each service's steps in their order.
    const keys = report.steps.map((r) => [
      report.services.findIndex((x) => x.serviceId === r.serviceId),
      r.order,
    ]);
    expect(keys).toEqual([...keys].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!));
  });

  it('keeps the section to one service when the report is for one service', async () => {
    const one = await manager.get<Report>('/api/reports/weekly?start=2026-11-16&serviceId=2');
    expect(new Set(one.body.steps.map((r) => r.serviceId))).toEqual(new Set([2]));
    const previousWeek = await manager.get<Report>('/api/reports/weekly?start=2026-11-09');
    expect(previousWeek.body.steps.every((r) => r.timed === 0)).toBe(true);
  });
});
