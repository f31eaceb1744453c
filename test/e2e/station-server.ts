import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import type { Clock } from '../../server/core/clock.ts';

export const ADMIN_PASSWORD = 'test-admin-pw';
export const STAFF = { username: 'somchai', password: 'counter-pw-123' };

export interface StationServer {
  khiu: RunningKhiu;
  url: string;
  /** Requests as the signed-in admin. */
  asAdmin<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  close(): Promise<void>;
}

/**
 * A real office server on a fresh data directory, serving the built renderer, with one staff
 * user; on `clock` when given (a test that moves the office's time).
 */
export async function startStationServer(
  staticDir: string,
  options: { clock?: Clock } = {},
): Promise<StationServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khiu-e2e-'));
  const khiu = await startKhiu({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    staticDir,
    clock: options.clock,
    log: () => {},
  });
  let cookie = '';
  const asAdmin = async <T>(method: string, path: string, body?: unknown) => {
    const res = await fetch(khiu.url + path, {
      method,
      headers: { cookie, ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0]!;
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  };
  const signIn = await asAdmin('POST', '/api/session', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  if (signIn.status !== 200)
    throw new Error(`admin sign-in failed: ${JSON.stringify(signIn.body)}`);
  const staff = await asAdmin('POST', '/api/users', { ...STAFF, role: 'staff' });
  if (staff.status !== 201)
    throw new Error(`creating the staff user failed: ${JSON.stringify(staff.body)}`);
  return {
    khiu,
    url: khiu.url,
    asAdmin,
    close: async () => {
      await khiu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
