import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import type { Clock } from '../../server/core/clock.ts';
import { makeTempDir } from './temp-dir.ts';
import type { Rate } from '../../server/api/token-buckets.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from './load-rate.ts';
import type { CheckpointDemandOptions } from '../../server/store/checkpointer-on-demand.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestServer {
  khiu: RunningKhiu;
  url: string;
  dir: string;
  /** Requests as the admin (signed in once). */
  admin: ApiClient;
  /** A client with no session. */
  anon: ApiClient;
  /** Signs in a new user with the given role (working `counterId` when given) and returns their client. */
  userWithRole(
    role: 'staff' | 'manager' | 'admin',
    username?: string,
    counterId?: number,
  ): Promise<ApiClient>;
  ledgerLength(): number;
  close(): Promise<void>;
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/** fetch with a cookie of its own and JSON in and out. */
export class ApiClient {
  cookie: string | undefined;
  constructor(readonly base: string) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    init: RequestInit = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
    if (this.cookie) headers.cookie = this.cookie;
    let payload = init.body;
    // Like the screens: every state change declares JSON, with a body or without.
    if (method !== 'GET' && method !== 'HEAD') headers['content-type'] ??= 'application/json';
    if (body !== undefined) payload = JSON.stringify(body);
    const res = await fetch(`${this.base}${path}`, { ...init, method, headers, body: payload });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
  }
  get<T = any>(path: string) {
    return this.request<T>('GET', path);
  }
  post<T = any>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body);
  }
  async signIn(username: string, password: string, counterId?: number): Promise<ApiResponse> {
    return this.post('/api/session', { username, password, ...(counterId ? { counterId } : {}) });
  }
  /** Staff act only at the counter their session works. */
  async chooseCounter(counterId: number): Promise<ApiResponse> {
    return this.request('PUT', '/api/session/counter', { counterId });
  }
}

/**
 * `anonymousRate` defaults to LOAD_TEST_ANONYMOUS_RATE: tests play many kiosks from 127.0.0.1;
 * a test of the limit itself passes the real default.
 */
export async function startTestServer(
  options: { clock?: Clock; anonymousRate?: Rate; checkpointDemand?: CheckpointDemandOptions } = {},
): Promise<TestServer> {
  const temp = makeTempDir();
  const khiu = await startKhiu({
    dataDir: temp.dir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    clock: options.clock,
    anonymousRate: options.anonymousRate ?? LOAD_TEST_ANONYMOUS_RATE,
    checkpointDemand: options.checkpointDemand,
    log: () => {},
  });
  const admin = new ApiClient(khiu.url);
  const login = await admin.signIn('admin', ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${JSON.stringify(login.body)}`);
  let users = 0;
  return {
    khiu,
    url: khiu.url,
    dir: temp.dir,
    admin,
    anon: new ApiClient(khiu.url),
    async userWithRole(role, username, counterId) {
      users += 1;
      const name = username ?? `${role}${users}`;
      const created = await admin.post('/api/users', {
        username: name,
        role,
        password: 'password-1234',
      });
      if (created.status !== 201)
        throw new Error(`could not create ${name}: ${JSON.stringify(created.body)}`);
      const client = new ApiClient(khiu.url);
      const signedIn = await client.signIn(name, 'password-1234', counterId);
      if (signedIn.status !== 200)
        throw new Error(`could not sign in ${name}: ${JSON.stringify(signedIn.body)}`);
      return client;
    },
    ledgerLength: () => khiu.office.ctx.store.ledger.head().seq,
    async close() {
      await khiu.close();
      temp.cleanup();
    },
  };
}
