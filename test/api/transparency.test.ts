import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type {
  Counter,
  LedgerCheckpoints,
  LedgerVerification,
  TicketRecord,
  Transparency,
  TransparencyRange,
  User,
} from '../../server/contract/contract.ts';
import { PRIORITY_KINDS } from '../../server/contract/contract.ts';
import { DEFAULT_ANONYMOUS_RATE } from '../../server/api/anonymous-rate-limit.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';
import {
  DEMO_STAFF,
  FIRST_DAY_MS,
  TODAY,
  TODAY_REASON,
  playTransparencyOffice,
  type PlayedToday,
} from './transparency-office.ts';

const RANGES: Record<TransparencyRange, { from: string; to: string }> = {
  today: { from: TODAY, to: TODAY },
  week: { from: '2026-11-16', to: TODAY },
  month: { from: '2026-11-01', to: TODAY },
};

/** numpy's default quantile, written out again here so the test does not reuse the engine's. */
function quantile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const minutesBetween = (from: string, to: string): number =>
  (Date.parse(to) - Date.parse(from)) / 60_000;

/** Minutes are published to two decimals, percentages to one. */
function expectNear(
  actual: number | null,
  expected: number | null,
  label: string,
  decimals: 1 | 2 = 2,
): void {
  if (expected === null) return expect(actual, label).toBeNull();
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - expected), label).toBeLessThanOrEqual(0.51 / 10 ** decimals);
}

/** Every string value and every key of a JSON value. */
function walk(value: unknown, keys: Set<string>, strings: Set<string>): void {
  if (typeof value === 'string') strings.add(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      keys.add(key);
      walk(v, keys, strings);
    }
}

describe('the public record of the queue (GET /api/transparency)', () => {
  let s: TestServer;
  let manager: ApiClient;
  let played: PlayedToday;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(FIRST_DAY_MS);
    s = await startTestServer({ clock });
    played = playTransparencyOffice(s.khiu.office, clock);
    // Weeks on, the admin's session has expired.
    await s.admin.signIn('admin', ADMIN_PASSWORD);
    manager = await s.userWithRole('manager', 'boss');
    // The chain is checked on a worker: wait for the first check before comparing anything.
    for (let i = 0; i < 100; i += 1) {
      const res = await s.anon.get<Transparency>('/api/transparency');
      if (res.body.ledger.verified !== null) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 120_000);
  afterAll(() => s.close());

  it('answers anyone, without signing in', async () => {
    const res = await s.anon.get<Transparency>('/api/transparency?range=today');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.body.range).toEqual({ kind: 'today', from: TODAY, to: TODAY, days: 1 });
    expect(res.body.officeName).toEqual(s.khiu.office.ctx.officeName());
    // No range is today.
    const bare = await s.anon.get<Transparency>('/api/transparency');
    expect(bare.body.range.kind).toBe('today');
  });

  it('covers today, Monday to today, and the 1st of the month to today in office days', async () => {
    for (const [kind, { from, to }] of Object.entries(RANGES)) {
      const res = await s.anon.get<Transparency>(`/api/transparency?range=${kind}`);
      expect(res.status, kind).toBe(200);
      expect(res.body.range, kind).toMatchObject({ kind, from, to });
    }
  });

  it("gives each range's figures as a recount of the manager's ticket listing gives them", async () => {
    const counters = (await manager.get<Counter[]>('/api/counters')).body;
    const counterNumber = new Map(counters.map((c) => [c.id, c.number]));
    for (const [kind, { from, to }] of Object.entries(RANGES)) {
      const listing = await manager.get<TicketRecord[]>(`/api/tickets?from=${from}&to=${to}`);
      expect(listing.status).toBe(200);
      const tickets = listing.body;
      const body = (await s.anon.get<Transparency>(`/api/transparency?range=${kind}`)).body;

      const called = tickets.filter((t) => t.calledAt !== null);
      const outOfTurn = called.filter((t) => t.outOfTurn);
      expect(body.totals.calls, kind).toBe(called.length);
      expect(body.totals.outOfTurn, kind).toBe(outOfTurn.length);
      expect(body.totals.issued, kind).toBe(tickets.length);

      for (const service of body.services) {
        const mine = called.filter((t) => t.serviceId === service.serviceId);
        const late = mine.filter((t) => t.outOfTurn).length;
        const waits = mine.map((t) => minutesBetween(t.issuedAt, t.calledAt!));
        const label = `${kind} ${service.code}`;
        expect(service.calls, label).toBe(mine.length);
        expect(service.outOfTurn, label).toBe(late);
        expectNear(
          service.inOrderPct,
          mine.length === 0 ? null : 100 - (late / mine.length) * 100,
          label,
          1,
        );
        expectNear(service.wait.p50, quantile(waits, 0.5), `${label} p50`);
        expectNear(service.wait.p90, quantile(waits, 0.9), `${label} p90`);
      }
      expect(
        body.services.reduce((n, x) => n + x.calls, 0),
        kind,
      ).toBe(called.length);

      const counts = [1, 2, 3, 4, 5].map(
        (level) => tickets.filter((t) => t.rating === level).length,
      );
      expect(body.satisfaction.counts, kind).toEqual(counts);
      expect(body.satisfaction.n, kind).toBe(counts.reduce((a, b) => a + b, 0));
      const satisfied = counts[3]! + counts[4]!;
      expectNear(body.satisfaction.satisfiedPct, (satisfied / body.satisfaction.n) * 100, kind, 1);

      // The list is every out-of-turn call of the range, newest first, by number, time and counter.
      const expected = outOfTurn
        .map((t) => ({
          number: t.number,
          serviceId: t.serviceId,
          calledMs: Date.parse(t.calledAt!),
          counterNumber: t.counterId === null ? null : counterNumber.get(t.counterId)!,
          reason: t.outOfTurnReason,
        }))
        .sort((a, b) => b.calledMs - a.calledMs);
      expect(
        body.outOfTurn.map(({ calledAt, ...call }) => ({
          ...call,
          calledMs: Date.parse(calledAt),
        })),
        kind,
      ).toEqual(expected);
    }
  });

  it('has the demo history in it: out-of-turn calls with reasons and ratings in the month', async () => {
    const month = (await s.anon.get<Transparency>('/api/transparency?range=month')).body;
    expect(month.totals.outOfTurn).toBeGreaterThan(1);
    expect(month.satisfaction.n).toBeGreaterThan(100);
    expect(month.satisfaction.band).not.toBeNull();
    const today = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    expect(today.outOfTurn).toEqual([
      expect.objectContaining({
        number: played.outOfTurnNumber,
        counterNumber: played.counterNumber,
        reason: TODAY_REASON,
      }),
    ]);
    const a = today.services.find((x) => x.code === 'A')!;
    expect(a).toMatchObject({ calls: 2, outOfTurn: 1, inOrderPct: 50 });
    expect(today.satisfaction.counts).toEqual([0, 0, 0, 1, 1]);
  });

  it('names no ticket, no person and no priority kind', async () => {
    const users = (await s.admin.get<User[]>('/api/users')).body.map((u) => u.username);
    const listing = (await manager.get<TicketRecord[]>(`/api/tickets?from=2026-11-01&to=${TODAY}`))
      .body;
    const ids = listing.flatMap((t) => [t.id, t.transferredTo, t.transferredFrom]);
    const names = new Set([...users, ...DEMO_STAFF, ...listing.map((t) => t.staff)]);
    expect(ids.length).toBeGreaterThan(400);
    expect(listing.some((t) => t.priority !== null)).toBe(true);
    for (const kind of Object.keys(RANGES)) {
      const res = await fetch(`${s.url}/api/transparency?range=${kind}`);
      const text = await res.text();
      for (const id of ids)
        if (id) expect(text.includes(id), `ticket ${id} in ${kind}`).toBe(false);
      for (const name of names)
        if (name) expect(text.includes(name), `${name} in ${kind}`).toBe(false);
      const keys = new Set<string>();
      const strings = new Set<string>();
      walk(JSON.parse(text), keys, strings);
      for (const key of ['id', 'ticketId', 'staff', 'username', 'kinds', 'actor'])
        expect(keys.has(key), `key ${key} in ${kind}`).toBe(false);
      for (const priority of PRIORITY_KINDS)
        expect(strings.has(priority), `${priority} in ${kind}`).toBe(false);
    }
  });

  it('refuses a range it does not know with 400 and the error shape', async () => {
    for (const range of ['year', '', 'TODAY', 'week ']) {
      const res = await s.anon.get(`/api/transparency?range=${encodeURIComponent(range)}`);
      expect(res.status, range).toBe(400);
      expect(res.body, range).toMatchObject({
        error: { code: 'invalid_input', message: expect.any(String) },
      });
    }
  });

  it('gives the same body again while nothing in the office changed, even as time passes', async () => {
    const first = await (await fetch(`${s.url}/api/transparency?range=week`)).text();
    // generatedAt would move with the clock if the answer were built again.
    clock.advance(60_000);
    const second = await (await fetch(`${s.url}/api/transparency?range=week`)).text();
    expect(second).toBe(first);
  });

  it('shows a change of the queue once the short hold is over', async () => {
    const before = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    const service = s.khiu.office.ctx.store.services.all().find((x) => x.code === 'B')!;
    s.khiu.office.tickets.issue(service.id, null, { kind: 'station', station: 'kiosk-1' });
    let after = before;
    for (let i = 0; i < 50 && after.totals.issued === before.totals.issued; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    }
    expect(after.totals.issued).toBe(before.totals.issued + 1);
    const today = after.ledger.days.find((d) => d.day === TODAY)!;
    expect(today.seq).toBe(s.ledgerLength());
  });

  it("lists each day's ledger head as GET /api/ledger/checkpoints signed it, today's unsigned", async () => {
    const published = (await s.anon.get<LedgerCheckpoints>('/api/ledger/checkpoints')).body;
    for (const [kind, { from, to }] of Object.entries(RANGES)) {
      const body = (await s.anon.get<Transparency>(`/api/transparency?range=${kind}`)).body;
      const signed = published.checkpoints
        .filter((c) => c.day >= from && c.day <= to)
        .map(({ day, seq, count, headHash }) => ({ day, seq, count, headHash, signed: true }));
      expect(signed.length, kind).toBe(kind === 'today' ? 0 : kind === 'week' ? 3 : 13);
      expect(
        body.ledger.days.filter((d) => d.signed),
        kind,
      ).toEqual(signed);
      const unsigned = body.ledger.days.filter((d) => !d.signed);
      expect(
        unsigned.map((d) => d.day),
        kind,
      ).toEqual([TODAY]);
      const last = signed.at(-1);
      if (last) expect(unsigned[0]!.seq - unsigned[0]!.count, kind).toBe(last.seq);
    }
  });

  it('gives the last check of the whole chain with its time, as the manager’s verify finds it', async () => {
    const body = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    expect(body.ledger.verified).toBe(true);
    expect(body.ledger.checkedAt).toMatch(/^2026-11-19T\d\d:\d\d:\d\d\.\d{3}\+07:00$/);
    expect(body.ledger.checkEveryMinutes).toBeGreaterThan(0);
    const verify = (await manager.get<LedgerVerification>('/api/ledger/verify')).body;
    expect(verify.ok).toBe(true);
    // The check ran before the ticket issued above: the chain it saw is a prefix of today's.
    expect(body.ledger.length).toBeLessThanOrEqual(verify.length);
    expect(body.ledger.length).toBeGreaterThan(1000);
    expect(body.ledger.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('publishes the calling rule and the reasons a call may be out of turn', async () => {
    const body = (await s.anon.get<Transparency>('/api/transparency')).body;
    const rule = (await s.anon.get('/api/queue/rule')).body;
    expect(body.rule).toEqual({
      priority: { prefix: rule.priority.prefix, everyNormal: rule.priority.everyNormal },
      recallLimit: rule.recallLimit,
      outOfTurnReasons: rule.outOfTurnReasons,
      timeZone: rule.timeZone,
      description: rule.description,
    });
  });
});

describe('the public record under load', () => {
  it('is rate-limited per address as a costly anonymous read', async () => {
    const s = await startTestServer({ anonymousRate: DEFAULT_ANONYMOUS_RATE });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < DEFAULT_ANONYMOUS_RATE.burst + 10; i += 1)
        statuses.push((await s.anon.get('/api/transparency')).status);
      expect(statuses).toContain(200);
      expect(statuses.at(-1)).toBe(429);
    } finally {
      await s.close();
    }
  });
});
