import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOfficeFixture, kiosk, staff, type OfficeFixture } from '../helpers/office-fixture.ts';
import { KhiuError } from '../../server/core/errors.ts';

const MINUTE = 60_000;

describe('the queue', () => {
  let f: OfficeFixture;
  beforeEach(() => {
    f = openOfficeFixture();
  });
  afterEach(() => f.close());

  const issue = (code: string, priority: 'elderly' | null = null) => {
    const t = f.office.tickets.issue(f.service(code), priority, kiosk).ticket;
    f.clock.advance(MINUTE);
    return t;
  };

  it('numbers tickets per service per day: A001, A002, then B001', () => {
    expect([issue('A').number, issue('A').number, issue('B').number, issue('A').number]).toEqual([
      'A001',
      'A002',
      'B001',
      'A003',
    ]);
  });

  it('starts again at 001 after local midnight in Bangkok and never reuses a ticket id', () => {
    const before = issue('A');
    f.clock.set(Date.UTC(2026, 10, 25, 16, 59, 0)); // 23:59 Bangkok
    expect(issue('A').number).toBe('A002');
    f.clock.set(Date.UTC(2026, 10, 25, 17, 0, 0)); // 00:00 next day
    const after = issue('A');
    expect(after.number).toBe('A001');
    expect(after.id).not.toBe(before.id);
  });

  it('cancels tickets left waiting from an earlier day so they cannot jump today’s line', () => {
    const stale = issue('A');
    f.clock.set(Date.UTC(2026, 10, 26, 2, 0, 0));
    const fresh = issue('A');
    expect(f.office.ctx.store.tickets.get(stale.id)?.status).toBe('cancelled');
    expect(f.office.tickets.callNext(f.counter(1), staff)?.id).toBe(fresh.id);
  });

  it('gives the longest-waiting ticket among a counter’s services to the counter that calls', () => {
    const d1 = issue('D');
    const a1 = issue('A');
    const e1 = issue('E');
    // Counter 4 serves D, E, A and C: D001 has waited longest.
    expect(f.office.tickets.callNext(f.counter(4), staff)?.id).toBe(d1.id);
    // Counter 1 serves A and F only.
    expect(f.office.tickets.callNext(f.counter(1), staff)?.id).toBe(a1.id);
    expect(f.office.tickets.callNext(f.counter(3), staff)?.id).toBe(e1.id);
  });

  it('returns null when nobody waits for the counter’s services', () => {
    issue('B');
    expect(f.office.tickets.callNext(f.counter(1), staff)).toBeNull();
  });

  it('calls one priority ticket after every N normal calls, as published', () => {
    const normals = [issue('A'), issue('A'), issue('A'), issue('A')];
    const elderly = issue('A', 'elderly');
    const order: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const t = f.office.tickets.callNext(f.counter(1), staff)!;
      order.push(t.number);
      f.office.tickets.start(t.id, staff);
      f.office.tickets.finish(t.id, staff);
    }
    // The priority ticket arrived last but only 3 normal calls had to pass.
    expect(order).toEqual(['A001', 'A002', 'A003', 'PA001', 'A004']);
    expect(normals).toHaveLength(4);
    expect(elderly.priority).toBe('elderly');
  });

  it('counts the people ahead of a new ticket and tells an estimate from the posted standard', () => {
    issue('A');
    issue('A');
    const third = f.office.tickets.issue(f.service('A'), null, kiosk);
    expect(third.ahead).toBe(2);
    const view = f.office.views.ticket(third.ticket);
    expect(view.ahead).toBe(2);
    // A's steps add to 13 minutes; counters 1 and 4 serve A: ceil(2 * 13 / 2) = 13.
    expect(view.estimatedWaitMinutes).toBe(13);
  });

  it('refuses a call while the counter still has a ticket, and on a paused counter', () => {
    issue('A');
    issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    expect(() => f.office.tickets.callNext(f.counter(1), staff)).toThrow(/still has ticket A001/);
    f.office.admin.setCounterStatus(f.counter(4), 'paused', 'พักกลางวัน', staff);
    expect(() => f.office.tickets.callNext(f.counter(4), staff)).toThrow(KhiuError);
  });

  it('recalls up to the published limit, then records a no-show', () => {
    const t = issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    for (let i = 1; i <= 3; i += 1) expect(f.office.tickets.recall(t.id, staff).recalls).toBe(i);
    expect(f.office.tickets.recall(t.id, staff).status).toBe('no_show');
    expect(f.events.filter((e) => e.kind === 'ticket:called' && e.recall)).toHaveLength(3);
  });

  it('transfers a citizen to another service keeping the number and the original place in time', () => {
    const early = issue('A');
    const laterB = issue('B');
    f.office.tickets.callNext(f.counter(1), staff);
    f.office.tickets.start(early.id, staff);
    const { from, to } = f.office.tickets.transfer(early.id, f.service('B'), staff);
    expect(from.status).toBe('transferred');
    expect(to.number).toBe('A001');
    expect(to.queuedMs).toBe(early.queuedMs);
    // At counter 2 (B and D) the transferred citizen is ahead of B001, who came later.
    expect(f.office.tickets.callNext(f.counter(2), staff)?.id).toBe(to.id);
    expect(f.office.views.ticketStatus(early.id).ticket.id).toBe(to.id);
    expect(laterB.number).toBe('B001');
  });

  it('holds a called ticket aside and returns it to the same counter', () => {
    const t = issue('A');
    const other = issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    expect(f.office.tickets.hold(t.id, staff)).toMatchObject({ status: 'waiting', held: true });
    // Nobody else calls a held ticket in line.
    expect(f.office.tickets.callNext(f.counter(4), staff)?.id).toBe(other.id);
    f.office.tickets.noShow(other.id, staff);
    expect(f.office.tickets.returnFromHold(t.id, staff)).toMatchObject({
      status: 'called',
      held: false,
      counterId: f.counter(1),
    });
  });

  it('flags an out-of-turn call with its reason, but not a call of the ticket that was next anyway', () => {
    const first = issue('A');
    const second = issue('A');
    const jumped = f.office.tickets.callOutOfTurn(second.id, f.counter(1), 'appointment', staff);
    expect(jumped).toMatchObject({ outOfTurn: true, outOfTurnReason: 'appointment' });
    const inTurn = f.office.tickets.callOutOfTurn(
      first.id,
      f.counter(4),
      'returned_with_documents',
      staff,
    );
    expect(inTurn).toMatchObject({ outOfTurn: false, outOfTurnReason: null });
  });

  it('takes one rating per finished ticket and never a second', () => {
    const t = issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    expect(() => f.office.feedback.rate(t.id, 5, kiosk)).toThrow(/cannot be rated/);
    f.office.tickets.start(t.id, staff);
    f.office.tickets.finish(t.id, staff);
    expect(f.office.feedback.ratingTarget(f.counter(1))?.ticket.id).toBe(t.id);
    f.office.feedback.rate(t.id, 4, kiosk);
    expect(() => f.office.feedback.rate(t.id, 5, kiosk)).toThrow(/already been rated/);
    expect(() => f.office.feedback.rate(t.id, 6, kiosk)).toThrow(/1 to 5/);
    expect(f.office.ctx.store.ratings.get(t.id)).toMatchObject({
      score: 4,
      counterId: f.counter(1),
      staff: 'somchai',
    });
    expect(f.office.feedback.ratingTarget(f.counter(1))).toBeNull();
  });

  it('stops offering a finished ticket for rating after the rating window', () => {
    const t = issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    f.office.tickets.start(t.id, staff);
    f.office.tickets.finish(t.id, staff);
    f.clock.advance(11 * MINUTE);
    expect(() => f.office.feedback.rateAtCounter(f.counter(1), 5, kiosk)).toThrow(
      /no finished ticket awaiting/,
    );
  });

  it('records every change in the ledger and publishes events in seq order after commit', () => {
    const t = issue('A');
    f.office.tickets.callNext(f.counter(1), staff);
    f.office.tickets.start(t.id, staff);
    f.office.tickets.finish(t.id, staff);
    f.office.feedback.rate(t.id, 5, kiosk);
    expect(f.events.map((e) => e.kind)).toEqual([
      'ticket:issued',
      'ticket:called',
      'ticket:updated',
      'ticket:updated',
      'ticket:rated',
    ]);
    const seqs = f.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(f.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });
  });

  it('changes nothing when a command fails half-way', () => {
    const head = f.office.ctx.store.ledger.head();
    expect(() => f.office.tickets.issue(9999, null, kiosk)).toThrow(/service 9999 does not exist/);
    expect(f.office.ctx.store.ledger.head()).toEqual(head);
    expect(f.events).toHaveLength(0);
  });
});
