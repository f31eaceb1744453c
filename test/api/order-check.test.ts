import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import type { Actor, TicketRecord } from '../../server/core/records.ts';
import type {
  OrderCheck,
  OrderCheckCall,
  Service,
  TicketRecord as ListedTicket,
} from '../../server/contract/contract.ts';
import type { TicketHistory } from '../../server/contract/reports.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const at = (iso: string): number => Date.parse(iso);
const MINUTE = 60_000;
const BANGKOK_MS = 7 * 60 * MINUTE;
const bangkokDay = (ms: number): string => new Date(ms + BANGKOK_MS).toISOString().slice(0, 10);
const staff: Actor = { kind: 'user', username: 'admin', role: 'admin' };

/**
 * The order check worked out again from what a manager can list (GET /api/tickets, and a
 * cancelled ticket's history for when it left the line): the tickets of the same service and
 * office day with a later place in time (a transfer's place is its first ticket's issue), whose
 * first call came before this ticket's.
 */
function recompute(
  id: string,
  listing: ListedTicket[],
  services: Service[],
  nowMs: number,
  leftMs: Map<string, number>,
): OrderCheck {
  const byId = new Map(listing.map((t, index) => [t.id, { t, index }]));
  let current = byId.get(id)!;
  while (current.t.transferredTo) current = byId.get(current.t.transferredTo)!;
  const placeOf = (t: ListedTicket): number => {
    let first = t;
    while (first.transferredFrom) first = byId.get(first.transferredFrom)!.t;
    return at(first.issuedAt);
  };
  const ticket = current.t;
  const place = placeOf(ticket);
  const day = bangkokDay(at(ticket.issuedAt));
  const endMs = ticket.calledAt ? at(ticket.calledAt) : (leftMs.get(ticket.id) ?? nowMs);
  const calledBefore = listing
    .map((t, index) => ({ t, index }))
    .filter(
      ({ t, index }) =>
        t.id !== ticket.id &&
        t.serviceId === ticket.serviceId &&
        bangkokDay(at(t.issuedAt)) === day &&
        t.calledAt !== null &&
        at(t.calledAt) < endMs &&
        (placeOf(t) > place || (placeOf(t) === place && index > current.index)),
    )
    .sort((a, b) => at(a.t.calledAt!) - at(b.t.calledAt!))
    .map(({ t }): OrderCheckCall => ({
      number: t.number,
      calledAt: t.calledAt!,
      rule: t.priority && !t.outOfTurn ? 'priority_turn' : 'out_of_turn',
      reason: t.priority && !t.outOfTurn ? null : t.outOfTurnReason,
    }));
  return {
    ticket: { id: ticket.id, number: ticket.number },
    waitMinutes: (endMs - at(ticket.issuedAt)) / MINUTE,
    targetWaitMinutes: services.find((s) => s.id === ticket.serviceId)!.targetWaitMinutes,
    calledBefore,
  };
}

describe('a ticket’s order check over three played office days', () => {
  let s: TestServer;
  let clock: ManualClock;

  beforeAll(async () => {
    clock = new ManualClock(at('2026-03-02T08:00:00+07:00'));
    s = await startTestServer({ clock });
    playDemoDays(s.khiu.office, clock, {
      firstDay: '2026-03-02',
      days: 3,
      perDay: 70,
      seed: 26,
      staff: ['somchai', 'malee'],
    });
    // Thursday morning: Wednesday is closed, five citizens wait and the fourth is called first.
    const { office } = s.khiu;
    const waiting: TicketRecord[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock.set(at(`2026-03-05T08:3${i}:00+07:00`));
      waiting.push(office.tickets.issue(1, null, { kind: 'station', station: 'kiosk-1' }).ticket);
    }
    clock.set(at('2026-03-05T08:40:00+07:00'));
    office.tickets.callOutOfTurn(waiting[3]!.id, 1, 'medical_emergency', staff);
    clock.set(at('2026-03-05T08:45:00+07:00'));
    await s.admin.signIn('admin', ADMIN_PASSWORD);
  }, 60_000);
  afterAll(() => s.close());

  it('gives every ticket what an independent recomputation from the manager’s listing gives', async () => {
    const manager = await s.userWithRole('manager', 'auditor');
    const listing = (
      await manager.get<ListedTicket[]>('/api/tickets?from=2026-03-02&to=2026-03-05')
    ).body;
    const services = (await s.anon.get<Service[]>('/api/services')).body;
    expect(listing.length).toBeGreaterThan(200);
    const leftMs = new Map<string, number>();
    for (const t of listing.filter((t) => t.status === 'cancelled' && t.calledAt === null)) {
      const history = (await manager.get<TicketHistory>(`/api/tickets/${t.id}/history`)).body;
      const entries = history.chain.find((link) => link.ticketId === t.id)!.entries;
      leftMs.set(t.id, at(entries.find((e) => e.type === 'ticket.cancelled')!.at));
    }
    expect(leftMs.size).toBeGreaterThan(0);

    const seen = { priorityTurn: 0, outOfTurnWithReason: 0, transfers: 0, waiting: 0 };
    for (const t of listing) {
      const res = await s.anon.get<OrderCheck>(`/api/tickets/${t.id}/order-check`);
      expect(res.status).toBe(200);
      const expected = recompute(t.id, listing, services, clock.now(), leftMs);
      const { waitMinutes, ...rest } = res.body;
      const { waitMinutes: expectedWait, ...expectedRest } = expected;
      expect(rest, t.number).toEqual(expectedRest);
      // The listing's times are to the millisecond; the answer rounds to hundredths of a minute.
      expect(Math.abs(waitMinutes - expectedWait)).toBeLessThanOrEqual(0.01);
      seen.priorityTurn += rest.calledBefore.filter((c) => c.rule === 'priority_turn').length;
      seen.outOfTurnWithReason += rest.calledBefore.filter((c) => c.reason !== null).length;
      if (t.transferredFrom) seen.transfers += 1;
      if (t.status === 'waiting') seen.waiting += 1;
    }
    // The played days hold each kind this check is about.
    expect(seen.priorityTurn).toBeGreaterThan(0);
    expect(seen.outOfTurnWithReason).toBeGreaterThan(0);
    expect(seen.transfers).toBeGreaterThan(0);
    expect(seen.waiting).toBeGreaterThan(0);
  }, 120_000);
});

describe('a ticket’s order check, case by case', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  it('names the priority turn, the out-of-turn call with its reason, and keeps a transfer’s place', async () => {
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    s = await startTestServer({ clock });
    const { office } = s.khiu;
    const codes = new Map(office.ctx.store.services.all().map((x) => [x.code, x.id]));
    const serviceA = codes.get('A')!;
    const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
    const issue = (minute: number, serviceId: number, priority = false): TicketRecord => {
      clock.set(at(`2026-03-02T09:${String(minute).padStart(2, '0')}:00+07:00`));
      return office.tickets.issue(serviceId, priority ? 'elderly' : null, kiosk).ticket;
    };
    /** Counter 1 (services A and F) calls, serves and finishes a ticket a minute later. */
    const serve = (minute: number, call: () => TicketRecord | null): TicketRecord => {
      clock.set(at(`2026-03-02T09:${String(minute).padStart(2, '0')}:00+07:00`));
      const called = call()!;
      office.tickets.start(called.id, staff);
      clock.advance(MINUTE / 2);
      office.tickets.finish(called.id, staff);
      return called;
    };
    const callNext = () => office.tickets.callNext(1, staff);

    const t = issue(0, codes.get('B')!); // waits for counter 2, then moves to A
    const [n1, n2, n3, n4] = [1, 2, 3, 4].map((m) => issue(m, serviceA));
    const p1 = issue(5, serviceA, true);
    const n5 = issue(6, serviceA);
    const n6 = issue(7, serviceA);
    expect(p1.number).toMatch(/^P/);

    expect(serve(10, callNext).id).toBe(n1!.id);
    expect(serve(11, callNext).id).toBe(n2!.id);
    expect(serve(12, callNext).id).toBe(n3!.id);
    // Three normal calls: the priority lane's turn (one every 3, the published rule).
    expect(serve(13, callNext).id).toBe(p1.id);
    expect(serve(14, callNext).id).toBe(n4!.id);
    const outOfTurn = serve(15, () => office.tickets.callOutOfTurn(n6.id, 1, 'appointment', staff));
    expect(outOfTurn.outOfTurn).toBe(true);
    expect(serve(16, callNext).id).toBe(n5.id);

    clock.set(at('2026-03-02T09:35:00+07:00'));
    const { to: moved } = office.tickets.transfer(t.id, serviceA, staff);
    const n7 = issue(36, serviceA);
    // The transfer kept its 09:00 place: it goes before n7.
    const movedCall = serve(40, callNext);
    expect(movedCall.id).toBe(moved.id);
    clock.set(at('2026-03-02T09:50:00+07:00'));

    const check = async (id: string): Promise<OrderCheck> => {
      const res = await s!.anon.get<OrderCheck>(`/api/tickets/${id}/order-check`);
      expect(res.status).toBe(200);
      return res.body;
    };
    const call = (
      ticket: TicketRecord,
      minute: number,
      rule: OrderCheckCall['rule'],
      reason: OrderCheckCall['reason'],
    ) => ({
      number: ticket.number,
      calledAt: `2026-03-02T09:${String(minute).padStart(2, '0')}:00.000+07:00`,
      rule,
      reason,
    });
    const target = office.ctx.services().get(serviceA)!.targetWaitMinutes;

    expect(await check(n4!.id)).toEqual({
      ticket: { id: n4!.id, number: n4!.number },
      waitMinutes: 10,
      targetWaitMinutes: target,
      calledBefore: [call(p1, 13, 'priority_turn', null)],
    });
    expect((await check(n5.id)).calledBefore).toEqual([call(n6, 15, 'out_of_turn', 'appointment')]);
    for (const first of [n1!, n2!, n3!, p1, n6])
      expect((await check(first.id)).calledBefore, first.number).toEqual([]);

    // The citizen's own id follows the transfer; calls made in A before it arrived there were
    // not recorded as out of turn, and say so with a null reason.
    expect(await check(t.id)).toEqual({
      ticket: { id: moved.id, number: t.number },
      waitMinutes: 5,
      targetWaitMinutes: target,
      calledBefore: [
        call(n1!, 10, 'out_of_turn', null),
        call(n2!, 11, 'out_of_turn', null),
        call(n3!, 12, 'out_of_turn', null),
        call(p1, 13, 'priority_turn', null),
        call(n4!, 14, 'out_of_turn', null),
        call(n6, 15, 'out_of_turn', 'appointment'),
        call(n5, 16, 'out_of_turn', null),
      ],
    });

    // Still waiting: the wait runs to now, and nobody has passed it.
    expect(await check(n7.id)).toEqual({
      ticket: { id: n7.id, number: n7.number },
      waitMinutes: 14,
      targetWaitMinutes: target,
      calledBefore: [],
    });
  });

  it('limits each address like the other anonymous endpoints', async () => {
    s = await startTestServer({ anonymousRate: { perSecond: 0.001, burst: 2 } });
    for (const path of ['/api/tickets/AAAAAAAAAAAA/order-check', '/api/ledger/checkpoints']) {
      const statuses = [];
      for (let i = 0; i < 3; i += 1) statuses.push((await s.anon.get(path)).status);
      expect(statuses.at(-1), path).toBe(429);
      expect(statuses.slice(0, 2)).not.toContain(429);
    }
  });

  it('answers 404 for an unknown ticket and 400 for a malformed id', async () => {
    s = await startTestServer();
    const unknown = await s.anon.get('/api/tickets/AAAAAAAAAAAA/order-check');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('not_found');
    const malformed = await s.anon.get(`/api/tickets/${'x'.repeat(65)}/order-check`);
    expect(malformed.status).toBe(400);
    const punctuated = await s.anon.get('/api/tickets/a.b/order-check');
    expect(punctuated.status).toBe(400);
  });
});
