import { afterEach, describe, expect, it } from 'vitest';
import { openOfficeFixture, kiosk, staff, type OfficeFixture } from '../helpers/office-fixture.ts';
import { LANE_QUERIES } from '../../server/store/ticket-store.ts';
import { KhiuError } from '../../server/core/errors.ts';
import type { Db } from '../../server/store/database.ts';

const PARAMS = {
  day: '2026-11-25',
  service_ids: '[1, 2]',
  service_id: 1,
  priority_lane: 0,
  queued_ms: 0,
  seq: 0,
  since: 0,
};

const planOf = (db: Db, sql: string): string[] =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(PARAMS) as { detail: string }[]).map(
    (row) => row.detail,
  );

/** What the plan says about the tickets table: each line that reads it. */
const ticketSteps = (plan: string[]): string[] => plan.filter((line) => / tickets\b/.test(line));

interface Row {
  seq: number;
  id: string;
  day: string;
  service_id: number;
  priority: string | null;
  status: string;
  held: number;
  queued_ms: number;
  called_ms: number | null;
  transferred_from: string | null;
}

const before = (a: Row, b: Row) =>
  a.queued_ms < b.queued_ms || (a.queued_ms === b.queued_ms && a.seq < b.seq);

describe('the queue’s hot queries', () => {
  let f: OfficeFixture | undefined;
  afterEach(() => f?.close());

  it('find the oldest waiting ticket by the service and lane index, without a sort', () => {
    f = openOfficeFixture();
    const steps = ticketSteps(planOf(f.db, LANE_QUERIES.oldestWaiting));
    expect(steps).toEqual([
      'SEARCH tickets USING INDEX tickets_waiting_by_service (service_id=? AND held=? AND <expr>=? AND day=?)',
    ]);
    expect(planOf(f.db, LANE_QUERIES.oldestWaiting).join('\n')).not.toMatch(/TEMP B-TREE/);
  });

  it('count the people ahead as a range of the ticket’s own service and lane', () => {
    f = openOfficeFixture();
    const [step] = ticketSteps(planOf(f.db, LANE_QUERIES.aheadInLane));
    expect(step).toMatch(
      /^SEARCH tickets USING INDEX tickets_waiting_by_service \(service_id=\? AND held=\? AND <expr>=\? AND day=\? AND queued_ms<\?\)$/,
    );
  });

  it('look up each service’s oldest waiting ticket per lane instead of passing every waiting ticket', () => {
    f = openOfficeFixture();
    const steps = ticketSteps(planOf(f.db, LANE_QUERIES.oldestWaitingByService));
    expect(steps.length).toBeGreaterThan(0);
    for (const step of steps) {
      expect(step).toBe(
        'SEARCH tickets USING INDEX tickets_waiting_by_service (service_id=? AND held=? AND <expr>=? AND day=?)',
      );
    }
  });

  it('find whose turn it is from the day’s calls by lane, off a covering index', () => {
    f = openOfficeFixture();
    for (const sql of [LANE_QUERIES.lastPriorityCall, LANE_QUERIES.normalCallsSince]) {
      expect(ticketSteps(planOf(f.db, sql))).toEqual([
        'SEARCH tickets USING COVERING INDEX tickets_calls_by_lane (day=? AND <expr>=? AND called_ms>?)',
      ]);
    }
  });

  it('list a counter’s waiting line from the waiting tickets of its services, not all of today’s', () => {
    f = openOfficeFixture();
    expect(ticketSteps(planOf(f.db, LANE_QUERIES.waitingList))).toEqual([
      'SEARCH tickets USING INDEX tickets_waiting_by_service (service_id=? AND held=? AND <expr>=? AND day=?)',
    ]);
  });

  it('find the tickets left waiting on earlier days among the waiting ones, not every earlier ticket', () => {
    f = openOfficeFixture();
    expect(ticketSteps(planOf(f.db, LANE_QUERIES.waitingBefore))).toEqual([
      'SCAN tickets USING INDEX tickets_waiting',
    ]);
  });

  it('gives the same oldest tickets, people ahead (one by one and in a counter’s line) and turn as a count over every ticket, through a busy morning', () => {
    f = openOfficeFixture();
    const fx = f;
    const store = fx.office.ctx.store.tickets;
    const codes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const counterIds = [1, 2, 3, 4].map((n) => fx.counter(n));
    let state = 20261125;
    const random = () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return state / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const tolerate = (action: () => unknown) => {
      try {
        action();
      } catch (error) {
        // A busy counter, a ticket in the wrong state: the office refuses and nothing changes.
        if (!(error instanceof KhiuError)) throw error;
      }
    };

    const check = () => {
      const day = fx.office.ctx.calendar.day();
      const rows = (fx.db.prepare('SELECT * FROM tickets').all() as Row[]).filter(
        (r) => r.day === day,
      );
      const inLine = rows.filter((r) => r.status === 'waiting' && r.held === 0);
      const oldestOf = (candidates: Row[]) =>
        candidates.reduce<Row | null>((o, r) => (o === null || before(r, o) ? r : o), null);
      for (const counterId of counterIds) {
        const serviceIds = fx.office.ctx.store.counters.get(counterId)!.serviceIds;
        for (const lane of ['normal', 'priority'] as const) {
          const expected = oldestOf(
            inLine.filter(
              (r) =>
                serviceIds.includes(r.service_id) &&
                (r.priority !== null) === (lane === 'priority'),
            ),
          );
          expect(store.oldestWaiting(day, serviceIds, lane)?.seq ?? null).toBe(
            expected?.seq ?? null,
          );
        }
      }
      for (const r of inLine) {
        const expected = inLine.filter(
          (o) =>
            o.service_id === r.service_id &&
            (r.priority === null || o.priority !== null) &&
            before(o, r),
        ).length;
        expect(store.ahead(store.get(r.id)!)).toBe(expected);
      }
      // A counter's waiting line: every waiting ticket of its services (held ones too) in queue
      // order, the people ahead counted in one pass the same as one by one.
      const waiting = rows
        .filter((r) => r.status === 'waiting')
        .sort((a, b) => a.queued_ms - b.queued_ms || a.seq - b.seq);
      for (const counterId of counterIds) {
        const serviceIds = fx.office.ctx.store.counters.get(counterId)!.serviceIds;
        const line = fx.office.views.waitingAtCounter(counterId);
        expect(line.map((t) => t.id)).toEqual(
          waiting.filter((r) => serviceIds.includes(r.service_id)).map((r) => r.id),
        );
        for (const shown of line) {
          expect(shown.ahead, shown.number).toBe(
            fx.office.views.ticket(store.get(shown.id)!).ahead,
          );
        }
      }
      const oldestByService = new Map<number, number>();
      for (const r of inLine) {
        const o = oldestByService.get(r.service_id);
        if (o === undefined || r.queued_ms < o) oldestByService.set(r.service_id, r.queued_ms);
      }
      expect(
        new Map(store.oldestWaitingByService(day).map((o) => [o.serviceId, o.queuedMs])),
      ).toEqual(oldestByService);
      const called = rows.filter((r) => r.called_ms !== null);
      const lastPriority = Math.max(
        -1,
        ...called.filter((r) => r.priority !== null).map((r) => r.called_ms!),
      );
      expect(store.normalsSinceLastPriority(day)).toBe(
        called.filter(
          (r) => r.called_ms! > lastPriority && r.priority === null && r.transferred_from === null,
        ).length,
      );
    };

    for (let step = 0; step < 400; step += 1) {
      const roll = random();
      if (roll < 0.45) {
        fx.office.tickets.issue(fx.service(pick(codes)), random() < 0.25 ? 'elderly' : null, kiosk);
      } else if (roll < 0.7) {
        tolerate(() => fx.office.tickets.callNext(pick(counterIds), staff));
      } else if (roll < 0.95) {
        const active = store.active();
        if (active.length > 0) {
          const ticket = pick(active);
          const action = random();
          if (action < 0.4) {
            tolerate(() => {
              if (ticket.status === 'called') fx.office.tickets.start(ticket.id, staff);
              fx.office.tickets.finish(ticket.id, staff);
            });
          } else if (action < 0.6) tolerate(() => fx.office.tickets.hold(ticket.id, staff));
          else if (action < 0.8) tolerate(() => fx.office.tickets.noShow(ticket.id, staff));
          else {
            const other = codes.map((c) => fx.service(c)).filter((id) => id !== ticket.serviceId);
            tolerate(() => fx.office.tickets.transfer(ticket.id, pick(other), staff));
          }
        }
      } else {
        const held = fx.db
          .prepare("SELECT id FROM tickets WHERE held = 1 AND status = 'waiting'")
          .pluck()
          .all() as string[];
        if (held.length > 0) tolerate(() => fx.office.tickets.returnFromHold(pick(held), staff));
      }
      // Often the same millisecond, so the issue order (seq) has to break ties.
      if (random() < 0.5) fx.clock.advance(Math.floor(random() * 30_000));
      check();
    }
    const statuses = new Set(fx.db.prepare('SELECT status FROM tickets').pluck().all() as string[]);
    // The morning went through every state the queries distinguish.
    expect([...statuses].sort()).toEqual(
      expect.arrayContaining(['called', 'done', 'no_show', 'transferred', 'waiting']),
    );
    expect(
      fx.db.prepare('SELECT count(*) FROM tickets WHERE held = 1').pluck().get(),
    ).toBeGreaterThan(0);
  });
});
