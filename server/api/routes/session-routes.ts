import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { clientAddress } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import { chooseCounterBody, loginBody, parse } from '../schemas.ts';
import { DUMMY_HASH, verifyPassword } from '../passwords.ts';
import { KhiuError, notFound } from '../../core/errors.ts';
import type { SessionUser } from '../../contract/contract.ts';
import type { UserRecord } from '../../core/records.ts';

const sessionUser = (user: UserRecord, counterId: number | null): SessionUser => ({
  username: user.username,
  role: user.role,
  counterId,
});

export function sessionRoutes(router: Router, { office, sessions, limiter }: ApiDeps): void {
  const mustBeCounter = (counterId: number): void => {
    if (!office.ctx.store.counters.get(counterId)) throw notFound('counter', counterId);
  };

  router.on('POST', '/api/session', async ({ req, res }) => {
    const { username, password, counterId } = parse(loginBody, await readJsonBody(req));
    if (counterId !== undefined) mustBeCounter(counterId);
    // Reserved before the password is checked, so parallel guesses cannot outrun the count.
    const reservation = limiter.reserve(username, clientAddress(req));
    if (!('attempt' in reservation)) {
      throw new KhiuError(
        'too_many_attempts',
        `too many failed sign-ins; try again in ${Math.ceil(reservation.retryAfterMs / 60_000)} minutes`,
        429,
      );
    }
    const user = office.ctx.store.users.byUsername(username);
    let ok = false;
    try {
      ok = (await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)) && !!user?.active;
    } finally {
      limiter.settle(reservation.attempt, ok);
    }
    if (!ok || !user) throw new KhiuError('invalid_credentials', 'wrong username or password', 401);
    const chosen = counterId ?? null;
    const { cookie } = sessions.create(user, chosen);
    sendJson(res, 200, { user: sessionUser(user, chosen) }, { 'set-cookie': cookie });
  });

  router.on('GET', '/api/session', ({ req, res }) => {
    const session = sessions.sessionOf(req);
    if (!session) throw new KhiuError('unauthenticated', 'not signed in', 401);
    sendJson(res, 200, { user: sessionUser(session.user, session.counterId) });
  });

  router.on('PUT', '/api/session/counter', async ({ req, res }) => {
    sessions.require(req, 'staff');
    const { counterId } = parse(chooseCounterBody, await readJsonBody(req));
    mustBeCounter(counterId);
    const { user } = sessions.requireSession(req, 'staff');
    sessions.chooseCounter(req, counterId);
    sendJson(res, 200, { user: sessionUser(user, counterId) });
  });

  router.on('DELETE', '/api/session', ({ req, res }) => {
    sendJson(res, 200, { ok: true }, { 'set-cookie': sessions.end(req) });
  });
}
