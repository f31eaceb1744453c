import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../contract/contract.ts';
import type { UserRecord } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from '../core/clock.ts';
import { KhiuError } from '../core/errors.ts';
import { parseCookies } from './http-io.ts';
import type { SessionKey } from './session-key.ts';

export const SESSION_COOKIE = 'khiu_session';
const SESSION_TTL_MS = 12 * 60 * 60_000;
const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

/**
 * Sign-in sessions: a random token in an httpOnly SameSite cookie. The table keeps only the
 * token's hash keyed with the data directory's session key, and a seal over the row, so a
 * row made or edited with the sqlite3 shell signs nobody in (session-key.ts). A user whose
 * row differs from what the ledger recorded (a role or password changed by hand) is not
 * signed in either.
 */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly key: SessionKey,
    /** Served over HTTPS (--tls-cert): the browser must never send the cookie over plain HTTP. */
    private readonly options: { secureCookies?: boolean } = {},
  ) {}

  /** The attributes of every cookie this server sets; stations' cookies use them too. */
  get cookieAttributes(): string {
    return `HttpOnly; SameSite=Strict; Path=/${this.options.secureCookies ? '; Secure' : ''}`;
  }

  /** A new session for `user`, working `counterId` when one was chosen at sign-in. */
  create(user: UserRecord, counterId: number | null = null): { cookie: string } {
    if (!this.store.ledger.rowIsAsRecorded('user', user.id)) throw accountNotAsRecorded();
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.store.users.purgeExpiredSessions(now);
    const columns = {
      tokenHash: this.key.tokenHash(token),
      userId: user.id,
      counterId,
      createdMs: now,
      expiresMs: now + SESSION_TTL_MS,
    };
    this.store.users.createSession(columns, this.key.seal(columns));
    return {
      cookie: `${SESSION_COOKIE}=${token}; ${this.cookieAttributes}; Max-Age=${SESSION_TTL_MS / 1000}`,
    };
  }

  end(req: IncomingMessage): string {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) this.store.users.deleteSession(this.key.tokenHash(token));
    return `${SESSION_COOKIE}=; ${this.cookieAttributes}; Max-Age=0`;
  }

  userOf(req: IncomingMessage): UserRecord | undefined {
    return this.sessionOf(req)?.user;
  }

  /** The signed-in user and the counter their session works (null until chosen). */
  sessionOf(req: IncomingMessage): { user: UserRecord; counterId: number | null } | undefined {
    const found = this.sealedSession(req);
    return found && { user: found.user, counterId: found.columns.counterId };
  }

  /** Moves the request's session to another counter (the caller has checked it exists). */
  chooseCounter(req: IncomingMessage, counterId: number): void {
    const found = this.sealedSession(req);
    if (!found) return;
    const columns = { ...found.columns, counterId };
    this.store.users.setSessionCounter(columns.tokenHash, counterId, this.key.seal(columns));
  }

  /** The request's live session, if its row is sealed by our key and its user is as recorded. */
  private sealedSession(req: IncomingMessage) {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (!token) return undefined;
    const found = this.store.users.session(this.key.tokenHash(token), this.clock.now());
    if (!found || !this.key.sealMatches(found.columns, found.seal)) return undefined;
    if (!this.store.ledger.rowIsAsRecorded('user', found.user.id)) return undefined;
    return found;
  }

  /** The signed-in user, who must hold at least `role` (admin > manager > staff). */
  require(req: IncomingMessage, role: Role): UserRecord {
    return this.requireSession(req, role).user;
  }

  /** Like `require`, with the counter the session works. */
  requireSession(req: IncomingMessage, role: Role): { user: UserRecord; counterId: number | null } {
    const session = this.sessionOf(req);
    if (!session) throw new KhiuError('unauthenticated', 'sign in first (POST /api/session)', 401);
    const { user } = session;
    if (RANK[user.role] < RANK[role]) {
      throw new KhiuError(
        'forbidden',
        `this needs the ${role} role; ${user.username} is ${user.role}`,
        403,
      );
    }
    return session;
  }
}

const accountNotAsRecorded = (): KhiuError =>
  new KhiuError(
    'invalid_credentials',
    'this account differs from what the ledger recorded; an administrator must run khiu verify',
    401,
  );
