import { afterEach, describe, expect, it } from 'vitest';
import { createHash, generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startKhiu } from '../../server/app.ts';
import { ManualClock } from '../../server/core/clock.ts';
import type { LedgerCheckpoints } from '../../server/contract/contract.ts';
import { ADMIN_PASSWORD, ApiClient } from '../helpers/khiu-server.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { runKhiuToEnd } from '../helpers/server-process.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';

const at = (iso: string): number => Date.parse(iso);
const DAYS = ['2026-03-02', '2026-03-03', '2026-03-04'] as const;

interface Entry {
  seq: number;
  at_ms: number;
  type: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/**
 * The chain's rule as ledger-chain.ts documents it, written out again: sha256 of the previous
 * hash followed by the canonical JSON of {atMs, data, entity, entityId, seq, type}, keys in
 * that (sorted) order, `data` exactly as stored.
 */
const chainHash = (prevHash: string, e: Entry): string =>
  createHash('sha256')
    .update(
      prevHash +
        `{"atMs":${JSON.stringify(e.at_ms)},"data":${e.data},"entity":${JSON.stringify(e.entity)},` +
        `"entityId":${JSON.stringify(e.entity_id)},"seq":${JSON.stringify(e.seq)},"type":${JSON.stringify(e.type)}}`,
    )
    .digest('hex');

const sqlText = (text: string): string => `'${text.replace(/'/g, "''")}'`;

/*
 * `khiu verify --checkpoints FILE` against someone with the data directory and the sqlite3
 * shell who rewrites history and recomputes every hash (and ledger.head): the plain check
 * passes, the checkpoints saved outside the office do not.
 */
describe('khiu verify --checkpoints', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  /** Three office days through the real server; the first two are closed and signed. */
  async function officeWithSavedCheckpoints(): Promise<{
    dir: string;
    file: string;
    saved: string;
    published: LedgerCheckpoints;
  }> {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const clock = new ManualClock(at(`${DAYS[0]}T08:30:00+07:00`));
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
      clock,
      log: () => {},
    });
    let published: LedgerCheckpoints;
    try {
      const kiosk = new ApiClient(khiu.url);
      const clerk = new ApiClient(khiu.url);
      for (const day of DAYS) {
        clock.set(at(`${day}T09:00:00+07:00`));
        for (let i = 0; i < 3; i += 1)
          expect((await kiosk.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
        expect((await clerk.signIn('admin', ADMIN_PASSWORD, 1)).status).toBe(200);
        clock.set(at(`${day}T09:10:00+07:00`));
        const called = await clerk.post('/api/counters/1/call-next');
        const id = called.body.ticket.id as string;
        expect((await clerk.post(`/api/tickets/${id}/start`)).status).toBe(200);
        clock.set(at(`${day}T09:20:00+07:00`));
        expect((await clerk.post(`/api/tickets/${id}/finish`)).status).toBe(200);
      }
      const res = await new ApiClient(khiu.url).get<LedgerCheckpoints>('/api/ledger/checkpoints');
      expect(res.status).toBe(200);
      published = res.body;
    } finally {
      await khiu.close();
    }
    expect(published.checkpoints.map((c) => c.day)).toEqual([DAYS[0], DAYS[1]]);
    // Saved outside the office, as a citizen or an auditor would.
    const saved = join(makeTempDirFor(cleanups), 'checkpoints.json');
    writeFileSync(saved, JSON.stringify(published, null, 2));
    return { dir: temp.dir, file: join(temp.dir, 'khiu.db'), saved, published };
  }

  it('passes an untouched office and names how far the checkpoints reach', async () => {
    const { dir, saved } = await officeWithSavedCheckpoints();
    const verified = await runKhiuToEnd(['verify', '--data', dir, '--checkpoints', saved]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({
      ok: true,
      checkpoints: { ok: true, checked: 2, lastDay: DAYS[1] },
    });
    expect(verified.stderr).toContain(`checkpoints hold: 2 days, through ${DAYS[1]}`);
  });

  it('fails a history rewritten with every hash recomputed, naming the first day that differs, which plain verify passes', async () => {
    const { dir, file, saved, published } = await officeWithSavedCheckpoints();
    // Rewrite who called on the second day: the actor is in the entry, not in any table row.
    const entries = (() => {
      const db = new Database(file, { readonly: true });
      try {
        return db.prepare('SELECT * FROM ledger ORDER BY seq').all() as Entry[];
      } finally {
        db.close();
      }
    })();
    const secondDay = published.checkpoints[1]!;
    const target = entries.find(
      (e) => e.type === 'ticket.called' && e.seq > published.checkpoints[0]!.seq,
    )!;
    expect(target.seq).toBeLessThanOrEqual(secondDay.seq);
    expect(target.data).toContain('"username":"admin"');
    target.data = target.data.replace('"username":"admin"', '"username":"somchai"');
    let prevHash = entries[target.seq - 2]!.hash;
    const updates: string[] = [];
    for (const entry of entries.slice(target.seq - 1)) {
      entry.prev_hash = prevHash;
      entry.hash = chainHash(prevHash, entry);
      prevHash = entry.hash;
      updates.push(
        `UPDATE ledger SET data = ${sqlText(entry.data)}, prev_hash = '${entry.prev_hash}', hash = '${entry.hash}' WHERE seq = ${entry.seq};`,
      );
    }
    sqliteShell(
      file,
      `DROP TRIGGER ledger_is_append_only_update; BEGIN; ${updates.join('\n')} COMMIT;`,
    );
    const last = entries[entries.length - 1]!;
    writeFileSync(
      join(dir, 'ledger.head'),
      `${JSON.stringify({ seq: last.seq, hash: last.hash })}\n`,
    );

    // That is the point: the chain alone holds together again.
    const plain = await runKhiuToEnd(['verify', '--data', dir]);
    expect(plain.code, plain.stderr).toBe(0);
    expect(JSON.parse(plain.stdout)).toMatchObject({ ok: true, headHash: last.hash });

    const checked = await runKhiuToEnd(['verify', '--data', dir, '--checkpoints', saved]);
    expect(checked.code).toBe(1);
    expect(JSON.parse(checked.stdout)).toMatchObject({
      ok: true,
      checkpoints: { ok: false, day: DAYS[1] },
    });
    expect(checked.stderr.trim().split('\n').at(-1)).toBe(
      `checkpoints BROKEN on ${DAYS[1]}: entry ${secondDay.seq}, the last of ${DAYS[1]}, is not the one signed on that day (hash ${secondDay.headHash.slice(0, 12)}…): the history was rewritten`,
    );
  });

  it('fails a tampered signature and a different public key', async () => {
    const { dir, saved, published } = await officeWithSavedCheckpoints();
    const signature = Buffer.from(published.checkpoints[1]!.signature, 'base64');
    signature[0]! ^= 0x01;
    const tampered = structuredClone(published);
    tampered.checkpoints[1]!.signature = signature.toString('base64');
    writeFileSync(saved, JSON.stringify(tampered));
    const badSignature = await runKhiuToEnd(['verify', '--data', dir, '--checkpoints', saved]);
    expect(badSignature.code).toBe(1);
    expect(badSignature.stderr).toContain(
      `checkpoints BROKEN on ${DAYS[1]}: the checkpoint of ${DAYS[1]} is not signed by the published key`,
    );

    const other = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' });
    writeFileSync(saved, JSON.stringify({ ...published, publicKey: other }));
    const otherKey = await runKhiuToEnd(['verify', '--data', dir, '--checkpoints', saved]);
    expect(otherKey.code).toBe(1);
    expect(otherKey.stderr).toContain(
      `checkpoints BROKEN on ${DAYS[0]}: the checkpoint of ${DAYS[0]} is not signed by the published key`,
    );

    // A count changed and signed again by someone else's key is still someone else's key.
    const moved = structuredClone(published);
    moved.checkpoints[1]!.count += 1;
    writeFileSync(saved, JSON.stringify(moved));
    expect((await runKhiuToEnd(['verify', '--data', dir, '--checkpoints', saved])).code).toBe(1);
  });

  it('answers bad arguments and unusable files with one clear line and exit 2', async () => {
    const { dir, saved, published } = await officeWithSavedCheckpoints();
    const folder = makeTempDirFor(cleanups);
    const write = (name: string, text: string): string => {
      const path = join(folder, name);
      writeFileSync(path, text);
      return path;
    };
    const cases: [string[], RegExp][] = [
      [['verify', '--data', dir, '--checkpoints'], /^khiu: --checkpoints needs a value$/],
      [['verify', '--checkpoints', saved], /^khiu: --data is required$/],
      [
        ['verify', '--data', dir, '--checkpoints', join(folder, 'absent.json')],
        /^khiu: --checkpoints .*absent\.json cannot be read \(ENOENT/,
      ],
      [
        ['verify', '--data', dir, '--checkpoints', write('text.json', 'checkpoints')],
        /^khiu: --checkpoints .*text\.json is not JSON$/,
      ],
      [
        ['verify', '--data', dir, '--checkpoints', write('list.json', '[]')],
        /^khiu: --checkpoints .*list\.json is not a JSON object \{publicKey, checkpoints\}/,
      ],
      [
        [
          'verify',
          '--data',
          dir,
          '--checkpoints',
          write(
            'hash.json',
            JSON.stringify({
              ...published,
              checkpoints: [{ ...published.checkpoints[0], headHash: 'abc' }],
            }),
          ),
        ],
        /^khiu: --checkpoints .*hash\.json checkpoints\[0\]\.headHash is not 64 hex digits/,
      ],
      [
        [
          'verify',
          '--data',
          dir,
          '--checkpoints',
          write(
            'key.json',
            JSON.stringify({
              ...published,
              publicKey: '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n',
            }),
          ),
        ],
        /^khiu: --checkpoints .*key\.json: its publicKey is not a PEM public key$/,
      ],
    ];
    for (const [args, line] of cases) {
      const result = await runKhiuToEnd(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      const lines = result.stderr.split('\n').filter((l) => l.length > 0);
      expect(lines, args.join(' ')).toHaveLength(1);
      expect(lines[0]).toMatch(line);
    }
  });
});

function makeTempDirFor(cleanups: CleanupStack): string {
  const temp = makeTempDir('khiu-saved-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}
