import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { runKhiuToEnd, startServerProcess, exited } from '../helpers/server-process.ts';
import { runToRefusal, serveToRefusal } from '../helpers/refused-start.ts';

const sqlite3 = (file: string, sql: string): string =>
  execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });
const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** A torn write or a failing sector: one page of zeros where the index of numbers was. */
function zeroIndexPage(file: string): number {
  const pageSize = Number(sqlite3(file, 'PRAGMA page_size'));
  const page = Number(
    sqlite3(file, "SELECT rootpage FROM sqlite_schema WHERE name = 'tickets_number_per_day'"),
  );
  expect(page).toBeGreaterThan(1);
  execFileSync('dd', [
    'if=/dev/zero',
    `of=${file}`,
    `bs=${pageSize}`,
    `seek=${page - 1}`,
    'count=1',
    'conv=notrunc',
    'status=none',
  ]);
  return page;
}

const quickCheckRefusal = (file: string, page: number): RegExp =>
  new RegExp(
    `^khiu: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} fails SQLite's quick_check: .*\\bpage ${page}\\b.*; restore a backup \\(npm run khiu -- backup\\)$`,
  );

describe('a khiu.db that is not a Khiu database', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  function dataDir(): string {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    return temp.dir;
  }

  it('is refused when it is empty (0 bytes), instead of becoming a new office', async () => {
    const dir = dataDir();
    const file = join(dir, 'khiu.db');
    writeFileSync(file, '');
    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      `khiu: ${file} is empty (0 bytes): not a Khiu database; move it away or restore a backup`,
    ]);
    expect(statSync(file).size).toBe(0);
    // Nothing else was set up beside it, and the lock is gone.
    expect(readdirSync(dir)).toEqual(['khiu.db']);
  });

  it('is refused when it is another program’s SQLite database, which keeps its own tables only', async () => {
    const dir = dataDir();
    const file = join(dir, 'khiu.db');
    sqlite3(file, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('not the office');");
    const before = sha256(file);
    for (const args of [
      ['serve', '--port', '0', '--data', dir],
      ['seed-demo', '--data', dir, '--weeks', '1', '--per-day', '5'],
      ['backup', '--data', dir, '--out', join(dir, 'copy.db')],
    ]) {
      const run = await runToRefusal(args, cleanups);
      expect(run.code, args[0]).toBe(1);
      expect(run.stderrLines, args[0]).toEqual([
        `khiu: ${file} is not a Khiu database (an SQLite database without Khiu's schema_migrations and ledger tables); move it away or restore a backup`,
      ]);
    }
    expect(sha256(file)).toBe(before);
    expect(sqlite3(file, "SELECT name FROM sqlite_schema WHERE type = 'table'").trim()).toBe(
      'notes',
    );
    expect(existsSync(join(dir, 'copy.db'))).toBe(false);
  });

  it('is refused when it is not SQLite at all', async () => {
    const dir = dataDir();
    const file = join(dir, 'khiu.db');
    writeFileSync(file, 'office notes, saved under the wrong name\n'.repeat(200));
    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      `khiu: ${file} is not a Khiu database (file is not a database); move it away or restore a backup`,
    ]);
  });

  it('is refused at start when an index page was overwritten (dd), instead of failing every issue with 500', async () => {
    const dir = dataDir();
    const file = join(dir, 'khiu.db');
    const seeded = await runKhiuToEnd([
      'seed-demo',
      '--data',
      dir,
      '--weeks',
      '1',
      '--per-day',
      '40',
    ]);
    expect(seeded.code, seeded.stderr).toBe(0);
    // seed-demo closed the only connection: the WAL is checkpointed into khiu.db and gone.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const page = zeroIndexPage(file);

    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.stdout).toBe('');
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toHaveLength(1);
    expect(serve.stderrLines[0]).toMatch(quickCheckRefusal(file, page));
  });

  it('is refused at start when a page was overwritten after the server closed it cleanly', async () => {
    const dir = dataDir();
    const file = join(dir, 'khiu.db');
    const server = await startServerProcess(dir, { KHIU_ADMIN_PASSWORD: 'ground-test-password' });
    const issued = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    expect(issued.status).toBe(201);
    await server.stop();
    expect(await exited(server.child)).toBe(0);
    // The clean close was recorded: an untouched file would start without the page check.
    expect(existsSync(`${file}.closed`)).toBe(true);
    const page = zeroIndexPage(file);

    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toHaveLength(1);
    expect(serve.stderrLines[0]).toMatch(quickCheckRefusal(file, page));
    expect(existsSync(`${file}.closed`)).toBe(false);
  });

  it('is not needed for a new data directory, which is still set up as a new office', async () => {
    const dir = join(dataDir(), 'new-office');
    const server = await startServerProcess(dir, { KHIU_ADMIN_PASSWORD: 'ground-test-password' });
    cleanups.push(async () => {
      await server.stop();
      await exited(server.child);
    });
    const issued = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    expect(issued.status).toBe(201);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['khiu.db', 'khiu.lock']));
  });
});
