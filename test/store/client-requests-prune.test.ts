import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import {
  CLIENT_REQUEST_REPLAY_WINDOW_MS,
  pruneClientRequests,
  startClientRequestPruning,
} from '../../server/store/client-requests-prune.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openDatabase } from '../../server/store/database.ts';

const at = (local: string): number => Date.parse(`${local}+07:00`);
const HOUR_MS = 3_600_000;

describe('stored answers to retried requests past their replay window', () => {
  let s: TestServer;
  let clock: ManualClock;
  let serviceId: number;
  beforeEach(async () => {
    clock = new ManualClock(at('2026-11-30T09:00:00'));
    s = await startTestServer({ clock });
    serviceId = ((await s.anon.get('/api/services')).body as { id: number }[])[0]!.id;
  });
  afterEach(async () => {
    await s.close();
  });

  const issue = (clientRequestId: string) =>
    s.anon.post('/api/tickets', { serviceId, clientRequestId });
  const storedKeys = (): string[] =>
    (
      s.khiu.db.prepare('SELECT key FROM client_requests ORDER BY key').all() as { key: string }[]
    ).map((row) => row.key);

  it('deletes the answers older than the window and keeps the younger ones', async () => {
    await issue('monday-tap');
    clock.advance(CLIENT_REQUEST_REPLAY_WINDOW_MS + HOUR_MS);
    await issue('tuesday-tap');
    expect(pruneClientRequests(s.khiu.db, clock.now())).toBe(1);
    expect(storedKeys()).toEqual(['issue:tuesday-tap']);
  });

  it('still answers a retry inside the window with the first answer', async () => {
    const first = await issue('tap-1');
    clock.advance(CLIENT_REQUEST_REPLAY_WINDOW_MS - HOUR_MS);
    pruneClientRequests(s.khiu.db, clock.now());
    const retried = await issue('tap-1');
    expect(retried.status).toBe(201);
    expect(retried.body.ticket.id).toBe(first.body.ticket.id);
  });

  it('answers a request id seen before the window as a new request', async () => {
    const first = await issue('tap-1');
    clock.advance(CLIENT_REQUEST_REPLAY_WINDOW_MS + HOUR_MS);
    pruneClientRequests(s.khiu.db, clock.now());
    const again = await issue('tap-1');
    expect(again.status).toBe(201);
    expect(again.body.ticket.id).not.toBe(first.body.ticket.id);
  });

  it('keeps the ledger verification green, for the rows pruned and the rows that stay', async () => {
    for (const id of ['a', 'b', 'c']) await issue(`early-${id}`);
    clock.advance(CLIENT_REQUEST_REPLAY_WINDOW_MS + HOUR_MS);
    for (const id of ['a', 'b']) await issue(`late-${id}`);
    expect(pruneClientRequests(s.khiu.db, clock.now())).toBe(3);
    // The same id as a pruned request, answered anew: its new row is checked like any other.
    await issue('early-a');
    expect(storedKeys()).toEqual(['issue:early-a', 'issue:late-a', 'issue:late-b']);
    expect(s.khiu.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });
  });

  it('prunes as soon as pruning starts', async () => {
    await issue('old-tap');
    clock.advance(CLIENT_REQUEST_REPLAY_WINDOW_MS + HOUR_MS);
    const lines: string[] = [];
    const pruning = startClientRequestPruning(s.khiu.db, () => clock.now(), {
      log: (line) => lines.push(line),
    });
    pruning.stop();
    expect(storedKeys()).toEqual([]);
    expect(lines).toEqual([]);
  });

  it('logs a prune that fails once, not once per try, and keeps trying', async () => {
    const { dir, cleanup } = makeTempDir();
    const db = openDatabase(join(dir, 'khiu.db'));
    db.close();
    const lines: string[] = [];
    const pruning = startClientRequestPruning(db, () => clock.now(), {
      everyMs: 5,
      log: (line) => lines.push(line),
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    pruning.stop();
    cleanup();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^client requests: cannot delete answers past their replay window/);
  });
});
