import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { clientAddress } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import { loginBody, parse } from '../schemas.ts';
import { DUMMY_HASH, verifyPassword } from '../passwords.ts';
import { KhiuError } from '../../core/errors.ts';

export function sessionRoutes(router: Router, { office, sessions, limiter }: ApiDeps): void {
  router.on('POST', '/api/session', async ({ req, res }) => {
    const { username, password } = parse(loginBody, await readJsonBody(req));
    const address = clientAddress(req);
    const wait = limiter.retryAfterMs(username, address);
    if (wait > 0) {
      throw new KhiuError(
        'too_many_attempts',
        `too many failed sign-ins; try again in ${Math.ceil(wait / 60_000)} minutes`,
        429,
      );
    }
    const user = office.ctx.store.users.byUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || !user.active) {
      limiter.fail(username, address);
      throw new KhiuError('invalid_credentials', 'wrong username or password', 401);
    }
    limiter.succeed(username);
    const { cookie } = sessions.create(user);
    sendJson(
      res,
      200,
      { user: { username: user.username, role: user.role } },
      { 'set-cookie': cookie },
    );
  });

  router.on('GET', '/api/session', ({ req, res }) => {
    const user = sessions.userOf(req);
    if (!user) throw new KhiuError('unauthenticated', 'not signed in', 401);
    sendJson(res, 200, { user: { username: user.username, role: user.role } });
  });

  router.on('DELETE', '/api/session', ({ req, res }) => {
    sendJson(res, 200, { ok: true }, { 'set-cookie': sessions.end(req) });
  });
}
