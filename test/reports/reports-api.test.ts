import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import type { Report, SupervisorView, TicketHistory } from '../../server/contract/contract.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';

const at = (iso: string): number => Date.parse(iso);

/** Two played weeks from Monday 2 November 2026, on a clock at Monday morning 30 November. */
async function playedOffice(): Promise<{ s: TestServer; clock: ManualClock; manager: ApiClient }> {
  const clock = new ManualClock(at('2026-11-02T08:00:00+07:00'));
  const s = await startTestServer({ clock });
  playDemoDays(s.khiu.office, clock, {
    firstDay: '2026-11-02',
    days: 10,
    perDay: 40,
    seed: 3,
    staff: ['somchai', 'malee'],
  });
  // Monday morning, 30 November 2026.
  clock.set(at('2026-11-30T08:00:00+07:00'));
  // Four weeks on, the admin's 12-hour session has expired.
  await s.admin.signIn('admin', ADMIN_PASSWORD);
  const manager = await s.userWithRole('manager', 'boss');
  return { s, clock, manager };
}

describe('the reports API', () => {
  let s: TestServer;
  let manager: ApiClient;

  // The tests that only read share one played office; those that change it have their own below.
  beforeAll(async () => {
    ({ s, manager } = await playedOffice());
  }, 60_000);
  afterAll(() => s.close());

  it("gives a manager last week's report by default, in the office's days", async () => {
    const res = await manager.get<Report>('/api/reports/weekly');
    expect(res.status).toBe(200);
    expect(res.body.range).toEqual({ from: '2026-11-23', to: '2026-11-29', days: 7 });
    expect(res.body.timeZone).toBe('Asia/Bangkok');
    expect(res.body.title.th).toBe('รายงานประจำสัปดาห์');
    expect(res.body.officeName).toEqual(s.khiu.office.ctx.officeName());
    const week = await manager.get<Report>('/api/reports/weekly?start=2026-11-09');
    expect(week.body.totals.issued).toBeGreaterThan(150);
    expect(week.body.services[0]).toMatchObject({
      serviceId: expect.any(Number),
      issued: expect.any(Number),
      wait: { p50: expect.any(Number), withinTargetPct: expect.any(Number) },
      service: { mean: expect.any(Number), withinStandardPct: expect.any(Number) },
      satisfaction: { counts: expect.any(Array), band: { th: expect.any(String) } },
    });
  });

  it('answers the month, the half year and the fiscal year', async () => {
    const month = await manager.get<Report>('/api/reports/monthly?month=2026-11');
    expect(month.body.range).toMatchObject({ from: '2026-11-01', to: '2026-11-30' });
    const week1 = await manager.get<Report>('/api/reports/weekly?start=2026-11-02');
    const week2 = await manager.get<Report>('/api/reports/weekly?start=2026-11-09');
    expect(month.body.totals.issued).toBe(week1.body.totals.issued + week2.body.totals.issued);
    const half = await manager.get<Report>('/api/reports/half-year?fiscalYear=2570&half=1');
    expect(half.body.range).toMatchObject({ from: '2026-10-01', to: '2027-03-31' });
    expect(half.body.totals.issued).toBe(month.body.totals.issued);
    const year = await manager.get<Report>('/api/reports/fiscal-year?fiscalYear=2570');
    expect(year.body.range).toMatchObject({ from: '2026-10-01', to: '2027-09-30' });
    expect(year.body.totals.issued).toBe(month.body.totals.issued);
  });

  it('refuses bad periods with the error shape and changes nothing', async () => {
    const before = s.ledgerLength();
    const cases: [string, string][] = [
      ['/api/reports/weekly?start=2026-11-10', 'not_a_monday'],
      ['/api/reports/weekly?start=2026-02-30', 'invalid_input'],
      ['/api/reports/weekly?start=yesterday', 'invalid_input'],
      ['/api/reports/monthly?month=2026-13', 'invalid_input'],
      ['/api/reports/half-year?fiscalYear=2570', 'invalid_input'],
      ['/api/reports/half-year?fiscalYear=2570&half=3', 'invalid_input'],
      ['/api/reports/fiscal-year?fiscalYear=2026', 'invalid_input'],
      ['/api/reports/fiscal-year?fiscalYear=abc', 'invalid_input'],
      ['/api/reports/weekly?serviceId=x', 'invalid_input'],
    ];
    for (const [path, code] of cases) {
      const res = await manager.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body, path).toMatchObject({ error: { code, message: expect.any(String) } });
    }
    expect((await manager.get('/api/reports/weekly?serviceId=999')).status).toBe(404);
    expect(s.ledgerLength()).toBe(before);
  });

  it('is for managers: staff are refused and anonymous clients asked to sign in', async () => {
    const staff = await s.userWithRole('staff');
    expect((await staff.get('/api/reports/weekly')).status).toBe(403);
    expect((await s.anon.get('/api/reports/weekly')).status).toBe(401);
    expect((await s.anon.get('/api/reports/weekly.csv')).status).toBe(401);
    expect((await s.anon.get('/api/supervisor')).status).toBe(401);
    expect((await staff.get('/api/tickets/x/history')).status).toBe(403);
    expect((await s.admin.get('/api/reports/weekly')).status).toBe(200);
  });

  it('downloads CSV and XLSX with a file name and content type', async () => {
    const csv = await fetch(`${s.url}/api/reports/weekly.csv?start=2026-11-09`, {
      headers: { cookie: manager.cookie! },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.headers.get('content-disposition')).toBe(
      'attachment; filename="khiu-weekly-2026-11-09-to-2026-11-15.csv"',
    );
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer());
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const xlsx = await fetch(`${s.url}/api/reports/monthly.xlsx?month=2026-11`, {
      headers: { cookie: manager.cookie! },
    });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  describe('changing the office', () => {
    // Each of these writes a setting, today's tickets or the clock: a played office of its own.
    let s: TestServer;
    let clock: ManualClock;
    let manager: ApiClient;
    beforeEach(async () => {
      ({ s, clock, manager } = await playedOffice());
    }, 60_000);
    afterEach(() => s.close());

    it("holds satisfaction against the office's target, which only an admin changes", async () => {
      const put = (client: ApiClient, body: unknown) =>
        client.request('PUT', '/api/settings/satisfaction-target', body);
      expect((await put(manager, { satisfactionTargetPct: 50 })).status).toBe(403);
      expect((await put(s.admin, { satisfactionTargetPct: 101 })).status).toBe(400);
      const week = () => manager.get<Report>('/api/reports/weekly?start=2026-11-09');
      expect((await week()).body.totals.satisfaction.targetPct).toBe(80);
      expect((await put(s.admin, { satisfactionTargetPct: 99.5 })).body).toEqual({
        satisfactionTargetPct: 99.5,
      });
      const strict = (await week()).body.totals.satisfaction;
      expect(strict).toMatchObject({ targetPct: 99.5, targetMet: strict.satisfiedPct! >= 99.5 });
      await put(s.admin, { satisfactionTargetPct: 80 });
    });

    it("tells a ticket's whole story from the ledger, across a transfer", async () => {
      const office = s.khiu.office;
      clock.set(at('2026-11-30T09:00:00+07:00'));
      const actor = { kind: 'user', username: 'somchai', role: 'staff' } as const;
      const issued = office.tickets.issue(1, null, { kind: 'station', station: 'kiosk-1' });
      clock.advance(60_000);
      const counter = office.ctx.store.counters.all().find((c) => c.serviceIds.includes(1))!;
      let called = office.tickets.callNext(counter.id, actor)!;
      while (called.id !== issued.ticket.id) {
        office.tickets.noShow(called.id, actor);
        called = office.tickets.callNext(counter.id, actor)!;
      }
      const { to } = office.tickets.transfer(called.id, 2, actor);
      const res = await manager.get<TicketHistory>(`/api/tickets/${to.id}/history`);
      expect(res.status).toBe(200);
      expect(res.body.chain.map((c) => c.ticketId)).toEqual([issued.ticket.id, to.id]);
      expect(res.body.chain[0]!.entries.map((e) => e.type)).toEqual([
        'ticket.issued',
        'ticket.called',
        'ticket.transferred',
      ]);
      expect(res.body.chain[0]!.entries[1]).toMatchObject({
        actor: 'somchai (staff)',
        status: 'called',
        counterId: counter.id,
        at: '2026-11-30T09:01:00.000+07:00',
      });
      expect(res.body.chain[1]!.entries[0]!.type).toBe('ticket.transferred_in');
      expect((await manager.get('/api/tickets/nope/history')).status).toBe(404);
    });

    it('shows the supervisor each counter, the oldest wait per service and idle counters', async () => {
      const office = s.khiu.office;
      clock.set(at('2026-11-30T10:00:00+07:00'));
      for (const c of office.ctx.store.counters.all())
        for (const t of office.ctx.store.tickets.activeAtCounter(c.id))
          office.tickets.noShow(t.id, { kind: 'user', username: 'somchai', role: 'staff' });
      office.tickets.issue(1, null, { kind: 'station', station: 'kiosk-1' });
      clock.advance(20 * 60_000);
      const view = await manager.get<SupervisorView>('/api/supervisor');
      expect(view.status).toBe(200);
      const service = view.body.services.find((x) => x.serviceId === 1)!;
      expect(service.waiting).toBeGreaterThanOrEqual(1);
      expect(service.oldestWaitMinutes).toBeGreaterThanOrEqual(20);
      expect(service.overTarget).toBe(service.oldestWaitMinutes! > service.targetWaitMinutes);
      const idle = view.body.counters.filter((c) => c.idleWhilePeopleWait);
      expect(idle.length).toBeGreaterThan(0);
      expect(idle.every((c) => c.ticket === null && c.status === 'open')).toBe(true);

      const counter = idle.find((c) =>
        office.ctx.store.counters.get(c.counterId)!.serviceIds.includes(1),
      )!;
      const called = office.tickets.callNext(counter.counterId, {
        kind: 'user',
        username: 'malee',
        role: 'staff',
      })!;
      office.tickets.start(called.id, { kind: 'user', username: 'malee', role: 'staff' });
      clock.advance(30 * 60_000);
      const later = await manager.get<SupervisorView>('/api/supervisor');
      expect(later.body.counters.find((c) => c.counterId === counter.counterId)).toMatchObject({
        staff: 'malee',
        idleWhilePeopleWait: false,
        ticket: { id: called.id, status: 'serving', minutes: 30, overStandard: true },
      });
    });
  });
});
