import { afterEach, describe, expect, it } from 'vitest';
import { createPublicKey, generateKeyPairSync, verify } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { ManualClock } from '../../server/core/clock.ts';
import type { LedgerCheckpoints } from '../../server/contract/contract.ts';
import { ADMIN_PASSWORD, ApiClient } from '../helpers/khiu-server.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { serveToRefusal } from '../helpers/refused-start.ts';

const at = (iso: string): number => Date.parse(iso);
/** Local midnight in Bangkok, the default office's time zone. */
const midnight = (day: string): number => at(`${day}T00:00:00+07:00`);

/** What a citizen does with the published JSON alone: rebuild the bytes and check them. */
function signedByPublishedKey(published: LedgerCheckpoints): boolean[] {
  const key = createPublicKey(published.publicKey);
  return published.checkpoints.map((c) =>
    verify(
      null,
      Buffer.from(`khiu-checkpoint:v1:${c.day}:${c.seq}:${c.count}:${c.headHash}`, 'utf8'),
      key,
      Buffer.from(c.signature, 'base64'),
    ),
  );
}

/** The ledger's entries of one Bangkok day, read from the file: the last one and how many. */
function headOfDay(dir: string, day: string): { seq: number; count: number; headHash: string } {
  const db = new Database(join(dir, 'khiu.db'), { readonly: true });
  try {
    const row = db
      .prepare(
        `SELECT max(seq) AS seq, count(*) AS count FROM ledger WHERE at_ms >= ? AND at_ms < ?`,
      )
      .get(midnight(day), midnight(day) + 86_400_000) as { seq: number; count: number };
    const hash = db.prepare('SELECT hash FROM ledger WHERE seq = ?').pluck().get(row.seq) as string;
    return { seq: row.seq, count: row.count, headHash: hash };
  } finally {
    db.close();
  }
}

describe('signed daily ledger checkpoints', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  function dataDir(): string {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    return temp.dir;
  }

  async function start(dir: string, clock: ManualClock): Promise<RunningKhiu> {
    const khiu = await startKhiu({
      dataDir: dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
      clock,
      log: () => {},
    });
    cleanups.push(() => khiu.close());
    return khiu;
  }

  async function issue(khiu: RunningKhiu, count: number): Promise<void> {
    const kiosk = new ApiClient(khiu.url);
    for (let i = 0; i < count; i += 1)
      expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
  }

  const published = async (khiu: RunningKhiu): Promise<LedgerCheckpoints> => {
    const res = await new ApiClient(khiu.url).get<LedgerCheckpoints>('/api/ledger/checkpoints');
    expect(res.status).toBe(200);
    return res.body;
  };

  it('signs the closed day at the day close, checkable from the published JSON alone', async () => {
    const dir = dataDir();
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    const khiu = await start(dir, clock);
    await issue(khiu, 3);
    const firstDay = await published(khiu);
    expect(firstDay.checkpoints).toEqual([]);
    expect(firstDay.publicKey).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/,
    );

    // The next morning's first ticket turns the office day: 2 March is closed and signed.
    clock.set(at('2026-03-03T08:30:00+07:00'));
    await issue(khiu, 1);
    const next = await published(khiu);
    expect(next.publicKey).toBe(firstDay.publicKey);
    expect(next.checkpoints).toEqual([
      { day: '2026-03-02', ...headOfDay(dir, '2026-03-02'), signature: expect.any(String) },
    ]);
    expect(next.checkpoints[0]!.count).toBe(next.checkpoints[0]!.seq);
    expect(signedByPublishedKey(next)).toEqual([true]);

    // The key: Ed25519, PKCS#8 PEM, readable by the server's account only.
    const keyFile = join(dir, 'checkpoint.key');
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('signs a midnight no command crosses when the server next looks, and each day once', async () => {
    const dir = dataDir();
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    const khiu = await start(dir, clock);
    await issue(khiu, 2);
    clock.set(at('2026-03-03T00:05:00+07:00'));
    const signed = khiu.office.checkpoints!.signClosedDays();
    expect(signed.map((c) => c.day)).toEqual(['2026-03-02']);
    expect(khiu.office.checkpoints!.signClosedDays()).toEqual([]);
    // The day close that follows finds the day already signed.
    await issue(khiu, 1);
    expect((await published(khiu)).checkpoints.map((c) => c.day)).toEqual(['2026-03-02']);
  });

  it('checkpoints the days closed while the server was down at the next start, once', async () => {
    const dir = dataDir();
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    let khiu = await start(dir, clock);
    await issue(khiu, 2);
    clock.set(at('2026-03-03T09:00:00+07:00'));
    await issue(khiu, 4);
    await khiu.close();

    // Down from Tuesday evening to Friday morning: Tuesday is closed and nothing happened since.
    clock.set(at('2026-03-06T08:00:00+07:00'));
    khiu = await start(dir, clock);
    const afterRestart = await published(khiu);
    expect(afterRestart.checkpoints).toEqual([
      { day: '2026-03-02', ...headOfDay(dir, '2026-03-02'), signature: expect.any(String) },
      { day: '2026-03-03', ...headOfDay(dir, '2026-03-03'), signature: expect.any(String) },
    ]);
    const [monday, tuesday] = afterRestart.checkpoints;
    // The days follow one another: Tuesday's entries are those after Monday's last.
    expect(tuesday!.seq - tuesday!.count).toBe(monday!.seq);
    expect(signedByPublishedKey(afterRestart)).toEqual([true, true]);

    // The day close of Tuesday's waiting tickets is Friday's entry, not Tuesday's.
    await khiu.close();
    khiu = await start(dir, clock);
    expect(await published(khiu)).toEqual(afterRestart);
  });

  it('refuses to start in one line when the key is gone or replaced, rather than making a new one', async () => {
    const dir = dataDir();
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    const khiu = await start(dir, clock);
    await issue(khiu, 1);
    clock.set(at('2026-03-03T09:00:00+07:00'));
    await issue(khiu, 1);
    await khiu.close();
    const keyFile = join(dir, 'checkpoint.key');
    const original = readFileSync(keyFile, 'utf8');

    rmSync(keyFile);
    const missing = await serveToRefusal(dir, cleanups);
    expect(missing.code).toBe(1);
    expect(missing.stderrLines).toEqual([
      expect.stringMatching(
        /^khiu: .*checkpoint\.key is missing but the database holds 1 signed checkpoints \(the last of 2026-03-02\); restore checkpoint\.key/,
      ),
    ]);

    const { privateKey } = generateKeyPairSync('ed25519');
    writeFileSync(keyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const replaced = await serveToRefusal(dir, cleanups);
    expect(replaced.code).toBe(1);
    expect(replaced.stderrLines).toEqual([
      expect.stringMatching(
        /^khiu: .*checkpoint\.key is not the key that signed the database's checkpoints/,
      ),
    ]);

    writeFileSync(keyFile, 'not a key\n', { mode: 0o600 });
    const garbled = await serveToRefusal(dir, cleanups);
    expect(garbled.stderrLines).toEqual([
      expect.stringMatching(/^khiu: .*checkpoint\.key is not an Ed25519 private key/),
    ]);

    // The office's own key, put back, is accepted again.
    writeFileSync(keyFile, original, { mode: 0o600 });
    const restored = await start(dir, clock);
    expect((await published(restored)).checkpoints.map((c) => c.day)).toEqual(['2026-03-02']);
  });

  it('begins a new series under a new key only when asked to, keeping the old checkpoints', async () => {
    const dir = dataDir();
    const clock = new ManualClock(at('2026-03-02T09:00:00+07:00'));
    let khiu = await start(dir, clock);
    await issue(khiu, 1);
    clock.set(at('2026-03-03T09:00:00+07:00'));
    await issue(khiu, 1);
    const oldSeries = await published(khiu);
    await khiu.close();
    rmSync(join(dir, 'checkpoint.key'));

    process.env.KHIU_NEW_CHECKPOINT_KEY = '1';
    try {
      khiu = await start(dir, clock);
    } finally {
      delete process.env.KHIU_NEW_CHECKPOINT_KEY;
    }
    const fresh = await published(khiu);
    expect(fresh.publicKey).not.toBe(oldSeries.publicKey);
    expect(fresh.checkpoints).toEqual([]);
    clock.set(at('2026-03-04T09:00:00+07:00'));
    await issue(khiu, 1);
    const next = await published(khiu);
    expect(next.checkpoints.map((c) => c.day)).toEqual(['2026-03-03']);
    expect(signedByPublishedKey(next)).toEqual([true]);
    // Tuesday follows Monday, which the old key signed.
    expect(next.checkpoints[0]!.seq - next.checkpoints[0]!.count).toBe(
      oldSeries.checkpoints[0]!.seq,
    );
  });
});
