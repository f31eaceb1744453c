import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { spawnServe } from '../../server/cli/serve-process.ts';
import { rawRequest } from '../helpers/raw-http.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ADMIN_PASSWORD = 'admin-test-password';

/** A self-signed certificate for 127.0.0.1 and localhost, made by Debian's openssl. */
function selfSignedCertificate(dir: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=khiu test',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile };
}

describe('HTTPS', () => {
  let dir: string;
  let cleanup: () => void;
  let cert: Buffer;
  let key: Buffer;
  let certFile: string;
  let keyFile: string;
  let khiu: RunningKhiu;

  beforeAll(async () => {
    ({ dir, cleanup } = makeTempDir());
    ({ certFile, keyFile } = selfSignedCertificate(dir));
    cert = readFileSync(certFile);
    key = readFileSync(keyFile);
    khiu = await startKhiu({
      dataDir: join(dir, 'data'),
      port: 0,
      host: '127.0.0.1',
      adminPassword: ADMIN_PASSWORD,
      tls: { cert, key },
      log: () => {},
    });
  });
  afterAll(async () => {
    await khiu.close();
    cleanup();
  });

  it('serves the API over TLS and gives a session cookie that is only sent over HTTPS', async () => {
    expect(khiu.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const health = await rawRequest(khiu.url, 'GET', '/api/health', { ca: cert });
    expect(health.json).toEqual({ ok: true });
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");

    const signIn = await rawRequest(khiu.url, 'POST', '/api/session', {
      ca: cert,
      headers: { 'content-type': 'application/json', origin: khiu.url },
      body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
    });
    expect(signIn.status, signIn.body).toBe(200);
    const cookie = String(signIn.headers['set-cookie']);
    expect(cookie).toMatch(/^khiu_session=[^;]+;.*; Secure(;|$)/);
    expect(cookie).toContain('HttpOnly');

    // Plain HTTP on the same port is not the office server's origin.
    await expect(
      rawRequest(khiu.url.replace('https', 'http'), 'GET', '/api/health'),
    ).rejects.toThrow();
  });

  it('holds https:// as its own origin, and http:// on the same host as another', async () => {
    const call = (origin: string) =>
      rawRequest(khiu.url, 'POST', '/api/tickets', {
        ca: cert,
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ serviceId: 1 }),
      });
    expect((await call(khiu.url)).status).toBe(201);
    const downgraded = await call(khiu.url.replace('https', 'http'));
    expect(downgraded.status).toBe(403);
    expect(downgraded.json.error.code).toBe('cross_origin');
  });

  it('carries socket.io over wss://', async () => {
    const socket = connect(khiu.url, {
      transports: ['websocket'],
      reconnection: false,
      ca: cert.toString(),
    });
    try {
      const snapshot = await new Promise((resolve, reject) => {
        socket.once('snapshot', resolve);
        socket.once('connect_error', reject);
      });
      expect(snapshot).toMatchObject({ seq: expect.any(Number) });
    } finally {
      socket.close();
    }
  });

  it('serve --tls-cert --tls-key prints its https:// address and answers on it', async () => {
    const server = await spawnServe({
      dataDir: join(dir, 'served'),
      env: { KHIU_ADMIN_PASSWORD: ADMIN_PASSWORD },
      args: ['--tls-cert', certFile, '--tls-key', keyFile],
      onStderr: () => {},
    });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect((await rawRequest(server.url, 'GET', '/api/health', { ca: cert })).json).toEqual({
        ok: true,
      });
    } finally {
      await server.stop();
    }
  });
});
