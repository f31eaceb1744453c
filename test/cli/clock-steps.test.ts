import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { spawnServe, type ServeProcess } from '../../server/cli/serve-process.ts';
import { ApiClient } from '../helpers/khiu-server.ts';
import type { ClockStep } from '../../server/core/clock-step.ts';
import { ClockOffsetFile } from '../helpers/clock-offset-file.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

const PASSWORD = 'clock-steps-admin-password';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (local: string): number => Date.parse(`${local}+07:00`);

interface SteppedServer {
  server: ServeProcess;
  clock: ClockOffsetFile;
  admin: ApiClient;
  dataDir: string;
  stderrLines: () => string[];
}

/*
 * Office PCs without NTP step their clocks while the server runs. `khiu serve` runs as a real
 * process whose Date.now a preload shifts by an offset the test rewrites (test/helpers/
 * step-date-now.mjs); its performance.now() runs on, which is how the server sees the step.
 */
describe('khiu serve while the PC’s clock is stepped', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  async function serveAt(localTime: string): Promise<SteppedServer> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const clock = new ClockOffsetFile(temp.dir);
    clock.readNow(at(localTime));
    const dataDir = join(temp.dir, 'data');
    mkdirSync(dataDir);
    let stderr = '';
    const server = await spawnServe({
      dataDir,
      env: { KHIU_ADMIN_PASSWORD: PASSWORD, ...clock.env() },
      onStderr: (text) => (stderr += text),
    });
    cleanups.push(() => server.stop());
    const admin = new ApiClient(server.url);
    const signIn = await admin.signIn('admin', PASSWORD, 1);
    if (signIn.status !== 200)
      throw new Error(`sign-in failed: ${JSON.stringify(signIn.body)}\n${stderr}`);
    return { server, clock, admin, dataDir, stderrLines: () => stderr.split('\n') };
  }

  const issueA = async (admin: ApiClient): Promise<{ id: string; number: string }> => {
    const res = await admin.post('/api/tickets', { serviceId: 1 });
    expect(res.status).toBe(201);
    return res.body.ticket;
  };

  const callNext = async (admin: ApiClient, counterId: number): Promise<string> => {
    const res = await admin.post(`/api/counters/${counterId}/call-next`);
    expect(res.status).toBe(200);
    return res.body.ticket.number;
  };

  const serve = async (admin: ApiClient, counterId: number): Promise<string> => {
    const res = await admin.post(`/api/counters/${counterId}/call-next`);
    expect(res.status).toBe(200);
    const { id, number } = res.body.ticket;
    expect((await admin.post(`/api/tickets/${id}/start`)).status).toBe(200);
    expect((await admin.post(`/api/tickets/${id}/finish`)).status).toBe(200);
    return number;
  };

  /** The ledger's clock.stepped entries (read beside the running server) and its day closes. */
  const ledgerOf = (dataDir: string) => {
    const db = new Database(join(dataDir, 'khiu.db'), { readonly: true });
    try {
      const steps = (
        db.prepare("SELECT data FROM ledger WHERE type = 'clock.stepped' ORDER BY seq").all() as {
          data: string;
        }[]
      ).map((row) => JSON.parse(row.data).details as ClockStep);
      const dayClosed = (
        db.prepare("SELECT count(*) AS n FROM ledger WHERE data LIKE '%day_closed%'").get() as {
          n: number;
        }
      ).n;
      return { steps, dayClosed };
    } finally {
      db.close();
    }
  };

  const nearly = (ms: number) => expect.closeTo(ms, -4); // within 5 s of the step

  it('calls nobody before an earlier ticket when the clock steps back 30 minutes', async () => {
    const { clock, admin, dataDir, stderrLines } = await serveAt('2026-11-25T10:00:00');
    await issueA(admin);
    await issueA(admin);
    clock.step(-30 * MINUTE);
    await issueA(admin);

    expect([await serve(admin, 1), await serve(admin, 1), await serve(admin, 1)]).toEqual([
      'A001',
      'A002',
      'A003',
    ]);
    const { steps } = ledgerOf(dataDir);
    expect(steps).toEqual([
      { fromMs: expect.any(Number), toMs: expect.any(Number), differenceMs: nearly(-30 * MINUTE) },
    ]);
    expect(steps[0]!.toMs - steps[0]!.fromMs).toBe(steps[0]!.differenceMs);
    expect(stderrLines().filter((line) => line.startsWith('clock stepped'))).toEqual([
      expect.stringMatching(
        /^clock stepped back 30 min \d+ s \(from 2026-11-25T10:00:\d\d\.\d{3}\+07:00 to 2026-11-25T09:30:/,
      ),
    ]);
    expect((await admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
  });

  it('keeps the numbers, the morning’s queue and the tickets being served when the clock steps back across midnight and is corrected', async () => {
    const { clock, admin, dataDir } = await serveAt('2026-11-25T10:00:00');
    const morning = [await issueA(admin), await issueA(admin), await issueA(admin)];
    expect(await callNext(admin, 1)).toBe('A001');
    expect((await admin.post(`/api/tickets/${morning[0]!.id}/start`)).status).toBe(200);

    // 23:30 the evening before.
    clock.step(-(10 * HOUR + 30 * MINUTE));
    const evening = await issueA(admin);
    expect(evening.number).toBe('A004');
    expect(await callNext(admin, 4)).toBe('A002');
    expect((await admin.post(`/api/tickets/${morning[1]!.id}/start`)).status).toBe(200);
    const queue = (await admin.get('/api/queue')).body;
    expect(queue.services.find((s: { code: string }) => s.code === 'A').waiting).toBe(2);

    // Someone sets the clock right again.
    clock.step(10 * HOUR + 30 * MINUTE);
    const later = await issueA(admin);
    expect(later.number).toBe('A005');
    const status = async (id: string) => (await admin.get(`/api/tickets/${id}`)).body.ticket.status;
    expect(
      await Promise.all([...morning, evening, later].map((ticket) => status(ticket.id))),
    ).toEqual(['serving', 'serving', 'waiting', 'waiting', 'waiting']);
    expect((await admin.post(`/api/tickets/${morning[0]!.id}/finish`)).status).toBe(200);
    expect([await serve(admin, 1), await serve(admin, 1), await serve(admin, 1)]).toEqual([
      'A003',
      'A004',
      'A005',
    ]);

    const { steps, dayClosed } = ledgerOf(dataDir);
    expect(dayClosed).toBe(0);
    expect(steps.map((step) => step.differenceMs)).toEqual([
      nearly(-(10 * HOUR + 30 * MINUTE)),
      nearly(10 * HOUR + 30 * MINUTE),
    ]);
    expect((await admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
  });
});
