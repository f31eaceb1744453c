import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { exited, runKhiuToEnd } from '../helpers/server-process.ts';
import { spawnServe } from '../../server/cli/serve-process.ts';
import { mountTmpfs } from '../helpers/tmpfs.ts';
import { LOAD_TEST_SERVE_ARGS } from '../helpers/load-rate.ts';

interface Issued {
  status: number;
  body: { ticket?: { id: string; number: string }; error?: { code: string; message: string } };
}

async function issue(url: string, serviceId: number): Promise<Issued> {
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  return { status: res.status, body: (await res.json()) as Issued['body'] };
}

describe('a full disk', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('answers 507 storage_full, stores nothing half-written, and recovers when space returns', async () => {
    const { dir: mount } = mountTmpfs('8m', cleanups);
    const dir = join(mount, 'office');
    const stderr: string[] = [];
    const server = await spawnServe({
      dataDir: dir,
      env: { KHIU_ADMIN_PASSWORD: 'ground-test-password' },
      args: LOAD_TEST_SERVE_ARGS,
      onStderr: (text) => stderr.push(text),
    });
    // Stopped before the tmpfs is unmounted, even if the test fails.
    cleanups.push(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await exited(server.child);
      }
    });
    const acknowledged = new Map<string, string>();
    const keep = (issued: Issued) => {
      if (issued.status === 201)
        acknowledged.set(issued.body.ticket!.id, issued.body.ticket!.number);
    };
    for (let i = 0; i < 5; i += 1) keep(await issue(server.url, 1));
    expect(acknowledged.size).toBe(5);

    // Fill every byte that is left; dd stops at "No space left on device".
    const fill = join(mount, 'fill');
    const dd = spawnSync('dd', ['if=/dev/zero', `of=${fill}`, 'bs=64k', 'status=none'], {
      encoding: 'utf8',
    });
    expect(dd.stderr).toMatch(/No space left on device/);

    // A commit that fits in WAL space already allocated still succeeds; the first that needs
    // a new block is refused.
    let refused: Issued | undefined;
    for (let i = 0; i < 2000 && !refused; i += 1) {
      const issued = await issue(server.url, 1);
      if (issued.status === 201) keep(issued);
      else refused = issued;
    }
    expect(refused).toEqual({
      status: 507,
      body: {
        error: {
          code: 'storage_full',
          message:
            "the office server's disk is full, so nothing was saved; free disk space on the server and try again",
        },
      },
    });
    // Refused again while full, and the checkpointer and the ledger head writer (a write every
    // second at most) meet the full disk meanwhile without taking the server down.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect((await issue(server.url, 1)).status).toBe(507);
    expect(server.child.exitCode).toBeNull();
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    rmSync(fill);
    const after = await issue(server.url, 1);
    expect(after.status).toBe(201);
    keep(after);
    // The number after the refused ones: they took no number with them.
    expect(after.body.ticket!.number).toBe(`A${String(acknowledged.size).padStart(3, '0')}`);

    await server.stop();
    expect(server.child.exitCode).toBe(0);
    const db = new Database(join(dir, 'khiu.db'), { readonly: true });
    const stored = new Map(
      (db.prepare('SELECT id, number FROM tickets').all() as { id: string; number: string }[]).map(
        (row) => [row.id, row.number],
      ),
    );
    db.close();
    // Every acknowledged ticket, and nothing else: no ticket of a refused request.
    expect(stored).toEqual(acknowledged);
    const verify = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verify.code, verify.stderr).toBe(0);
    expect(stderr.join('')).toMatch(
      /^disk full on POST \/api\/tickets: database or disk is full$/m,
    );
  });
});
