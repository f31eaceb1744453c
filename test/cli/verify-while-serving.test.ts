import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../helpers/khiu-server.ts';
import { runKhiuToEnd, startServerProcess } from '../helpers/server-process.ts';
import type { ServeProcess } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { LOAD_TEST_SERVE_ARGS } from '../helpers/load-rate.ts';

const PASSWORD = 'verify-while-serving-password';

/*
 * verify used to read the ledger with one statement and each table with another, so a ticket
 * committed in between was "in the database but not in the ledger". It now reads everything
 * in one read transaction: one snapshot, whatever the server commits meanwhile.
 */
describe('khiu verify beside a busy server', () => {
  const cleanups = new CleanupStack();
  let server: ServeProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await cleanups.run();
  });

  it('finds the ledger intact while kiosks issue and a counter calls in a loop', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    server = await startServerProcess(
      temp.dir,
      { KHIU_ADMIN_PASSWORD: PASSWORD },
      LOAD_TEST_SERVE_ARGS,
    );
    const url = server.url;
    let stop = false;
    let issued = 0;
    const kiosk = async (serviceId: number) => {
      const client = new ApiClient(url);
      while (!stop) {
        const res = await client.post('/api/tickets', { serviceId });
        expect(res.status).toBe(201);
        issued += 1;
        // A steady office rather than a flood: commits keep landing, the ledger stays small.
        if (issued > 1000) await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const counter = async () => {
      const clerk = new ApiClient(url);
      expect((await clerk.signIn('admin', PASSWORD, 1)).status).toBe(200);
      while (!stop) {
        const called = await clerk.post('/api/counters/1/call-next');
        if (called.status !== 200) continue;
        await clerk.post(`/api/tickets/${called.body.ticket.id}/start`);
        await clerk.post(`/api/tickets/${called.body.ticket.id}/finish`);
      }
    };
    const streams = [kiosk(1), kiosk(1), kiosk(2), counter()];
    try {
      // A ledger long enough that reading it takes a while, with commits landing meanwhile.
      while (issued < 1000) await new Promise((resolve) => setTimeout(resolve, 20));
      for (let run = 0; run < 2; run += 1) {
        const before = issued;
        const verified = await runKhiuToEnd(['verify', '--data', temp.dir]);
        expect(verified.code, verified.stderr).toBe(0);
        expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true });
        expect(issued, 'tickets were issued while verify ran').toBeGreaterThan(before);
      }
    } finally {
      stop = true;
      await Promise.all(streams);
    }
  });
});
