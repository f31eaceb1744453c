import { afterEach, describe, expect, it } from 'vitest';
import { hostname, networkInterfaces } from 'node:os';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

/**
 * DNS rebinding: a page at http://evil.example:PORT whose name first resolves to the
 * attacker's server and then to the office server's address is, to the victim's browser, the
 * same origin as itself, so it reads the answers. Only the Host header still says evil.example.
 */
describe('allowed Host names', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  async function start(host: string, allowedHosts?: string[]): Promise<RunningKhiu> {
    const temp = makeTempDir();
    const khiu = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host,
      adminPassword: 'admin-test-password',
      log: () => {},
      ...(allowedHosts ? { allowedHosts } : {}),
    });
    cleanups.push(temp.cleanup);
    cleanups.push(() => khiu.close());
    return khiu;
  }

  const asHost = (khiu: RunningKhiu, host: string, path = '/api/queue') =>
    rawRequest(`http://127.0.0.1:${khiu.port}`, 'GET', path, { headers: { host } });

  it('refuses a request that names another host, on the API and on socket.io', async () => {
    const khiu = await start('127.0.0.1');
    const rebound = await asHost(khiu, `evil.example:${khiu.port}`);
    expect(rebound.status).toBe(421);
    expect(rebound.json).toEqual({
      error: { code: 'host_not_allowed', message: expect.any(String) },
    });
    expect(rebound.headers['content-security-policy']).toContain("default-src 'self'");

    const before = khiu.office.ctx.store.ledger.head().seq;
    const issued = await rawRequest(`http://127.0.0.1:${khiu.port}`, 'POST', '/api/tickets', {
      headers: { host: 'evil.example', 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    expect(issued.status).toBe(421);
    expect(khiu.office.ctx.store.ledger.head().seq).toBe(before);

    const socket = await asHost(khiu, 'evil.example', '/socket.io/?EIO=4&transport=polling');
    expect(socket.status).toBe(403);
    expect(socket.json).toMatchObject({ message: 'host_not_allowed' });
  });

  it('answers to loopback names and the machine’s own names by default', async () => {
    const khiu = await start('127.0.0.1');
    for (const host of [
      `127.0.0.1:${khiu.port}`,
      `localhost:${khiu.port}`,
      'LOCALHOST',
      '[::1]',
      hostname(),
      `${hostname()}.local`,
    ])
      expect((await asHost(khiu, host)).status, host).toBe(200);
    expect((await asHost(khiu, 'localhost.evil.example')).status).toBe(421);
  });

  it('answers to every interface address when listening on all of them', async () => {
    const khiu = await start('0.0.0.0');
    const addresses = Object.values(networkInterfaces())
      .flat()
      .filter((info) => info && info.family === 'IPv4')
      .map((info) => info!.address);
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses)
      expect((await asHost(khiu, `${address}:${khiu.port}`)).status, address).toBe(200);
    expect((await asHost(khiu, '203.0.113.9')).status).toBe(421);
  });

  it('answers only to the configured names (and loopback) when --allowed-hosts is given', async () => {
    const khiu = await start('127.0.0.1', ['khiu.office.lan', '192.168.1.10']);
    expect((await asHost(khiu, 'KHIU.office.lan:8080')).status).toBe(200);
    expect((await asHost(khiu, '192.168.1.10')).status).toBe(200);
    expect((await asHost(khiu, 'localhost')).status).toBe(200);
    expect((await asHost(khiu, hostname())).status).toBe(421);
  });
});
