import { afterEach, describe, expect, it } from 'vitest';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { startCheckpointer, type Checkpointer } from '../../server/store/checkpointer.ts';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

describe('WAL checkpoints', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
    s = undefined;
  });

  /** Tickets at a steady pace until `until` holds: the writing that wakes the worker. */
  async function issueSteadilyUntil(server: TestServer, until: () => boolean): Promise<number> {
    let issued = 0;
    const deadline = Date.now() + 10_000;
    while (!until()) {
      if (Date.now() > deadline) throw new Error(`still waiting after ${issued} tickets`);
      for (let i = 0; i < 20; i += 1, issued += 1)
        server.khiu.office.tickets.issue((issued % 6) + 1, null, {
          kind: 'station',
          station: 'kiosk-1',
        });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return issued;
  }

  it('are left to the writer on a quiet server, which keeps no worker', async () => {
    s = await startTestServer({ checkpointDemand: { pollMs: 50, busyPolls: 4, idleMs: 400 } });
    // A few tickets now and then are not steady writing.
    for (let i = 0; i < 5; i += 1) {
      s.khiu.office.tickets.issue(1, null, { kind: 'station', station: 'kiosk-1' });
      await new Promise((resolve) => setTimeout(resolve, 120));
    }
    expect(s.khiu.checkpointer.running).toBe(false);
    expect(s.khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('are done by the worker thread under steady writing, not by the commits that serve requests', async () => {
    s = await startTestServer({ checkpointDemand: { pollMs: 50, busyPolls: 4, idleMs: 60_000 } });
    const server = s;
    const file = join(s.dir, 'khiu.db');
    const before = statSync(file).size;
    await issueSteadilyUntil(server, () => server.khiu.checkpointer.running);
    // The server's own connection checkpoints only past 20,000 pages now.
    expect(s.khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
    await expect
      .poll(() => statSync(file).size, { timeout: 5000, interval: 100 })
      .toBeGreaterThan(before);
  });

  it('stop the worker once the writing stops, and give the writer its own threshold back', async () => {
    s = await startTestServer({ checkpointDemand: { pollMs: 50, busyPolls: 4, idleMs: 300 } });
    const server = s;
    await issueSteadilyUntil(server, () => server.khiu.checkpointer.running);
    await expect
      .poll(() => server.khiu.checkpointer.running, { timeout: 5000, interval: 50 })
      .toBe(false);
    expect(s.khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    // And it comes back with the next steady writing.
    await issueSteadilyUntil(server, () => server.khiu.checkpointer.running);
    expect(s.khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
  });

  it('refuses to leave a worker behind when the port is taken', async () => {
    s = await startTestServer();
    const port = Number(new URL(s.url).port);
    await expect(
      startKhiu({
        dataDir: join(s.dir, 'second'),
        port,
        host: '127.0.0.1',
        adminPassword: 'x-12345678',
        log: () => {},
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('a checkpointer whose database goes away', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('reports a worker that cannot open its database in one line, retries quietly, and still stops', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const lines: string[] = [];
    const states: boolean[] = [];
    const checkpointer: Checkpointer = startCheckpointer(join(temp.dir, 'missing', 'khiu.db'), {
      retryMs: 20,
      log: (line) => lines.push(line),
      onRunning: (running) => states.push(running),
    });
    cleanups.push(() => checkpointer.stop());
    await expect.poll(() => lines.length, { timeout: 5000 }).toBe(1);
    expect(lines[0]).toMatch(/checkpointer stopped \(.*\); the writer checkpoints by itself/);
    // Several retries (20, 40, 80 ms ...) fail the same way without a line each.
    await new Promise((r) => setTimeout(r, 300));
    expect(lines).toHaveLength(1);
    expect(checkpointer.running).toBe(false);
    expect(states).toEqual([]);
    await checkpointer.stop();
  });

  it('never creates a database where none was', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const lines: string[] = [];
    const checkpointer = startCheckpointer(join(temp.dir, 'khiu.db'), {
      log: (line) => lines.push(line),
    });
    cleanups.push(() => checkpointer.stop());
    await expect.poll(() => lines.length, { timeout: 5000 }).toBe(1);
    expect(() => statSync(join(temp.dir, 'khiu.db'))).toThrow(/ENOENT/);
  });

  it('keeps the server answering when its data directory is removed, and hands checkpoints back to the writer', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const lines: string[] = [];
    const khiu: RunningKhiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: 'x-12345678',
      log: (line) => lines.push(line),
      checkpointDemand: { pollMs: 50, busyPolls: 2, idleMs: 60_000 },
    });
    cleanups.push(() => khiu.close());
    const deadline = Date.now() + 10_000;
    while (!khiu.checkpointer.running && Date.now() < deadline) {
      khiu.office.tickets.issue(1, null, { kind: 'station', station: 'kiosk-1' });
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(khiu.checkpointer.running).toBe(true);
    expect(khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);

    rmSync(temp.dir, { recursive: true, force: true });
    await expect
      .poll(() => lines.find((l) => l.startsWith('checkpointer stopped')), { timeout: 5000 })
      .toMatch(/the database file is gone/);
    expect(khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    expect(await (await fetch(`${khiu.url}/api/health`)).json()).toEqual({ ok: true });
    const issued = await fetch(`${khiu.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    expect(issued.status).toBe(201);
  });

  it('comes back after an outage and gives the writer its high threshold again', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const lines: string[] = [];
    const states: boolean[] = [];
    const file = join(temp.dir, 'khiu.db');
    const checkpointer = startCheckpointer(file, {
      retryMs: 20,
      log: (line) => lines.push(line),
      onRunning: (running) => states.push(running),
    });
    cleanups.push(() => checkpointer.stop());
    await expect.poll(() => lines.length, { timeout: 5000 }).toBe(1);
    const { openDatabase } = await import('../../server/store/database.ts');
    const db = openDatabase(file);
    cleanups.push(() => db.close());
    await expect.poll(() => checkpointer.running, { timeout: 5000 }).toBe(true);
    expect(states).toEqual([true]);
  });
});
