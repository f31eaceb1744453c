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
  ) {}

  create(user: UserRecord): { cookie: string } {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    this.store.users.purgeExpiredSessions(now);
    this.store.users.createSession(digest(token), user.id, now, now + SESSION_TTL_MS);
    return {
      cookie: `${SESSION_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${SESSION_TTL_MS / 1000}`,
    };
  }

  end(req: IncomingMessage): string {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    if (token) this.store.users.deleteSession(digest(token));
    return `${SESSION_COOKIE}=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0`;
  }

  userOf(req: IncomingMessage): UserRecord | undefined {
    const token = parseCookies(req.headers.cookie).get(SESSION_COOKIE);
    return token ? this.store.users.userOfSession(digest(token), this.clock.now()) : undefined;
  }

  /** The signed-in user, who must hold at least `role` (admin > manager > staff). */
  require(req: IncomingMessage, role: Role): UserRecord {
    const user = this.userOf(req);
    if (!user) throw new KhiuError('unauthenticated', 'sign in first (POST /api/session)', 401);
    if (RANK[user.role] < RANK[role]) {
      throw new KhiuError(
        'forbidden',
        `this needs the ${role} role; ${user.username} is ${user.role}`,
        403,
      );
    }
    return user;
  }
}
