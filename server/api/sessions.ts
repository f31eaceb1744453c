import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Role } from '../contract/contract.ts';
import type { UserRecord } from '../core/records.ts';
import type { Store } from '../store/store.ts';
import type { Clock } from '../core/clock.ts';
import { KhiuError } from '../core/errors.ts';
import { parseCookies } from './http-io.ts';

export const SESSION_COOKIE = 'khiu_session';
const SESSION_TTL_MS = 12 * 60 * 60_000;
const RANK: Record<Role, number> = { staff: 1, manager: 2, admin: 3 };

const digest = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sign-in sessions: a random token in an httpOnly SameSite cookie; only its hash is stored. */
export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Served over HTTPS (--tls-cert): the browser must never send the cookie over plain HTTP. */
    private readonly options: { secureCookies?: boolean } = {},
  ) {}

  /** The attributes of every cookie this server sets; stations' cookies use them too. */
  get cookieAttributes(): string {
    return `HttpOnly; SameSite=Strict; Path=/${this.options.secureCookies ? '; Secure' : ''}`;
  }

  /** A new session for `user`, working `counterId` when one was chosen at sign-in. */
  create(user: UserRecord, counterId: number | null = null): { cookie: string } {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.store.users.purgeExpiredSessions(now);
    this.store.users.createSession(digest(token), user.id, now, now + SESSION_TTL_MS, counterId);
    return {
      cookie: `${SESSION_COOKIE}=${token}; ${this.cookieAttributes}; Max-Age=${SESSION_TTL_MS / 1000}`,
    };
  }

  end(req: IncomingMessage): string {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) this.store.users.deleteSession(digest(token));
    return `${SESSION_COOKIE}=; ${this.cookieAttributes}; Max-Age=0`;
  }

  userOf(req: IncomingMessage): UserRecord | undefined {
    return this.sessionOf(req)?.user;
  }

  /** The signed-in user and the counter their session works (null until chosen). */
  sessionOf(req: IncomingMessage): { user: UserRecord; counterId: number | null } | undefined {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    return token ? this.store.users.session(digest(token), this.clock.now()) : undefined;
  }

  /** Moves the request's session to another counter (the caller has checked it exists). */
  chooseCounter(req: IncomingMessage, counterId: number): void {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) this.store.users.setSessionCounter(digest(token), counterId);
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
