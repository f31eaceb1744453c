import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { sqliteShell } from '../helpers/sqlite-shell.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/*
 * Signing in against a person with the database file and the sqlite3 shell, while the server
 * runs. The sessions table held the SHA-256 of each cookie's token, so a row made by hand for a
 * token of one's own signed in as anyone; now it is keyed with session.key, which lives outside
 * the database. Users are a ledger-tracked table: a row the ledger does not record as it is
 * signs nobody in either.
 */
describe('sessions against the sqlite3 shell', () => {
  let s: TestServer;
  let file: string;
  beforeEach(async () => {
    s = await startTestServer();
    file = join(s.dir, 'khiu.db');
  });
  afterEach(() => s.close());

  it('signs nobody in with a session row made by hand for a token of one’s own', async () => {
    const token = randomBytes(32).toString('base64url');
    // As a person would: every column the table has, filled with what they can make.
    const columns = sqliteShell(file, "SELECT name FROM pragma_table_info('sessions')")
      .trim()
      .split('\n');
    const now = Date.now();
    const value: Record<string, string> = {
      token_hash: `'${sha256(token)}'`,
      user_id: "(SELECT id FROM users WHERE username = 'admin')",
      created_ms: String(now),
      expires_ms: String(now + 3_600_000),
      counter_id: 'NULL',
      seal: `'${sha256(`${sha256(token)}admin`)}'`,
    };
    sqliteShell(
      file,
      `INSERT INTO sessions (${columns.join(', ')}) VALUES (${columns.map((c) => value[c]).join(', ')})`,
    );
    const forger = new ApiClient(s.url);
    forger.cookie = `khiu_session=${token}`;
    expect((await forger.get('/api/session')).status).toBe(401);
    expect((await forger.get('/api/users')).status).toBe(401);
  });

  it('ends a session whose user was changed by hand, instead of making it the admin’s', async () => {
    const clerk = await s.userWithRole('staff', 'somsri', 1);
    expect((await clerk.get('/api/session')).body.user).toMatchObject({ username: 'somsri' });
    sqliteShell(
      file,
      `UPDATE sessions SET user_id = (SELECT id FROM users WHERE username = 'admin')
       WHERE user_id = (SELECT id FROM users WHERE username = 'somsri')`,
    );
    expect((await clerk.get('/api/session')).status).toBe(401);
    expect((await clerk.get('/api/users')).status).toBe(401);
  });

  it('refuses a user whose role was raised by hand, signed in or signing in', async () => {
    const clerk = await s.userWithRole('staff', 'somsak', 1);
    sqliteShell(file, "UPDATE users SET role = 'admin' WHERE username = 'somsak'");
    expect((await clerk.get('/api/users')).status).toBe(401);
    const again = await new ApiClient(s.url).signIn('somsak', 'password-1234', 1);
    expect(again).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid_credentials', message: expect.stringMatching(/ledger/) } },
    });
    expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^user \d+ differs from its state recorded at entry \d+$/),
    });
  });

  it('refuses a user added by hand with a password hash copied from one’s own account', async () => {
    await s.userWithRole('staff', 'somjai', 1);
    sqliteShell(
      file,
      `INSERT INTO users (username, role, password_hash, active, created_ms)
       SELECT 'boss', 'admin', password_hash, 1, created_ms FROM users WHERE username = 'somjai'`,
    );
    expect((await new ApiClient(s.url).signIn('boss', 'password-1234')).status).toBe(401);
    expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^user \d+ is in the database but not in the ledger$/),
    });
  });

  it('keeps its key in session.key beside the database, readable by the server’s account only', () => {
    const keyFile = join(s.dir, 'session.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file).includes(Buffer.from(key))).toBe(false);
  });
});
