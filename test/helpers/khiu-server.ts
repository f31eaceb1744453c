import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import type { Clock } from '../../server/core/clock.ts';
import { makeTempDir } from './temp-dir.ts';

export const ADMIN_PASSWORD = 'admin-test-password';

export interface TestServer {
  khiu: RunningKhiu;
  url: string;
  dir: string;
  /** Requests as the admin (signed in once). */
  admin: ApiClient;
  /** A client with no session. */
  anon: ApiClient;
  /** Signs in a new user with the given role and returns their client. */
  userWithRole(role: 'staff' | 'manager' | 'admin', username?: string): Promise<ApiClient>;
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
    if (body !== undefined) {
      headers['content-type'] ??= 'application/json';
      payload = JSON.stringify(body);
    }
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
  async signIn(username: string, password: string): Promise<ApiResponse> {
    return this.post('/api/session', { username, password });
  }
}

export async function startTestServer(options: { clock?: Clock } = {}): Promise<TestServer> {
  const temp = makeTempDir();
  const khiu = await startKhiu({
    dataDir: temp.dir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    clock: options.clock,
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
    async userWithRole(role, username) {
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
      await client.signIn(name, 'password-1234');
      return client;
    },
    ledgerLength: () => khiu.office.ctx.store.ledger.head().seq,
    async close() {
      await khiu.close();
      temp.cleanup();
    },
  };
}
