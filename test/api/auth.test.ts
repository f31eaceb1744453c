import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startKhiu } from '../../server/app.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { hashPassword, verifyPassword } from '../../server/api/passwords.ts';

describe('signing in', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('sets an httpOnly SameSite session cookie and signs out', async () => {
    const client = new ApiClient(s.url);
    const res = await client.signIn('admin', 'admin-test-password');
    expect(res).toMatchObject({
      status: 200,
      body: { user: { username: 'admin', role: 'admin' } },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect((await client.get('/api/session')).status).toBe(200);
    await client.request('DELETE', '/api/session');
    expect((await client.get('/api/ledger/verify')).status).toBe(401);
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const client = new ApiClient(s.url);
    const wrongPassword = await client.signIn('admin', 'nope');
    const wrongUser = await client.signIn('nobody', 'nope');
    expect(wrongPassword).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_credentials' } },
    });
    expect(wrongUser.body).toEqual(wrongPassword.body);
  });

  it('rate-limits repeated failures for a username, even with the right password afterwards', async () => {
    await s.userWithRole('staff', 'target');
    const client = new ApiClient(s.url);
    for (let i = 0; i < 5; i += 1)
      expect((await client.signIn('target', `guess-${i}`)).status).toBe(401);
    const blocked = await client.signIn('target', 'password-1234');
    expect(blocked).toMatchObject({ status: 429, body: { error: { code: 'too_many_attempts' } } });
  });

  it('signs a user out everywhere when an admin deactivates them', async () => {
    const user = await s.userWithRole('staff', 'leaver');
    expect((await user.get('/api/session')).status).toBe(200);
    const list = await s.admin.get('/api/users');
    const id = list.body.find((u: { username: string }) => u.username === 'leaver').id;
    expect((await s.admin.request('PATCH', `/api/users/${id}`, { active: false })).status).toBe(
      200,
    );
    expect((await user.post('/api/counters/1/call-next')).status).toBe(401);
  });
});

describe('the first start', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('creates admin with KHIU_ADMIN_PASSWORD, or prints a generated password once', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const lines: string[] = [];
    const first = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      log: (l) => lines.push(l),
    });
    await first.close();
    const shown = lines.join('\n').match(/created user "admin" with password (\S+)/);
    expect(shown).not.toBeNull();
    const again: string[] = [];
    const second = await startKhiu({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      log: (l) => again.push(l),
    });
    cleanups.push(() => second.close());
    expect(again.join('\n')).not.toMatch(/password/);
    const client = new ApiClient(second.url);
    expect((await client.signIn('admin', shown![1]!)).status).toBe(200);
  });

  it('stores only scrypt hashes that verify', async () => {
    const hash = await hashPassword('รหัสผ่านไทย-123');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(await verifyPassword('รหัสผ่านไทย-123', hash)).toBe(true);
    expect(await verifyPassword('wrong', hash)).toBe(false);
  });
});
