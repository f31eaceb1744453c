import { afterEach, describe, expect, it } from 'vitest';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

describe('WAL checkpoints', () => {
  let s: TestServer | undefined;
  afterEach(async () => {
    await s?.close();
  });

  it('are done by the worker thread, not by the commits that serve requests', async () => {
    s = await startTestServer();
    const file = join(s.dir, 'khiu.db');
    const before = statSync(file).size;
    for (let i = 0; i < 200; i += 1)
      s.khiu.office.tickets.issue((i % 6) + 1, null, { kind: 'station', station: 'kiosk-1' });
    // The server's own connection checkpoints only past 20,000 pages; 200 tickets write far fewer.
    expect(s.khiu.db.pragma('wal_autocheckpoint', { simple: true })).toBe(20000);
    await expect
      .poll(() => statSync(file).size, { timeout: 5000, interval: 100 })
      .toBeGreaterThan(before);
  });

  it('refuses to leave a worker behind when the port is taken', async () => {
    s = await startTestServer();
    const { startKhiu } = await import('../../server/app.ts');
    const port = Number(new URL(s.url).port);
    await expect(
      startKhiu({
        dataDir: join(s.dir, 'second'),
        port,
        host: '127.0.0.1',
        adminPassword: 'x-12345678',
        log: () => {},
      }),
    ).rejects.toThrow(/EADDRINUSE/);
  });
});
