import type { IncomingMessage } from 'node:http';
import { KhiuError } from '../core/errors.ts';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isStateChanging(method: string | undefined): boolean {
  return STATE_CHANGING.has(method ?? 'GET');
}

/**
 * Cross-site request forgery: a page on another origin (another port of the same host is
 * another origin, and SameSite cookies do not stop it) makes the victim's browser send a
 * request with the victim's cookie. Browsers say where a request comes from: `Origin` on
 * every POST, PUT, PATCH and DELETE, and `Sec-Fetch-Site`. A request with neither is not from
 * a browser (curl, a device agent, a script): it can forge any header, so it carries no one
 * else's cookie and needs credentials of its own for anything protected.
 */
export function checkSameOrigin(req: IncomingMessage, scheme: 'http' | 'https'): void {
  const origin = req.headers.origin;
  if (origin !== undefined) {
    if (sameOrigin(origin, scheme, req.headers.host)) return;
    throw new KhiuError(
      'cross_origin',
      `requests that change something must come from this server's own pages, not from ${origin}`,
      403,
    );
  }
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return;
  throw new KhiuError(
    'cross_origin',
    `requests that change something must come from this server's own pages (Sec-Fetch-Site: ${String(site)})`,
    403,
  );
}

/** Whether `origin` is exactly this server's scheme and the request's own Host. */
export function sameOrigin(
  origin: string,
  scheme: 'http' | 'https',
  host: string | undefined,
): boolean {
  if (!host) return false;
  let parsed: URL;
  let own: URL;
  try {
    parsed = new URL(origin);
    own = new URL(`${scheme}://${host}`);
  } catch {
    return false;
  }
  // URL drops default ports (:80, :443) on both sides, so "host:80" and "host" compare equal.
  return parsed.origin === own.origin && origin === parsed.origin;
}

/**
 * Every state-changing request declares a JSON body, even one without a body: a browser sends
 * `application/json` across origins only after a CORS preflight, which this server never
 * answers, so a cross-site form or bare fetch cannot reach a command.
 */
export function checkJsonContentType(req: IncomingMessage): void {
  const type = req.headers['content-type'] ?? '';
  if (/^application\/json\s*(;|$)/i.test(type)) return;
  throw new KhiuError(
    'unsupported_media_type',
    'requests that change something must be sent as Content-Type: application/json',
    415,
  );
}
