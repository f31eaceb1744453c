import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { startKhiu } from '../../server/app.ts';
import { ADMIN_PASSWORD, ApiClient } from '../helpers/khiu-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { runKhiuToEnd } from '../helpers/server-process.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';
import { lastLedgerEntry, verifyLedgerFile } from '../helpers/ledger-file.ts';

/*
 * A timed step is evidence against the posted standard (project 26): a clerk who shortens a
 * slow step with the sqlite3 shell must be named by `verify`, like a ticket moved in line.
 */
describe('timed steps against the sqlite3 shell', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  /** A morning with one citizen served in three timed steps; returns the data dir and its ticket. */
  async function officeWithSteps(): Promise<{ dir: string; file: string; ticketId: string }> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      log: () => {},
    });
    let ticketId: string;
    try {
      ticketId = (await new ApiClient(khiu.url).post('/api/tickets', { serviceId: 1 })).body.ticket
        .id;
      const clerk = new ApiClient(khiu.url);
      expect((await clerk.signIn('admin', ADMIN_PASSWORD, 1)).status).toBe(200);
      expect((await clerk.post('/api/counters/1/call-next')).body.ticket.id).toBe(ticketId);
      await clerk.post(`/api/tickets/${ticketId}/start`);
      for (const order of [1, 2, 3]) {
        expect((await clerk.post(`/api/tickets/${ticketId}/steps/${order}/start`)).status).toBe(
          200,
        );
        expect((await clerk.post(`/api/tickets/${ticketId}/steps/${order}/finish`)).status).toBe(
          200,
        );
      }
      expect((await clerk.post(`/api/tickets/${ticketId}/finish`)).status).toBe(200);
    } finally {
      await khiu.close();
    }
    const file = join(temp.dir, 'khiu.db');
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
    return { dir: temp.dir, file, ticketId };
  }

  it('names a step whose finish was moved earlier, and the verify command exits 1', async () => {
    const { dir, file, ticketId } = await officeWithSteps();
    const id = `${ticketId}:2`;
    sqliteShell(
      file,
      `DROP TRIGGER ticket_steps_finish_once;
       UPDATE ticket_steps SET finished_ms = started_ms + 60000 WHERE id = '${id}';`,
    );
    const seq = lastLedgerEntry(file, 'step', id);
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      brokenAt: seq,
      problem: `step ${id} differs from its state recorded at entry ${seq}`,
    });
    const verified = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(`step ${id} differs from its state recorded at entry ${seq}`);
  });

  it('names a step row added by hand and one deleted by hand', async () => {
    const { file, ticketId } = await officeWithSteps();
    sqliteShell(
      file,
      `INSERT INTO ticket_steps (id, ticket_id, step_order, standard_minutes, counter_id, staff,
         started_ms, finished_ms)
       SELECT ticket_id || ':9', ticket_id, 9, 5, counter_id, staff, started_ms, finished_ms
       FROM ticket_steps WHERE id = '${ticketId}:1';`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      problem: `step ${ticketId}:9 is in the database but not in the ledger`,
    });
    sqliteShell(
      file,
      `DROP TRIGGER ticket_steps_are_never_deleted;
       DELETE FROM ticket_steps WHERE id IN ('${ticketId}:9', '${ticketId}:3');`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      brokenAt: lastLedgerEntry(file, 'step', `${ticketId}:3`),
      problem: `step ${ticketId}:3 was deleted from the database`,
    });
  });

  it('refuses a step edited through SQL while its triggers stand', async () => {
    const { file, ticketId } = await officeWithSteps();
    expect(() =>
      sqliteShell(
        file,
        `UPDATE ticket_steps SET started_ms = started_ms + 1 WHERE id = '${ticketId}:1';`,
      ),
    ).toThrow(/never edited/);
    expect(() => sqliteShell(file, `DELETE FROM ticket_steps WHERE id = '${ticketId}:1';`)).toThrow(
      /never deleted/,
    );
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
  });
});
