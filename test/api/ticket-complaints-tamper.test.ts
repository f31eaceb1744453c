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
 * A complaint is evidence against the office's own staff (project 17): whoever would soften one,
 * mark it resolved, or make it disappear with the sqlite3 shell must be named by `verify`.
 */
describe('complaints against the sqlite3 shell', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  /** Two complaints, the first taken up by the admin; returns the data dir and their ids. */
  async function officeWithComplaints(): Promise<{ dir: string; file: string; ids: number[] }> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      log: () => {},
    });
    const ids: number[] = [];
    try {
      const citizen = new ApiClient(khiu.url);
      const ticketId = (await citizen.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
      for (const kind of ['bribe_request', 'rude']) {
        const made = await citizen.post(`/api/tickets/${ticketId}/complaint`, {
          kind,
          text: 'เจ้าหน้าที่ขอเงินค่าดำเนินการ',
        });
        expect(made.status).toBe(201);
      }
      const manager = new ApiClient(khiu.url);
      expect((await manager.signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
      const listed = (await manager.get('/api/complaints')).body as { id: number }[];
      ids.push(...listed.map((c) => c.id).sort((a, b) => a - b));
      const taken = await manager.request('PATCH', `/api/complaints/${ids[0]}`, {
        status: 'investigating',
      });
      expect(taken.status).toBe(200);
    } finally {
      await khiu.close();
    }
    const file = join(temp.dir, 'khiu.db');
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
    return { dir: temp.dir, file, ids };
  }

  it('names a complaint whose words were softened, and the verify command exits 1', async () => {
    const { dir, file, ids } = await officeWithComplaints();
    const id = ids[0]!;
    sqliteShell(
      file,
      `DROP TRIGGER complaints_identity_is_fixed;
       UPDATE complaints SET kind = 'other', text = 'บริการดี' WHERE id = ${id};`,
    );
    const seq = lastLedgerEntry(file, 'complaint', id);
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      brokenAt: seq,
      problem: `complaint ${id} differs from its state recorded at entry ${seq}`,
    });
    const verified = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verified.code).toBe(1);
    expect(verified.stderr).toContain(
      `complaint ${id} differs from its state recorded at entry ${seq}`,
    );
  });

  it('names a complaint marked resolved behind the ledger', async () => {
    const { file, ids } = await officeWithComplaints();
    const id = ids[1]!;
    sqliteShell(
      file,
      `UPDATE complaints SET status = 'resolved', outcome = 'ไม่พบมูล', resolved_ms = received_ms,
         updated_by = 'admin' WHERE id = ${id};`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      problem: `complaint ${id} differs from its state recorded at entry ${lastLedgerEntry(file, 'complaint', id)}`,
    });
  });

  it('names a complaint added by hand and one deleted by hand', async () => {
    const { file, ids } = await officeWithComplaints();
    sqliteShell(
      file,
      `INSERT INTO complaints (id, reference, year, year_seq, ticket_id, kind, text, day,
         received_ms, status)
       SELECT 99, 'ร-2600-0099', 2600, 99, ticket_id, 'other', NULL, day, received_ms, 'received'
       FROM complaints WHERE id = ${ids[0]};`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      problem: 'complaint 99 is in the database but not in the ledger',
    });
    sqliteShell(
      file,
      `DROP TRIGGER complaints_are_never_deleted;
       DELETE FROM complaints WHERE id IN (99, ${ids[0]});`,
    );
    expect(verifyLedgerFile(file)).toMatchObject({
      ok: false,
      brokenAt: lastLedgerEntry(file, 'complaint', ids[0]!),
      problem: `complaint ${ids[0]} was deleted from the database`,
    });
  });

  it('refuses a complaint edited or deleted through SQL while its triggers stand', async () => {
    const { file, ids } = await officeWithComplaints();
    expect(() =>
      sqliteShell(file, `UPDATE complaints SET text = 'บริการดี' WHERE id = ${ids[0]};`),
    ).toThrow(/never edited/);
    expect(() => sqliteShell(file, `DELETE FROM complaints WHERE id = ${ids[0]};`)).toThrow(
      /never deleted/,
    );
    expect(verifyLedgerFile(file)).toMatchObject({ ok: true });
  });
});
