import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { startKhiu } from '../../server/app.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { jsonFrom } from '../helpers/from-address.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { exited, runKhiu } from '../helpers/server-process.ts';

const PASSWORD = 'password-1234';

describe('password guesses', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('checks at most 5 passwords when 200 guesses at one name arrive together', async () => {
    await s.userWithRole('staff', 'storm-target');
    const client = new ApiClient(s.url);
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => client.signIn('storm-target', `guess-${i}`)),
    );
    // Every checked password answers 401 invalid_credentials; anything refused unchecked, 429.
    const checked = answers.filter((a) => a.body?.error?.code === 'invalid_credentials');
    expect(checked.length).toBeGreaterThan(0);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(200 - checked.length);
    expect((await client.signIn('storm-target', PASSWORD)).status).toBe(429);
  });

  it('lets a user in from the address they work at while guesses from elsewhere lock their name', async () => {
    await s.userWithRole('staff', 'somsri');
    const counterPc = '127.0.0.2';
    const attacker = '127.0.0.3';
    const signIn = (from: string, password: string) =>
      jsonFrom(from, s.url, 'POST', '/api/session', { username: 'somsri', password });
    expect((await signIn(counterPc, PASSWORD)).status).toBe(200);

    for (let i = 0; i < 5; i += 1) expect((await signIn(attacker, `guess-${i}`)).status).toBe(401);
    // The name is locked for every address it has not signed in from, the right password too.
    expect((await signIn(attacker, PASSWORD)).status).toBe(429);
    expect((await signIn('127.0.0.4', PASSWORD)).status).toBe(429);
    // Its owner's counter PC keeps its own count.
    expect((await signIn(counterPc, PASSWORD)).status).toBe(200);
  });

  it('still limits guesses made from an address the user works at', async () => {
    await s.userWithRole('staff', 'somporn');
    const shared = '127.0.0.5';
    const signIn = (password: string) =>
      jsonFrom(shared, s.url, 'POST', '/api/session', { username: 'somporn', password });
    expect((await signIn(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i += 1) expect((await signIn(`guess-${i}`)).status).toBe(401);
    expect(await signIn(PASSWORD)).toMatchObject({
      status: 429,
      body: { error: { code: 'too_many_attempts' } },
    });
  });
});

describe('password length', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('answers 400 password_too_short to a 9-character password and changes nothing', async () => {
    const before = s.ledgerLength();
    const created = await s.admin.post('/api/users', {
      username: 'shorty',
      role: 'staff',
      password: '123456789',
    });
    expect(created).toMatchObject({
      status: 400,
      body: { error: { code: 'password_too_short', message: expect.stringMatching(/10/) } },
    });
    const me = (await s.admin.get('/api/users')).body.find(
      (u: { username: string }) => u.username === 'admin',
    );
    const changed = await s.admin.request('PATCH', `/api/users/${me.id}`, { password: 'ab' });
    expect(changed.body.error.code).toBe('password_too_short');
    expect(s.ledgerLength()).toBe(before);
    // Thai counts by characters as typed: ten of them are enough.
    const thai = await s.admin.post('/api/users', {
      username: 'thai-pass',
      role: 'staff',
      password: 'รหัสผ่านยาวๆ',
    });
    expect(thai.status).toBe(201);
  });
});

describe('the first admin password', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('refuses to start with KHIU_ADMIN_PASSWORD=a and opens nothing', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const dataDir = join(temp.dir, 'office');
    await expect(
      startKhiu({ dataDir, port: 0, host: '127.0.0.1', adminPassword: 'a', log: () => {} }),
    ).rejects.toThrow(/KHIU_ADMIN_PASSWORD.*at least 10 characters; this one has 1/);
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });

  it('makes khiu serve exit with the reason on stderr', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const child = runKhiu(['serve', '--port', '0', '--data', temp.dir], {
      KHIU_ADMIN_PASSWORD: 'short',
    });
    // Should it start after all, it must not outlive the test.
    cleanups.push(() => child.exitCode === null && child.kill());
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    expect(await exited(child)).toBe(1);
    expect(stderr).toMatch(/KHIU_ADMIN_PASSWORD.*at least 10 characters/);
  });
});
