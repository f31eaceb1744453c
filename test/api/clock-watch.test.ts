import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openOfficeFixture, kiosk, type OfficeFixture } from '../helpers/office-fixture.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { watchClock, type ClockWatch } from '../../server/api/clock-watch.ts';
import { SETTING_LAST_CLOCK_STEP } from '../../server/commands/office-context.ts';

const MINUTE = 60_000;
const at = (local: string): number => Date.parse(`${local}+07:00`);

/*
 * The wall clock is the fixture's ManualClock and the monotonic clock a number the test moves:
 * the two move together while time passes, and apart when someone steps the PC's clock.
 */
describe('the clock watch', () => {
  let f: OfficeFixture;
  let monotonicMs: number;
  let lines: string[];
  const cleanups = new CleanupStack();
  beforeEach(() => {
    f = openOfficeFixture();
    cleanups.push(() => f.close());
    f.clock.set(at('2026-11-25T10:00:00'));
    monotonicMs = 1_000;
    lines = [];
  });
  afterEach(() => cleanups.run());

  const watch = (intervalMs = 60 * MINUTE): ClockWatch => {
    const watcher = watchClock({
      office: f.office,
      clock: f.clock,
      log: (line) => lines.push(line),
      monotonic: () => monotonicMs,
      intervalMs,
    });
    cleanups.push(() => watcher.stop());
    return watcher;
  };
  const pass = (ms: number) => {
    f.clock.advance(ms);
    monotonicMs += ms;
  };
  const steps = () =>
    (
      f.db.prepare("SELECT data FROM ledger WHERE type = 'clock.stepped' ORDER BY seq").all() as {
        data: string;
      }[]
    ).map((row) => JSON.parse(row.data).details);

  it('logs one line and records a step of more than a minute either way in the ledger', () => {
    const watcher = watch();
    pass(5 * MINUTE);
    f.clock.advance(-30 * MINUTE);
    watcher.check();
    pass(MINUTE);
    f.clock.advance(2 * MINUTE);
    watcher.check();
    expect(steps()).toEqual([
      {
        fromMs: at('2026-11-25T10:05:00'),
        toMs: at('2026-11-25T09:35:00'),
        differenceMs: -30 * MINUTE,
      },
      {
        fromMs: at('2026-11-25T09:36:00'),
        toMs: at('2026-11-25T09:38:00'),
        differenceMs: 2 * MINUTE,
      },
    ]);
    expect(lines).toEqual([
      'clock stepped back 30 min 0 s (from 2026-11-25T10:05:00.000+07:00 to 2026-11-25T09:35:00.000+07:00); tickets keep their order and the office day is 2026-11-25',
      'clock stepped forward 2 min 0 s (from 2026-11-25T09:36:00.000+07:00 to 2026-11-25T09:38:00.000+07:00); tickets keep their order and the office day is 2026-11-25',
    ]);
    expect(f.office.ctx.store.settings.get(SETTING_LAST_CLOCK_STEP)).toEqual({
      from: '2026-11-25T09:36:00.000+07:00',
      to: '2026-11-25T09:38:00.000+07:00',
      differenceMs: 2 * MINUTE,
    });
    expect(f.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });
  });

  it('neither logs nor records a clock that keeps time, or drifts a minute at most between checks', () => {
    const watcher = watch();
    pass(3 * 60 * MINUTE);
    watcher.check();
    f.clock.advance(MINUTE);
    watcher.check();
    f.clock.advance(-MINUTE);
    watcher.check();
    expect(steps()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('finds a step on its timer while no request comes, and stops looking when stopped', async () => {
    const watcher = watch(10);
    f.clock.advance(-2 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(steps()).toHaveLength(1);
    watcher.stop();
    f.clock.advance(-2 * MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(steps()).toHaveLength(1);
  });

  it('keeps a step it could not write and records it at the next check that can', () => {
    const watcher = watch();
    f.db.pragma('query_only = ON');
    f.clock.advance(-30 * MINUTE);
    watcher.check();
    watcher.check();
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^could not record the clock step in the ledger yet: /);
    f.db.pragma('query_only = OFF');
    watcher.check();
    expect(steps()).toEqual([expect.objectContaining({ differenceMs: -30 * MINUTE })]);
    expect(lines).toHaveLength(2);
  });

  it('says at start when the clock reads before the last ticket issued', () => {
    f.office.tickets.issue(f.service('A'), null, kiosk);
    f.clock.set(at('2026-11-24T23:30:00'));
    watch();
    expect(lines).toEqual([
      'the clock reads 2026-11-24T23:30:00.000+07:00, before the last ticket issued (2026-11-25T10:00:00.000+07:00): new tickets queue after it and the office day stays 2026-11-25 until the clock passes it; set the clock right',
    ]);
  });
});
