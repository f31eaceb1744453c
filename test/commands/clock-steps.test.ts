import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { openOfficeFixture, kiosk, staff, type OfficeFixture } from '../helpers/office-fixture.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { openDatabase } from '../../server/store/database.ts';
import { Store } from '../../server/store/store.ts';
import { Office } from '../../server/commands/office.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { Reports } from '../../server/reports/reports.ts';

const MINUTE = 60_000;
const at = (local: string): number => Date.parse(`${local}+07:00`);

/*
 * Office PCs without NTP step their clocks. The queue's order, the office day, its numbers and
 * its day close must not follow the clock backwards (issue 9, part 3).
 */
describe('a clock stepped back', () => {
  let f: OfficeFixture;
  beforeEach(() => {
    f = openOfficeFixture();
    f.clock.set(at('2026-11-25T10:00:00'));
  });
  afterEach(() => f.close());

  const issue = (code: string, priority: 'elderly' | null = null) =>
    f.office.tickets.issue(f.service(code), priority, kiosk).ticket;
  const callAndFinish = (counter: number) => {
    const ticket = f.office.tickets.callNext(f.counter(counter), staff)!;
    f.office.tickets.start(ticket.id, staff);
    f.office.tickets.finish(ticket.id, staff);
    return ticket;
  };
  const dayClosed = () =>
    f.db.prepare("SELECT count(*) AS n FROM ledger WHERE data LIKE '%day_closed%'").get() as {
      n: number;
    };

  it('calls a ticket issued after a 30-minute step back only after the two issued before it', () => {
    issue('A');
    f.clock.advance(MINUTE);
    issue('A');
    f.clock.advance(-30 * MINUTE);
    const third = issue('A');
    expect([1, 2, 3].map(() => callAndFinish(1).number)).toEqual(['A001', 'A002', 'A003']);
    expect(third).toMatchObject({ number: 'A003', queuedMs: at('2026-11-25T10:01:00') });
    // Its wait, in the reports, is not negative.
    const called = f.office.ctx.store.tickets.get(third.id)!.calledMs!;
    expect(called).toBeGreaterThan(third.issuedMs);
  });

  it('keeps the office day, its numbers and its queue when the clock steps back across local midnight', () => {
    const a1 = issue('A');
    const a2 = issue('A');
    expect(f.office.tickets.callNext(f.counter(1), staff)?.id).toBe(a1.id);
    f.clock.set(at('2026-11-24T23:30:00'));
    const a3 = issue('A');
    expect(a3).toMatchObject({ number: 'A003', day: '2026-11-25' });
    expect(a3.issuedMs).toBeGreaterThanOrEqual(a2.issuedMs);
    // The morning's waiting ticket is still the next one, on the counters and the hall display.
    expect(f.office.views.waitingAtCounter(f.counter(4)).map((t) => t.number)).toEqual([
      'A002',
      'A003',
    ]);
    const queue = f.office.views.queue();
    expect(queue.services.find((s) => s.code === 'A')?.waiting).toBe(2);
    expect(f.office.tickets.callNext(f.counter(4), staff)?.id).toBe(a2.id);
  });

  it('closes nothing when the clock is corrected forward again within the same day', () => {
    issue('A');
    const a2 = issue('A');
    const serving = f.office.tickets.callNext(f.counter(1), staff)!;
    f.office.tickets.start(serving.id, staff);
    f.clock.set(at('2026-11-24T23:30:00'));
    const a3 = issue('A');
    const called = f.office.tickets.callNext(f.counter(4), staff)!;
    expect(called.id).toBe(a2.id);
    f.office.tickets.start(called.id, staff);
    f.clock.set(at('2026-11-25T10:35:00'));
    const a4 = issue('A');
    expect(a4.number).toBe('A004');
    const status = (id: string) => f.office.ctx.store.tickets.get(id)?.status;
    expect([serving.id, a2.id, a3.id, a4.id].map(status)).toEqual([
      'serving',
      'serving',
      'waiting',
      'waiting',
    ]);
    expect(dayClosed().n).toBe(0);
  });

  it('still gives a priority ticket its turn after three normal calls made while the clock read earlier', () => {
    const priorityFirst = issue('A', 'elderly');
    for (let i = 0; i < 4; i += 1) issue('A');
    const last = issue('A', 'elderly');
    f.clock.advance(MINUTE);
    expect(callAndFinish(1).id).toBe(priorityFirst.id);
    f.clock.advance(-30 * MINUTE);
    const calls = [1, 2, 3, 4].map(() => callAndFinish(1).number);
    // Published rule: one priority ticket after every 3 normal calls.
    expect(calls).toEqual(['A001', 'A002', 'A003', last.number]);
  });

  it('holds a new ticket behind the last one issued, and the office day, across a restart', () => {
    const cleanups = new CleanupStack();
    const a1 = issue('A');
    // The server restarts and the PC's clock now reads the evening before.
    const clock = new ManualClock(at('2026-11-24T23:30:00'));
    const db = openDatabase(join(f.dir, 'khiu.db'));
    cleanups.push(() => db.close());
    const restarted = new Office({ store: new Store(db), clock });
    const a2 = restarted.tickets.issue(f.service('A'), null, kiosk).ticket;
    expect(a2).toMatchObject({ number: 'A002', day: '2026-11-25' });
    expect(a2.queuedMs).toBe(a1.queuedMs);
    expect(restarted.tickets.callNext(f.counter(1), staff)?.id).toBe(a1.id);
    return cleanups.run();
  });
});

describe('the day close', () => {
  let f: OfficeFixture;
  beforeEach(() => {
    f = openOfficeFixture();
    f.clock.set(at('2026-11-25T16:20:00'));
  });
  afterEach(() => f.close());

  it('leaves a ticket called or being served to its counter, and cancels only the waiting and held ones', () => {
    const issue = () => f.office.tickets.issue(f.service('A'), null, kiosk).ticket;
    const [serving, held, called, waiting] = [issue(), issue(), issue(), issue()];
    expect(f.office.tickets.callNext(f.counter(1), staff)?.id).toBe(serving.id);
    f.office.tickets.start(serving.id, staff);
    // Counter 4 sends its citizen to fetch a document, and calls the next.
    expect(f.office.tickets.callNext(f.counter(4), staff)?.id).toBe(held.id);
    f.office.tickets.hold(held.id, staff);
    expect(f.office.tickets.callNext(f.counter(4), staff)?.id).toBe(called.id);
    const status = (id: string) => f.office.ctx.store.tickets.get(id)?.status;

    // Nobody pressed a button before going home; the next morning's first ticket closes the day.
    f.clock.set(at('2026-11-26T08:30:00'));
    f.office.tickets.issue(f.service('F'), null, kiosk);
    expect([serving.id, called.id, held.id, waiting.id].map(status)).toEqual([
      'serving',
      'called',
      'cancelled',
      'cancelled',
    ]);

    // The counter finishes it; it counts on the day it was issued.
    expect(() => f.office.tickets.callNext(f.counter(1), staff)).toThrow(/still has ticket A001/);
    f.office.tickets.finish(serving.id, staff);
    f.office.tickets.noShow(called.id, staff);
    const week = new Reports(f.office.ctx).build({ kind: 'weekly', start: '2026-11-23' });
    const day = (d: string) => week.days.find((row) => row.day === d)!;
    expect(day('2026-11-25')).toMatchObject({ issued: 4, served: 1, noShow: 1, cancelled: 2 });
    expect(day('2026-11-26')).toMatchObject({ issued: 1, served: 0 });
  });

  it('puts a ticket served overnight and transferred the next morning into that morning’s line', () => {
    const served = f.office.tickets.issue(f.service('A'), null, kiosk).ticket;
    expect(f.office.tickets.callNext(f.counter(1), staff)?.id).toBe(served.id);
    f.office.tickets.start(served.id, staff);
    f.clock.set(at('2026-11-26T08:30:00'));
    const b1 = f.office.tickets.issue(f.service('B'), null, kiosk).ticket;
    const { to } = f.office.tickets.transfer(served.id, f.service('B'), staff);
    expect(to).toMatchObject({ number: 'A001', day: '2026-11-26', queuedMs: served.queuedMs });
    // Counter 2 (B and D) calls the citizen, who has waited since yesterday, before B001.
    expect(f.office.tickets.callNext(f.counter(2), staff)?.id).toBe(to.id);
    expect(f.office.views.waitingAtCounter(f.counter(2)).map((t) => t.id)).toEqual([b1.id]);
  });
});
