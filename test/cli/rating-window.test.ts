import { afterEach, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { fileURLToPath } from 'node:url';
import { ApiClient } from '../helpers/khiu-server.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import type { ServeProcess } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

const PASSWORD = 'rating-window-admin-password';
const HOUR_MS = 60 * 60_000;
const SHIFT_PRELOAD = pathToFileURL(
  fileURLToPath(new URL('../helpers/shift-date-now.mjs', import.meta.url)),
).href;

/** `khiu serve` on `dir` whose clock runs `shiftMs` ahead (a Date.now preload through NODE_OPTIONS). */
function serveShifted(dir: string, shiftMs: number): Promise<ServeProcess> {
  return startServerProcess(dir, {
    KHIU_ADMIN_PASSWORD: PASSWORD,
    NODE_OPTIONS: `--import=${SHIFT_PRELOAD}`,
    KHIU_TEST_SHIFT_MS: String(shiftMs),
  });
}

async function signedIn(url: string): Promise<ApiClient> {
  const admin = new ApiClient(url);
  const res = await admin.signIn('admin', PASSWORD, 1);
  if (res.status !== 200) throw new Error(`sign-in failed: ${JSON.stringify(res.body)}`);
  return admin;
}

/*
 * A ticket id that turns up later (a photographed QR, a ticket left on a chair, an id a
 * script collected) used to rate the ticket at any time, long after its citizen went home.
 * Rating by id now closes 24 hours after the finish: the server runs as a real process whose
 * Date.now is shifted, across restarts of the same data directory.
 */
describe('rating a ticket by its id', () => {
  const cleanups = new CleanupStack();
  let server: ServeProcess | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    await cleanups.run();
  });

  it('works within 24 hours of the finish and is refused with rating_closed after', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);

    server = await serveShifted(temp.dir, 0);
    const admin = await signedIn(server.url);
    const finished: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      await admin.post('/api/tickets', { serviceId: 1 });
      const { ticket } = (await admin.post('/api/counters/1/call-next')).body;
      await admin.post(`/api/tickets/${ticket.id}/start`);
      expect((await admin.post(`/api/tickets/${ticket.id}/finish`)).status).toBe(200);
      finished.push(ticket.id);
    }
    await server.stop();

    server = await serveShifted(temp.dir, 23 * HOUR_MS);
    const citizen = new ApiClient(server.url);
    expect((await citizen.post(`/api/tickets/${finished[0]}/rating`, { score: 4 })).status).toBe(
      201,
    );
    await server.stop();

    server = await serveShifted(temp.dir, 25 * HOUR_MS);
    const late = new ApiClient(server.url);
    const admin2 = await signedIn(server.url);
    const before = (await admin2.get('/api/ledger/verify')).body.length;
    const refused = await late.post(`/api/tickets/${finished[1]}/rating`, { score: 1 });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'rating_closed' } } });
    const after = await admin2.get('/api/ledger/verify');
    expect(after.body).toMatchObject({ ok: true, length: before });
  });
});
