import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { readLedgerHead, type LedgerHead } from '../../server/store/ledger-head.ts';
import { ADMIN_PASSWORD, ApiClient } from '../helpers/khiu-server.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/*
 * ledger.head remembers how far the ledger reached, so deleting its last entries is noticed.
 * The server writes it off the request path, at most a second behind the last commit.
 */
describe('ledger.head beside the database', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  async function serve(): Promise<{ khiu: RunningKhiu; dir: string; log: string[] }> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const log: string[] = [];
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
      log: (line) => log.push(line),
    });
    cleanups.push(() => khiu.close());
    return { khiu, dir: temp.dir, log };
  }

  const headOf = (khiu: RunningKhiu): LedgerHead => khiu.office.ctx.store.ledger.head();
  const fileHead = (dir: string): LedgerHead | null => readLedgerHead(join(dir, 'ledger.head'));

  async function untilFileHolds(dir: string, head: LedgerHead, withinMs: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < withinMs) {
      const held = fileHead(dir);
      if (held?.seq === head.seq && held.hash === head.hash) return performance.now() - started;
      await sleep(10);
    }
    throw new Error(`ledger.head did not reach entry ${head.seq} within ${withinMs} ms`);
  }

  it('holds the ledger’s last seq and hash within a second of a commit', async () => {
    const { khiu, dir } = await serve();
    const kiosk = new ApiClient(khiu.url);
    for (let i = 0; i < 3; i += 1) {
      expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      expect(await untilFileHolds(dir, headOf(khiu), 1000)).toBeLessThan(1000);
    }
  });

  it('logs a head it cannot write, keeps serving, and writes it once it can', async () => {
    const { khiu, dir, log } = await serve();
    const kiosk = new ApiClient(khiu.url);
    await untilFileHolds(dir, headOf(khiu), 1000);
    // Something in the way of the rename, as a full disk is in the way of the write.
    const file = join(dir, 'ledger.head');
    rmSync(file);
    mkdirSync(file);
    writeFileSync(join(file, 'in-the-way'), '');
    for (let i = 0; i < 3; i += 1) {
      expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
      await sleep(300);
    }
    expect(log.filter((line) => line.startsWith('ledger.head: cannot write'))).toHaveLength(1);

    rmSync(file, { recursive: true });
    await untilFileHolds(dir, headOf(khiu), 1000);
    // The line follows the directory's sync, which comes after the rename the file shows.
    for (let waited = 0; waited < 1000 && !/written again/.test(log.at(-1) ?? ''); waited += 10)
      await sleep(10);
    expect(log.at(-1)).toMatch(/^ledger\.head: written again \(entry \d+\)$/);
  });

  it('keeps the recorded head as evidence when entries are deleted while the server runs', async () => {
    const { khiu, dir, log } = await serve();
    const kiosk = new ApiClient(khiu.url);
    for (let i = 0; i < 3; i += 1) await kiosk.post('/api/tickets', { serviceId: 1 });
    const reached = headOf(khiu);
    await untilFileHolds(dir, reached, 1000);
    sqliteShell(
      join(dir, 'khiu.db'),
      `DROP TRIGGER ledger_is_append_only_delete; DELETE FROM ledger WHERE seq = ${reached.seq}`,
    );
    // The server writes a new entry where the deleted one was; the file does not follow it.
    expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
    await sleep(600);
    expect(fileHead(dir)).toEqual(reached);
    expect(log).toContainEqual(
      expect.stringMatching(/^ledger\.head: the ledger no longer holds entry \d+ as recorded/),
    );
    const admin = new ApiClient(khiu.url);
    await admin.signIn('admin', ADMIN_PASSWORD);
    expect((await admin.get('/api/ledger/verify')).body).toMatchObject({
      ok: false,
      brokenAt: reached.seq,
      problem: expect.stringMatching(
        new RegExp(`^entry ${reached.seq} of the ledger is not the one ledger\\.head records`),
      ),
    });
  });

  it('is not started on when it cannot be read', async () => {
    const { khiu, dir } = await serve();
    await khiu.close();
    writeFileSync(join(dir, 'ledger.head'), 'not a head');
    await expect(
      startKhiu({ dataDir: dir, port: 0, host: '127.0.0.1', log: () => {} }),
    ).rejects.toThrow(/ledger\.head does not hold a ledger head/);
  });
});
