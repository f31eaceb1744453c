import { afterEach, describe, expect, it } from 'vitest';
import { createPublicKey, verify } from 'node:crypto';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { checkCheckpoints, checkpointMessage, closedDays } from '../../server/core/checkpoint.ts';
import { ADMIN_PASSWORD } from '../helpers/khiu-server.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

const at = (iso: string): number => Date.parse(iso);
const hash = (n: number): string => n.toString(16).padStart(64, '0');

describe('which entries a checkpoint covers', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('groups entries by office day, oldest first, and stops at today', () => {
    const entries = [
      { seq: 1, atMs: at('2026-03-02T09:00:00+07:00'), hash: hash(1) },
      { seq: 2, atMs: at('2026-03-02T23:59:59+07:00'), hash: hash(2) },
      { seq: 3, atMs: at('2026-03-04T00:00:00+07:00'), hash: hash(3) },
      { seq: 4, atMs: at('2026-03-05T08:00:00+07:00'), hash: hash(4) },
    ];
    expect(closedDays(entries, null, '2026-03-05', 'Asia/Bangkok')).toEqual([
      { day: '2026-03-02', seq: 2, count: 2, headHash: hash(2) },
      { day: '2026-03-04', seq: 3, count: 1, headHash: hash(3) },
    ]);
  });

  it('puts an entry whose clock was stepped back into the day it was made in, never into a signed day', () => {
    const entries = [
      // After the checkpoint of 2 March, stamped 2 March by a clock stepped back.
      { seq: 5, atMs: at('2026-03-02T23:00:00+07:00'), hash: hash(5) },
      { seq: 6, atMs: at('2026-03-03T10:00:00+07:00'), hash: hash(6) },
      // Stamped Tuesday again after a Tuesday entry: still Tuesday.
      { seq: 7, atMs: at('2026-03-03T09:00:00+07:00'), hash: hash(7) },
      { seq: 8, atMs: at('2026-03-04T09:00:00+07:00'), hash: hash(8) },
      // Stamped Tuesday after a Wednesday entry: Wednesday's.
      { seq: 9, atMs: at('2026-03-03T22:00:00+07:00'), hash: hash(9) },
    ];
    expect(
      closedDays(entries, { day: '2026-03-02', seq: 4 }, '2026-03-05', 'Asia/Bangkok'),
    ).toEqual([
      { day: '2026-03-03', seq: 7, count: 3, headHash: hash(7) },
      { day: '2026-03-04', seq: 9, count: 2, headHash: hash(9) },
    ]);
  });

  it('keeps the series checkable when the office PC clock is stepped back across midnight', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    const khiu: RunningKhiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
      clock,
      log: () => {},
    });
    cleanups.push(() => khiu.close());
    const { office } = khiu;
    const kiosk = { kind: 'station', station: 'kiosk-1' } as const;
    office.tickets.issue(1, null, kiosk);
    clock.set(at('2026-03-03T08:00:00+07:00'));
    office.tickets.issue(1, null, kiosk);
    // Someone sets the clock back to Monday night; Tuesday's office keeps working.
    clock.set(at('2026-03-02T23:30:00+07:00'));
    office.tickets.issue(1, null, kiosk);
    clock.set(at('2026-03-04T08:00:00+07:00'));
    office.tickets.issue(1, null, kiosk);

    const published = office.checkpoints!.published();
    expect(published.checkpoints.map((c) => c.day)).toEqual(['2026-03-02', '2026-03-03']);
    const key = createPublicKey(published.publicKey);
    const hashAt = khiu.db.prepare('SELECT hash FROM ledger WHERE seq = ?').pluck();
    const length = office.ctx.store.ledger.head().seq;
    expect(
      checkCheckpoints(
        published.checkpoints,
        { length, hashAt: (seq) => hashAt.get(seq) as string },
        (c) =>
          verify(null, Buffer.from(checkpointMessage(c)), key, Buffer.from(c.signature, 'base64')),
      ),
    ).toEqual({ ok: true, checked: 2, lastDay: '2026-03-03' });
  });
});
