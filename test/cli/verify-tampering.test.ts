import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startKhiu } from '../../server/app.ts';
import { listMigrations, runMigrations } from '../../server/store/migrate.ts';
import { verifyLedger } from '../../server/store/ledger-verification.ts';
import { ADMIN_PASSWORD, ApiClient } from '../helpers/khiu-server.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { runKhiuToEnd } from '../helpers/server-process.ts';
import { serveToRefusal } from '../helpers/refused-start.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');
const numberFrom = (output: string): number => Number(output.trim());

/*
 * `khiu verify` against a person with the database file and the sqlite3 shell. Each test makes
 * an office's morning through the real server (tickets from a kiosk and a counter that retry
 * with clientRequestIds, two citizens served and rated last), stops it, edits the database as
 * a person would, and runs `verify` as its own process: exit 1, naming the first broken place.
 */
describe('khiu verify, against the sqlite3 shell', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  async function officeWithHistory(): Promise<{ dir: string; file: string }> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
      log: () => {},
    });
    try {
      const kiosk = new ApiClient(khiu.url);
      for (let i = 1; i <= 3; i += 1) {
        const issued = await kiosk.post('/api/tickets', {
          serviceId: 1,
          clientRequestId: `kiosk-1-000${i}`,
        });
        expect(issued.status).toBe(201);
      }
      const clerk = new ApiClient(khiu.url);
      expect((await clerk.signIn('admin', ADMIN_PASSWORD, 1)).status).toBe(200);
      const served: string[] = [];
      for (let i = 1; i <= 2; i += 1) {
        const called = await clerk.post('/api/counters/1/call-next', {
          clientRequestId: `counter-1-000${i}`,
        });
        const id = called.body.ticket.id as string;
        await clerk.post(`/api/tickets/${id}/start`);
        expect((await clerk.post(`/api/tickets/${id}/finish`)).status).toBe(200);
        served.push(id);
      }
      // The ratings are the ledger's last entries.
      const citizen = new ApiClient(khiu.url);
      for (const [i, id] of served.entries())
        expect((await citizen.post(`/api/tickets/${id}/rating`, { score: 5 - i })).status).toBe(
          201,
        );
    } finally {
      await khiu.close();
    }
    // Untouched, it verifies: what breaks it below is the edit.
    const file = join(temp.dir, 'khiu.db');
    const db = new Database(file, { readonly: true });
    try {
      expect(verifyLedger(db)).toMatchObject({ ok: true });
    } finally {
      db.close();
    }
    return { dir: temp.dir, file };
  }

  async function verifyBroken(dir: string): Promise<string> {
    const verified = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verified.code, verified.stdout).toBe(1);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: false });
    return verified.stderr.trim();
  }

  it('names the cut when the last entries are deleted with their ratings, and serve refuses to start', async () => {
    const { dir, file } = await officeWithHistory();
    const last = numberFrom(sqliteShell(file, 'SELECT max(seq) FROM ledger'));
    const firstRating = numberFrom(
      sqliteShell(file, "SELECT min(seq) FROM ledger WHERE type = 'rating.given'"),
    );
    sqliteShell(
      file,
      `DROP TRIGGER ledger_is_append_only_delete; DROP TRIGGER ratings_are_final_delete;
       DELETE FROM ratings; DELETE FROM ledger WHERE seq >= ${firstRating};`,
    );
    const kept = firstRating - 1;
    expect(await verifyBroken(dir)).toBe(
      `ledger BROKEN at entry ${kept + 1}: the ledger ends at entry ${kept} but ledger.head records entry ${last}: its last entries were deleted`,
    );

    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      expect.stringMatching(
        new RegExp(
          `^khiu: the ledger ends at entry ${kept} but ledger\\.head records entry ${last}: .*run khiu verify`,
        ),
      ),
    ]);
  });

  it('refuses an entry with a duplicate key, which JSON.parse and json_extract read differently', async () => {
    const { dir, file } = await officeWithHistory();
    const seq = numberFrom(
      sqliteShell(file, "SELECT seq FROM ledger WHERE type = 'rating.given' ORDER BY seq LIMIT 1"),
    );
    sqliteShell(
      file,
      `DROP TRIGGER ledger_is_append_only_update;
       UPDATE ledger SET data = replace(data, '"score":5', '"score":1,"score":5') WHERE seq = ${seq};`,
    );
    // SQL (and anything reading the ledger with it) now sees a 1; JavaScript still a 5.
    expect(
      sqliteShell(
        file,
        `SELECT json_extract(data, '$.details.score') FROM ledger WHERE seq = ${seq}`,
      ),
    ).toBe('1\n');
    const data = sqliteShell(file, `SELECT data FROM ledger WHERE seq = ${seq}`);
    expect(JSON.parse(data).details.score).toBe(5);
    expect(await verifyBroken(dir)).toMatch(
      new RegExp(
        `^ledger BROKEN at entry ${seq}: entry ${seq} \\(rating\\.given\\) is not canonical JSON`,
      ),
    );
  });

  it('refuses whitespace added to an entry', async () => {
    const { dir, file } = await officeWithHistory();
    sqliteShell(
      file,
      `DROP TRIGGER ledger_is_append_only_update;
       UPDATE ledger SET data = replace(data, ',"details":', ', "details": ') WHERE seq = 7;`,
    );
    expect(await verifyBroken(dir)).toMatch(
      /^ledger BROKEN at entry 7: entry 7 \([a-z._]+\) is not canonical JSON \(it differs from its canonical form at character \d+/,
    );
  });

  it('names a waiting count edited by hand', async () => {
    const { dir, file } = await officeWithHistory();
    // A003 still waits: the kiosk would now tell the next citizen nobody is ahead.
    sqliteShell(file, 'UPDATE waiting_counts SET waiting = 0');
    expect(await verifyBroken(dir)).toMatch(
      /^ledger BROKEN: waiting_counts says 0 waiting in the normal lane of service 1 on \d{4}-\d\d-\d\d, but the tickets say 1$/,
    );
  });

  it('names a ticket number sequence edited by hand', async () => {
    const { dir, file } = await officeWithHistory();
    // The next ticket would be A001 again.
    sqliteShell(file, 'UPDATE ticket_sequences SET last = 0');
    expect(await verifyBroken(dir)).toMatch(
      /^ledger BROKEN: ticket_sequences says the last normal number of service 1 on \d{4}-\d\d-\d\d is 0, but the tickets say 3$/,
    );
  });

  it('names a stored answer to a retried request that was edited, or copied over another', async () => {
    const { dir, file } = await officeWithHistory();
    const copy = makeTempDir();
    cleanups.push(copy.cleanup);
    copyFileSync(file, join(copy.dir, 'khiu.db'));

    // A retrying kiosk would show its citizen another number than the one printed.
    sqliteShell(
      file,
      `UPDATE client_requests SET response = replace(response, '"number":"A001"', '"number":"A007"')
       WHERE key = 'issue:kiosk-1-0001'`,
    );
    expect(await verifyBroken(dir)).toBe(
      'ledger BROKEN: client request issue:kiosk-1-0001 answers ticket A007 as no ticket.issued entry of the ledger recorded it',
    );

    sqliteShell(
      join(copy.dir, 'khiu.db'),
      `UPDATE client_requests SET response = (SELECT response FROM client_requests
       WHERE key = 'issue:kiosk-1-0002') WHERE key = 'issue:kiosk-1-0001'`,
    );
    expect(await verifyBroken(copy.dir)).toMatch(
      /^ledger BROKEN: client request issue:kiosk-1-000\d answers ticket A002 as client request issue:kiosk-1-000\d does/,
    );
  });

  it('fails a copy whose index page was overwritten (dd), naming integrity_check’s first line', async () => {
    const { file } = await officeWithHistory();
    const copy = makeTempDir();
    cleanups.push(copy.cleanup);
    const damaged = join(copy.dir, 'khiu.db');
    copyFileSync(file, damaged);
    const pageSize = numberFrom(sqliteShell(damaged, 'PRAGMA page_size'));
    const root = numberFrom(
      sqliteShell(damaged, "SELECT rootpage FROM sqlite_master WHERE name = 'tickets_day_service'"),
    );
    execFileSync('dd', [
      'if=/dev/urandom',
      `of=${damaged}`,
      `bs=${pageSize}`,
      `seek=${root - 1}`,
      'count=1',
      'conv=notrunc',
      'status=none',
    ]);
    // SQLite's first line names the page ("Tree 31 page 31: btreeInitPage() returns error
    // code 11"; the sqlite3 shell's older SQLite words it "Page 31: ...").
    expect(await verifyBroken(copy.dir)).toMatch(
      new RegExp(`^ledger BROKEN: integrity_check failed: (Tree \\d+ )?[Pp]age ${root}\\b[^\\n]*$`),
    );
  });

  it('refuses an empty or foreign khiu.db without writing to it', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'khiu.db');
    writeFileSync(file, '');
    const empty = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(
      `khiu: ${file} is empty (0 bytes): not a Khiu database; move it away or restore a backup\n`,
    );
    expect(readFileSync(file).length).toBe(0);

    writeFileSync(file, '');
    sqliteShell(file, "CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');");
    const before = sha256(file);
    const foreign = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(foreign.code).toBe(1);
    expect(foreign.stderr).toMatch(new RegExp(`^khiu: ${file} is not a Khiu database \\(`));
    expect(sha256(file)).toBe(before);
  });

  it('verifies an older database as it is, never migrating or writing it', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'khiu.db');
    // Made by a Khiu from before migration 004: opening it the way serve does would migrate it.
    const older = new Database(file);
    older.pragma('journal_mode = WAL');
    runMigrations(
      older,
      listMigrations().filter((m) => m.version <= 3),
    );
    older.close();
    const before = sha256(file);

    const verified = await runKhiuToEnd(['verify', '--data', temp.dir]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, length: 0 });
    expect(sha256(file)).toBe(before);
    expect(sqliteShell(file, 'SELECT max(version) FROM schema_migrations')).toBe('3\n');
  });
});
