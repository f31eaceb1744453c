import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import { builtRenderer } from '../e2e/renderer-build.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

const ADMIN_PASSWORD = 'admin-test-password';
export const CHROMIUM = process.env.KHIU_CHROMIUM ?? '/usr/bin/chromium';

export interface Answer {
  status: number;
  headers: Headers;
  body: Buffer;
  json<T = any>(): T;
}

/** fetch with a cookie of its own; bodies come back as bytes (PDF, XLSX) or JSON. */
export class Client {
  private cookie = '';
  constructor(private readonly base: string) {}

  async request(method: string, path: string, body?: unknown): Promise<Answer> {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0]!;
    const bytes = Buffer.from(await res.arrayBuffer());
    return {
      status: res.status,
      headers: res.headers,
      body: bytes,
      json: () => JSON.parse(bytes.toString('utf8')),
    };
  }

  get(path: string): Promise<Answer> {
    return this.request('GET', path);
  }
}

export interface PublicationsOffice {
  khiu: RunningKhiu;
  clock: ManualClock;
  url: string;
  dir: string;
  admin: Client;
  manager: Client;
  staff: Client;
  anon: Client;
  close(): Promise<void>;
}

/**
 * A real office server serving the built renderer (the PDFs print its pages), with seed-demo
 * history in two fiscal years: a week of late September 2026 (ปีงบประมาณ 2569, quarter 4) and
 * two weeks of November 2026 (2570, quarter 1), on a test clock at 1 December 2026, 10:00.
 */
export async function publicationsOffice(): Promise<PublicationsOffice> {
  const staticDir = await builtRenderer();
  const temp = makeTempDir('khiu-publications-');
  const clock = new ManualClock(Date.parse('2026-09-21T08:00:00+07:00'));
  const khiu = await startKhiu({
    dataDir: temp.dir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    staticDir,
    browserPath: CHROMIUM,
    clock,
    log: () => {},
  });
  const staffNames = ['somchai', 'malee'];
  playDemoDays(khiu.office, clock, {
    firstDay: '2026-09-21',
    days: 5,
    perDay: 40,
    seed: 5,
    staff: staffNames,
  });
  playDemoDays(khiu.office, clock, {
    firstDay: '2026-11-02',
    days: 10,
    perDay: 40,
    seed: 7,
    staff: staffNames,
  });
  clock.set(Date.parse('2026-12-01T10:00:00+07:00'));
  const admin = new Client(khiu.url);
  const signedIn = await admin.request('POST', '/api/session', {
    username: 'admin',
    password: ADMIN_PASSWORD,
  });
  if (signedIn.status !== 200) throw new Error(`admin sign-in: ${signedIn.body.toString()}`);
  const user = async (username: string, role: 'staff' | 'manager'): Promise<Client> => {
    const created = await admin.request('POST', '/api/users', {
      username,
      role,
      password: 'password-1234',
    });
    if (created.status !== 201) throw new Error(`creating ${username}: ${created.body.toString()}`);
    const client = new Client(khiu.url);
    const res = await client.request('POST', '/api/session', {
      username,
      password: 'password-1234',
    });
    if (res.status !== 200) throw new Error(`sign-in ${username}: ${res.body.toString()}`);
    return client;
  };
  return {
    khiu,
    clock,
    url: khiu.url,
    dir: temp.dir,
    admin,
    manager: await user('boss', 'manager'),
    staff: await user('clerk', 'staff'),
    anon: new Client(khiu.url),
    async close() {
      await khiu.close();
      temp.cleanup();
    },
  };
}

/** The file name a browser saves: RFC 5987's filename*, decoded. */
export function savedName(disposition: string | null): string | undefined {
  const encoded = /filename\*=UTF-8''([^;\s]+)/.exec(disposition ?? '')?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
}

/** The ASCII fallback name. */
export function asciiName(disposition: string | null): string | undefined {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1];
}
