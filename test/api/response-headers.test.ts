import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request, type IncomingHttpHeaders } from 'node:http';
import { randomBytes } from 'node:crypto';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { SECURITY_HEADERS } from '../../server/api/security-headers.ts';
import { ApiClient } from '../helpers/khiu-server.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ADMIN_PASSWORD = 'admin-test-password';

describe('what every answer carries', () => {
  let khiu: RunningKhiu;
  let cleanup: () => void;

  beforeAll(async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    // A stand-in for the built screens: the static path is what is under test, not the screens.
    const staticDir = join(temp.dir, 'screens');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'kiosk.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    khiu = await startKhiu({
      dataDir: join(temp.dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      staticDir,
      log: () => {},
    });
  });
  afterAll(async () => {
    await khiu.close();
    cleanup();
  });

  function expectSecurityHeaders(
    headers: IncomingHttpHeaders | Record<string, string>,
    what: string,
  ) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect((headers as Record<string, unknown>)[name], `${name} on ${what}`).toBe(value);
  }

  it('sends the CSP and the security headers on the API, its errors, the screens and socket.io', async () => {
    const answers: [string, string, Promise<{ status: number; headers: IncomingHttpHeaders }>][] = [
      ['GET', '/api/queue', rawRequest(khiu.url, 'GET', '/api/queue')],
      ['GET', '/api/nothing', rawRequest(khiu.url, 'GET', '/api/nothing')],
      ['POST', '/api/tickets (415)', rawRequest(khiu.url, 'POST', '/api/tickets')],
      ['GET', '/kiosk', rawRequest(khiu.url, 'GET', '/kiosk')],
      ['GET', '/assets/app.js', rawRequest(khiu.url, 'GET', '/assets/app.js')],
      [
        'GET',
        'socket.io handshake',
        rawRequest(khiu.url, 'GET', '/socket.io/?EIO=4&transport=polling'),
      ],
      [
        'GET',
        'socket.io error',
        rawRequest(khiu.url, 'GET', '/socket.io/?EIO=4&transport=carrier-pigeon'),
      ],
    ];
    for (const [method, what, answer] of answers) {
      const res = await answer;
      expect(res.status, what).toBeLessThan(500);
      expectSecurityHeaders(res.headers, `${method} ${what}`);
    }

    // The WebSocket upgrade's 101 answer too.
    const upgradeHeaders = await new Promise<IncomingHttpHeaders>((resolve, reject) => {
      const req = request(`${khiu.url}/socket.io/?EIO=4&transport=websocket`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': randomBytes(16).toString('base64'),
        },
      });
      req.once('upgrade', (res, socket) => {
        resolve(res.headers);
        socket.destroy();
      });
      req.once('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
      req.once('error', reject);
      req.end();
    });
    expectSecurityHeaders(upgradeHeaders, 'the WebSocket upgrade');
  });

  it('answers HEAD wherever GET is answered, with the same headers and no body', async () => {
    for (const path of [
      '/api/queue',
      '/api/health',
      '/api/services/1',
      '/kiosk',
      '/assets/app.js',
    ]) {
      const get = await rawRequest(khiu.url, 'GET', path);
      const head = await rawRequest(khiu.url, 'HEAD', path);
      expect(head.status, path).toBe(200);
      expect(head.body, path).toBe('');
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      expect(head.headers['content-length'], path).toBe(get.headers['content-length']);
      expectSecurityHeaders(head.headers, `HEAD ${path}`);
    }
    const refused = await rawRequest(
      khiu.url,
      'HEAD',
      '/api/tickets?from=2026-01-01&to=2026-01-02',
    );
    expect(refused.status).toBe(401);
    const wrongMethod = await rawRequest(khiu.url, 'PUT', '/api/health', {
      headers: { 'content-type': 'application/json' },
    });
    expect(wrongMethod.json.error.message).toContain('GET, HEAD');
  });

  it('ignores a malformed cookie of another application instead of failing every request', async () => {
    const admin = new ApiClient(khiu.url);
    expect((await admin.signIn('admin', ADMIN_PASSWORD)).status).toBe(200);
    for (const stray of ['other=100%', 'other=%E0%A4%A', 'x=%zz'])
      for (const cookie of [`${stray}; ${admin.cookie}`, `${admin.cookie}; ${stray}`]) {
        const res = await rawRequest(khiu.url, 'GET', '/api/session', { headers: { cookie } });
        expect(res.status, cookie).toBe(200);
        expect(res.json.user.username).toBe('admin');
      }
    const anonymous = await rawRequest(khiu.url, 'GET', '/api/queue', {
      headers: { cookie: 'other=100%' },
    });
    expect(anonymous.status).toBe(200);
  });
});
