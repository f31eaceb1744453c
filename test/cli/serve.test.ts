import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { exited, runKhiuToEnd, startServerProcess } from '../helpers/server-process.ts';
import type { ServeProcess } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { LOAD_TEST_SERVE_ARGS } from '../helpers/load-rate.ts';

describe('khiu serve', () => {
  const cleanups = new CleanupStack();
  let server: ServeProcess | undefined;
  afterEach(async () => {
    // The process is killed before its data directory goes, whatever the test pushed.
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await exited(server.child);
    }
    server = undefined;
    await cleanups.run();
  });

  it('prints exactly one line when ready, on a free port, and stops on SIGTERM', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    server = await startServerProcess(temp.dir, { KHIU_ADMIN_PASSWORD: 'x-password' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(server.stdoutLines.filter((l) => l.length > 0)).toEqual([
      `khiu listening on ${server.url}`,
    ]);
  });

  it('keeps every acknowledged ticket through a SIGKILL mid-stream, gap-free, with the ledger intact', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    // Twelve kiosks on one address, as fast as the server answers.
    server = await startServerProcess(
      temp.dir,
      { KHIU_ADMIN_PASSWORD: 'x-password' },
      LOAD_TEST_SERVE_ARGS,
    );
    const url = server.url;
    const acknowledged = new Map<string, string>();
    let stop = false;
    const deadline = Date.now() + 10_000;
    const kiosk = async (serviceId: number) => {
      while (!stop && Date.now() < deadline) {
        try {
          const res = await fetch(`${url}/api/tickets`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ serviceId }),
          });
          if (res.status === 201) {
            const { ticket } = (await res.json()) as { ticket: { id: string; number: string } };
            acknowledged.set(ticket.id, ticket.number);
          }
        } catch {
          return; // the server died under us: this request was never acknowledged
        }
      }
    };
    const streams = Array.from({ length: 12 }, (_, i) => kiosk((i % 6) + 1));
    while (acknowledged.size < 300 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    server.child.kill('SIGKILL');
    await exited(server.child);
    stop = true;
    await Promise.all(streams);
    expect(acknowledged.size).toBeGreaterThanOrEqual(300);

    const db = new Database(join(temp.dir, 'khiu.db'), { readonly: true });
    const rows = db.prepare('SELECT id, number, service_id, day FROM tickets').all() as {
      id: string;
      number: string;
      service_id: number;
      day: string;
    }[];
    db.close();
    const stored = new Map(rows.map((r) => [r.id, r.number]));
    for (const [id, number] of acknowledged) expect(stored.get(id)).toBe(number);
    const byService = new Map<string, number[]>();
    for (const r of rows) {
      const key = `${r.day}/${r.service_id}`;
      byService.set(key, [...(byService.get(key) ?? []), Number(r.number.replace(/^\D+/, ''))]);
    }
    for (const numbers of byService.values()) {
      expect(numbers.sort((a, b) => a - b)).toEqual(numbers.map((_, i) => i + 1));
    }

    const verify = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ ok: true });

    server = await startServerProcess(temp.dir);
    const after = await fetch(`${server.url}/api/tickets/${[...acknowledged.keys()][0]}`);
    expect(after.status).toBe(200);
  });
});

describe('khiu verify, backup and seed-demo', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('seeds weeks of realistic history that verifies, and backs it up online', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const seeded = await runKhiuToEnd([
      'seed-demo',
      '--data',
      temp.dir,
      '--weeks',
      '1',
      '--per-day',
      '60',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    const summary = JSON.parse(seeded.stdout);
    expect(summary).toMatchObject({ days: 5, tickets: 300 });
    expect(summary.done).toBeGreaterThan(150);
    expect(summary.ratings).toBeGreaterThan(50);
    expect(summary.noShows).toBeGreaterThan(0);

    const db = new Database(join(temp.dir, 'khiu.db'), { readonly: true });
    const byHour = db
      .prepare(
        "SELECT strftime('%H', issued_ms / 1000, 'unixepoch', '+7 hours') AS h, count(*) AS n FROM tickets WHERE transferred_from IS NULL GROUP BY h",
      )
      .all() as { h: string; n: number }[];
    db.close();
    const morning = byHour.filter((r) => r.h >= '08' && r.h < '11').reduce((a, r) => a + r.n, 0);
    expect(morning / 300).toBeGreaterThan(0.5);

    const verify = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(verify.code, verify.stderr).toBe(0);

    const out = join(temp.dir, 'backup.db');
    const backup = await runKhiuToEnd(['backup', '--data', temp.dir, '--out', out]);
    expect(backup.code, backup.stderr).toBe(0);
    const copy = new Database(out, { readonly: true });
    expect(
      (copy.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n,
    ).toBeGreaterThanOrEqual(300);
    copy.close();
  });

  it('exits non-zero and names the broken entry when the ledger was edited', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    await runKhiuToEnd(['seed-demo', '--data', temp.dir, '--weeks', '1', '--per-day', '10']);
    const db = new Database(join(temp.dir, 'khiu.db'));
    db.exec(
      "DROP TRIGGER ledger_is_append_only_update; UPDATE ledger SET data = replace(data, '\"score\":5', '\"score\":1') WHERE type = 'rating.given'",
    );
    db.close();
    const verify = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(verify.code).toBe(1);
    expect(verify.stderr).toMatch(/ledger BROKEN at entry \d+/);
  });

  it('rejects unknown commands and options with usage', async () => {
    expect((await runKhiuToEnd(['frobnicate'])).code).toBe(2);
    const bad = await runKhiuToEnd(['verify', '--dta', '/tmp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown option --dta/);
  });
});
