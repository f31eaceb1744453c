import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Perimeter } from './perimeter.ts';
import { sameOrigin } from './request-guard.ts';
import { applySecurityHeaders } from './security-headers.ts';

/**
 * socket.io's `allowRequest`: a handshake (polling or WebSocket) must name an allowed Host,
 * and, when a browser sends an `Origin`, this server's own. Browsers let any page open a
 * WebSocket to any address, cookies included, and WebSockets are outside CORS: only this
 * check keeps another origin's page from listening to the hall. Later requests of a
 * connection carry its session id, which only the handshake's answer reveals.
 */
export function realtimeHandshakeCheck(perimeter: Perimeter) {
  return (
    req: IncomingMessage,
    callback: (err: string | null | undefined, ok: boolean) => void,
  ) => {
    const host = req.headers.host;
    if (!perimeter.allowedHosts.allows(host)) {
      callback('host_not_allowed', false);
      return;
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !sameOrigin(origin, perimeter.scheme, host)) {
      callback('cross_origin', false);
      return;
    }
    callback(null, true);
  };
}

/** An engine.io middleware: socket.io's answers (and its errors) carry the security headers too. */
export function realtimeSecurityHeaders(
  _req: IncomingMessage,
  res: Pick<ServerResponse, 'setHeader'>,
  next: (err?: unknown) => void,
): void {
  applySecurityHeaders(res);
  next();
}
