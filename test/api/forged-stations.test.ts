import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { StationClient, pairStation } from '../helpers/stations.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/*
 * A station's row keeps the SHA-256 of its token, which anyone can compute: a row inserted
 * with the sqlite3 shell for a token of one's own used to pair a "kiosk" until someone ran
 * verify. Stations are a ledger-tracked table, so the server now takes a token only from a
 * row the ledger records as it is.
 */
describe('stations against the sqlite3 shell', () => {
  let s: TestServer;
  let file: string;
  beforeEach(async () => {
    s = await startTestServer();
    file = join(s.dir, 'khiu.db');
  });
  afterEach(() => s.close());

  it('refuses the token of a station row inserted by hand, which verify names', async () => {
    const token = randomBytes(32).toString('base64url');
    sqliteShell(
      file,
      `INSERT INTO stations (name, kind, token_hash, created_ms)
       VALUES ('kiosk-9', 'kiosk', '${sha256(token)}', ${Date.now()})`,
    );
    const forged = new StationClient(s.url, token);
    expect((await forged.get('/api/station')).body).toMatchObject({
      error: { code: 'station_required' },
    });
    expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^station \d+ is in the database but not in the ledger$/),
    });
  });

  it('refuses the token of a paired station whose row was changed by hand', async () => {
    const display = await pairStation(s, { name: 'hall-1', kind: 'display' });
    expect((await display.client.get('/api/station')).status).toBe(200);
    // A display turned into a kiosk: its tickets would print.
    sqliteShell(
      file,
      `DROP TRIGGER stations_identity_is_fixed;
       UPDATE stations SET kind = 'kiosk' WHERE id = ${display.station.id}`,
    );
    expect((await display.client.get('/api/station')).status).toBe(401);
    const verified = (await s.admin.get('/api/ledger/verify')).body;
    expect(verified).toMatchObject({ ok: false, brokenAt: expect.any(Number) });
    expect(verified.problem).toBe(
      `station ${display.station.id} differs from its state recorded at entry ${verified.brokenAt}`,
    );
  });
});
