import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../scripts/build-server.mjs';
import { spawnServe, type ServeProcess } from '../../server/cli/serve-process.ts';
import { SERVER_HEAP_FLAGS } from '../../server/cli/node-flags.ts';
import { PACKAGE_ROOT } from '../../server/package-layout.ts';
import { ApiClient } from '../helpers/khiu-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { exited } from '../helpers/server-process.ts';

const PASSWORD = 'compiled-server-password';
/** Plain node: no loader from the environment either. */
const PLAIN_ENV = { NODE_OPTIONS: '' };

/*
 * `npm start` and `npm run khiu` run dist/server/cli/main.js with plain node. This builds the
 * server into a directory of its own (inside the repository, so node_modules is found from it)
 * and runs what it wrote without tsx: any module, data file or worker the build missed fails.
 */
describe('the compiled server', () => {
  let outDir: string;
  let cli: string;
  beforeAll(async () => {
    outDir = mkdtempSync(join(PACKAGE_ROOT, 'test-output', 'compiled-'));
    await buildServer({ outDir });
    cli = join(outDir, 'server', 'cli', 'main.js');
  }, 60_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  const runToEnd = async (args: string[]) => {
    const child = spawn(process.execPath, [...SERVER_HEAP_FLAGS, cli, ...args], {
      cwd: PACKAGE_ROOT,
      env: { ...process.env, ...PLAIN_ENV },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk) => (stdout += chunk));
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    return { code: await exited(child), stdout, stderr };
  };

  it('writes JavaScript only, with the migrations and printer profiles beside their modules', () => {
    expect(existsSync(cli)).toBe(true);
    expect(existsSync(join(outDir, 'server', 'store', 'migrations', '001_initial.sql'))).toBe(true);
    expect(existsSync(join(outDir, 'hardware', 'printer', 'profiles', 'epson-tm-t82.json'))).toBe(
      true,
    );
    expect(existsSync(join(outDir, 'server', 'store', 'ledger-verification.js'))).toBe(true);
  });

  it('builds again only when a source is newer than the last build', async () => {
    expect(await buildServer({ outDir, ifStale: true })).toBe(false);
  });

  it('serves with plain node: health, a ticket, the chain check of its worker, an XLSX report, and verify', async () => {
    const temp = makeTempDir();
    let server: ServeProcess | undefined;
    try {
      server = await spawnServe({
        dataDir: temp.dir,
        runtime: 'compiled',
        compiledCli: cli,
        env: { ...PLAIN_ENV, KHIU_ADMIN_PASSWORD: PASSWORD },
        onStderr: () => {},
      });
      const client = new ApiClient(server.url);
      expect((await client.get('/api/health')).body).toEqual({ ok: true });
      const services = (await client.get('/api/services')).body as { id: number }[];
      const issued = await client.post('/api/tickets', { serviceId: services[0]!.id });
      expect(issued.status).toBe(201);
      expect(issued.body.ticket.number).toMatch(/^[A-Z]\d{3}$/);
      // The public page's chain check runs the compiled verifier on a worker thread.
      const transparency = await client.get('/api/transparency');
      expect(transparency.status).toBe(200);
      expect(transparency.body.ledger).toMatchObject({ verified: true });
      // exceljs loads at its first use in the compiled server (scripts/build-server.mjs).
      const manager = new ApiClient(server.url);
      expect((await manager.signIn('admin', PASSWORD)).status).toBe(200);
      const xlsx = await fetch(`${server.url}/api/reports/weekly.xlsx?start=2026-11-23`, {
        headers: { cookie: manager.cookie! },
      });
      expect(xlsx.status).toBe(200);
      expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 4)).toEqual(
        Buffer.from('PK\u0003\u0004', 'latin1'),
      );
      // verify beside the running server, from the same build.
      const verified = await runToEnd(['verify', '--data', temp.dir]);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    } finally {
      await server?.stop();
      temp.cleanup();
    }
  });

  it('seeds a demo office with plain node, and verify finds its ledger whole', async () => {
    const temp = makeTempDir();
    try {
      const seeded = await runToEnd([
        'seed-demo',
        '--data',
        temp.dir,
        '--weeks',
        '1',
        '--per-day',
        '20',
      ]);
      expect(seeded.code, seeded.stderr).toBe(0);
      const verified = await runToEnd(['verify', '--data', temp.dir]);
      expect(verified.code, verified.stderr).toBe(0);
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
    } finally {
      temp.cleanup();
    }
  });
});
