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
 * The survey figures go to the executives and the public (project 16): a clerk who lifts a
 * low score with the sqlite3 shell, or adds surveys nobody answered, must be named by `verify`,
 * as a rating would be.
 */
describe('surveys against the sqlite3 shell', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  /** One citizen served and surveyed, one served and not; the data dir, database and tickets. */
  async function officeWithSurvey(): Promise<{
    dir: string;
    file: string;
    ticketId: string;
    unsurveyedId: string;
  }> {
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
    let unsurveyedId: string;
    try {
      const citizen = new ApiClient(khiu.url);
      ticketId = (await citizen.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
      const clerk = new ApiClient(khiu.url);
      expect((await clerk.signIn('admin', ADMIN_PASSWORD, 1)).status).toBe(200);
      expect((await clerk.post('/api/counters/1/call-next')).body.ticket.id).toBe(ticketId);
      await clerk.post(`/api/tickets/${ticketId}/start`);
      expect((await clerk.post(`/api/tickets/${ticketId}/finish`)).status).toBe(200);
      const answered = await citizen.post(`/api/tickets/${ticketId}/survey`, {
        process: 2,
        channels: 3,
        staff: 1,
        facilities: 2,
        overall: 1,
        comment: 'รอนานมาก',
      });
      expect(answered.status).toBe(201);
      unsurveyedId = (await citizen.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
      await clerk.post('/api/counters/1/call-next');
      await clerk.post(`/api/tickets/${unsurveyedId}/start`);
      expect((await clerk.post(`/api/tickets/${unsurveyedId}/finish`)).status).toBe(200);
    } finally {
      await khiu.close();
    }
    const file = join(temp.dir, 'khiu.db');
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
    return { dir: temp.dir, file, ticketId, unsurveyedId };
  }

  it('names a survey whose scores were raised, and the verify command exits 1', async () => {
    const { dir, file, ticketId } = await officeWithSurvey();
    sqliteShell(
      file,
      `DROP TRIGGER surveys_are_final_update;
       UPDATE surveys SET staff_score = 5, overall_score = 5 WHERE ticket_id = '${ticketId}';`,
    );
    const seq = lastLedgerEntry(file, 'survey', ticketId);
    const problem = `survey ${ticketId} differs from its state recorded at entry ${seq}`;
    expect(verifyLedgerFile(file)).toMatchObject({ ok: false, brokenAt: seq, problem });
    const verified = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(problem);
  });

  it('names a comment rewritten by hand', async () => {
    const { file, ticketId } = await officeWithSurvey();
    sqliteShell(
      file,
      `DROP TRIGGER surveys_are_final_update;
       UPDATE surveys SET comment = 'บริการดีมาก' WHERE ticket_id = '${ticketId}';`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      problem: `survey ${ticketId} differs from its state recorded at entry ${lastLedgerEntry(file, 'survey', ticketId)}`,
    });
  });

  it('names a survey added by hand and one deleted by hand', async () => {
    const { file, ticketId, unsurveyedId } = await officeWithSurvey();
    sqliteShell(
      file,
      `INSERT INTO surveys SELECT '${unsurveyedId}', 5, 5, 5, 5, 5, NULL, submitted_ms
       FROM surveys WHERE ticket_id = '${ticketId}';`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      problem: `survey ${unsurveyedId} is in the database but not in the ledger`,
    });
    sqliteShell(file, `DROP TRIGGER surveys_are_final_delete; DELETE FROM surveys;`);
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      brokenAt: lastLedgerEntry(file, 'survey', ticketId),
      problem: `survey ${ticketId} was deleted from the database`,
    });
  });

  it('refuses a survey edited or deleted through SQL while its triggers stand', async () => {
    const { file, ticketId } = await officeWithSurvey();
    expect(() =>
      sqliteShell(file, `UPDATE surveys SET overall_score = 5 WHERE ticket_id = '${ticketId}';`),
    ).toThrow(/never edited/);
    expect(() => sqliteShell(file, `DELETE FROM surveys WHERE ticket_id = '${ticketId}';`)).toThrow(
      /never deleted/,
    );
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
  });
});
