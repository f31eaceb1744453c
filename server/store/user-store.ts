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

/** A sign-in session's row, but for its seal (api/session-key.ts keys both). */
export interface SessionColumns {
  tokenHash: string;
  userId: number;
  counterId: number | null;
  createdMs: number;
  expiresMs: number;
}

interface SessionRow extends UserRow {
  session_user_id: number;
  session_counter_id: number | null;
  session_created_ms: number;
  session_expires_ms: number;
  session_seal: string;
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
      insertSession: db.prepare(`INSERT INTO sessions
        (token_hash, user_id, created_ms, expires_ms, counter_id, seal)
        VALUES (@tokenHash, @userId, @createdMs, @expiresMs, @counterId, @seal)`),
      session: db.prepare(`SELECT u.*, s.counter_id AS session_counter_id,
          s.user_id AS session_user_id, s.created_ms AS session_created_ms,
          s.expires_ms AS session_expires_ms, s.seal AS session_seal
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = ? AND s.expires_ms > ? AND u.active = 1`),
      setSessionCounter: db.prepare(
        'UPDATE sessions SET counter_id = ?, seal = ? WHERE token_hash = ?',
      ),
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
  /** `seal` binds the row's columns with the session key (api/session-key.ts). */
  createSession(session: SessionColumns, seal: string): void {
    this.q.insertSession.run({ ...session, seal });
  }
  /** A live session's user, its columns (the counter it works: null until chosen) and seal. */
  session(
    tokenHash: string,
    nowMs: number,
  ): { user: UserRecord; columns: SessionColumns; seal: string } | undefined {
    const row = this.q.session.get(tokenHash, nowMs) as SessionRow | undefined;
    return (
      row && {
        user: fromRow(row),
        columns: {
          tokenHash,
          userId: row.session_user_id,
          counterId: row.session_counter_id,
          createdMs: row.session_created_ms,
          expiresMs: row.session_expires_ms,
        },
        seal: row.session_seal,
      }
    );
  }
  setSessionCounter(tokenHash: string, counterId: number, seal: string): void {
    this.q.setSessionCounter.run(counterId, seal, tokenHash);
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
