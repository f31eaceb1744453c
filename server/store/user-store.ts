import type { Db } from './database.ts';
import type { UserRecord } from '../core/records.ts';

interface UserRow {
  id: number;
  username: string;
  role: UserRecord['role'];
  password_hash: string;
  active: number;
  created_ms: number;
}

const fromRow = (r: UserRow): UserRecord => ({
  id: r.id,
  username: r.username,
  role: r.role,
  passwordHash: r.password_hash,
  active: r.active === 1,
  createdMs: r.created_ms,
});

/** SQL for users and their sign-in sessions. */
export class UserStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      all: db.prepare('SELECT * FROM users ORDER BY id'),
      byId: db.prepare('SELECT * FROM users WHERE id = ?'),
      byName: db.prepare('SELECT * FROM users WHERE username = ?'),
      count: db.prepare('SELECT count(*) AS n FROM users'),
      insert: db.prepare(`INSERT INTO users (username, role, password_hash, active, created_ms)
        VALUES (@username, @role, @password_hash, @active, @created_ms)`),
      update:
        db.prepare(`UPDATE users SET role = @role, password_hash = @password_hash, active = @active
        WHERE id = @id`),
      insertSession:
        db.prepare(`INSERT INTO sessions (token_hash, user_id, created_ms, expires_ms, counter_id)
        VALUES (?, ?, ?, ?, ?)`),
      session: db.prepare(`SELECT u.*, s.counter_id AS session_counter_id
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.expires_ms > ? AND u.active = 1`),
      setSessionCounter: db.prepare('UPDATE sessions SET counter_id = ? WHERE token_hash = ?'),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      deleteUserSessions: db.prepare('DELETE FROM sessions WHERE user_id = ?'),
      purgeSessions: db.prepare('DELETE FROM sessions WHERE expires_ms <= ?'),
    };
  }
  all(): UserRecord[] {
    return (this.q.all.all() as UserRow[]).map(fromRow);
  }
  get(id: number): UserRecord | undefined {
    const row = this.q.byId.get(id) as UserRow | undefined;
    return row && fromRow(row);
  }
  byUsername(username: string): UserRecord | undefined {
    const row = this.q.byName.get(username) as UserRow | undefined;
    return row && fromRow(row);
  }
  count(): number {
    return (this.q.count.get() as { n: number }).n;
  }
  insert(user: Omit<UserRecord, 'id'>): UserRecord {
    const info = this.q.insert.run({
      username: user.username,
      role: user.role,
      password_hash: user.passwordHash,
      active: user.active ? 1 : 0,
      created_ms: user.createdMs,
    });
    return { ...user, id: Number(info.lastInsertRowid) };
  }
  update(user: UserRecord): void {
    this.q.update.run({
      id: user.id,
      role: user.role,
      password_hash: user.passwordHash,
      active: user.active ? 1 : 0,
    });
  }
  createSession(
    tokenHash: string,
    userId: number,
    nowMs: number,
    expiresMs: number,
    counterId: number | null = null,
  ): void {
    this.q.insertSession.run(tokenHash, userId, nowMs, expiresMs, counterId);
  }
  userOfSession(tokenHash: string, nowMs: number): UserRecord | undefined {
    return this.session(tokenHash, nowMs)?.user;
  }
  /** A live session's user and the counter it works (null until chosen). */
  session(
    tokenHash: string,
    nowMs: number,
  ): { user: UserRecord; counterId: number | null } | undefined {
    const row = this.q.session.get(tokenHash, nowMs) as
      (UserRow & { session_counter_id: number | null }) | undefined;
    return row && { user: fromRow(row), counterId: row.session_counter_id };
  }
  setSessionCounter(tokenHash: string, counterId: number): void {
    this.q.setSessionCounter.run(counterId, tokenHash);
  }
  deleteSession(tokenHash: string): void {
    this.q.deleteSession.run(tokenHash);
  }
  deleteSessionsOf(userId: number): void {
    this.q.deleteUserSessions.run(userId);
  }
  purgeExpiredSessions(nowMs: number): void {
    this.q.purgeSessions.run(nowMs);
  }
}
