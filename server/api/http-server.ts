import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import { Router } from './router.ts';
import type { ApiDeps } from './api-deps.ts';
import { clientAddress } from './api-deps.ts';
import { sendError } from './http-io.ts';
import { applySecurityHeaders } from './security-headers.ts';
import { checkJsonContentType, checkSameOrigin, isStateChanging } from './request-guard.ts';
import { RateLimited } from './anonymous-rate-limit.ts';
import type { Perimeter } from './perimeter.ts';
import { KhiuError } from '../core/errors.ts';
import { storageFullError } from './storage-full.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { staffRoutes } from './routes/staff-routes.ts';
import { managerRoutes } from './routes/manager-routes.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { deviceRoutes } from './routes/device-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
import { publicationRoutes } from './routes/publication-routes.ts';
import { stationRoutes } from './routes/station-routes.ts';
import { transparencyRoutes } from './routes/transparency-routes.ts';
import { complaintRoutes } from './routes/complaint-routes.ts';
import { serveStatic } from './static-files.ts';

export type Logger = (line: string) => void;

export function buildRouter(deps: ApiDeps): Router {
  const router = new Router();
  publicRoutes(router, deps);
  sessionRoutes(router, deps);
  staffRoutes(router, deps);
  managerRoutes(router, deps);
  adminRoutes(router, deps);
  deviceRoutes(router, deps);
  reportRoutes(router, deps);
  publicationRoutes(router, deps);
  stationRoutes(router, deps);
  transparencyRoutes(router, deps);
  complaintRoutes(router, deps);
  return router;
}

export interface HttpServerOptions {
  log: Logger;
  perimeter: Perimeter;
  staticDir?: string | undefined;
  /** PEM certificate and key: serve HTTPS instead of HTTP. */
  tls?: { cert: Buffer; key: Buffer } | undefined;
}

/**
 * The HTTP(S) server: every answer carries the security headers; the Host, the origin and
 * content type of state-changing requests and the anonymous endpoints' rate are checked
 * before anything else; /api goes to the router; errors become {"error":{code,message}},
 * never a stack trace.
 */
export function createHttpServer(deps: ApiDeps, options: HttpServerOptions): Server {
  const { log, perimeter, staticDir } = options;
  const router = buildRouter(deps);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    applySecurityHeaders(res);
    try {
      perimeter.allowedHosts.check(req.headers.host);
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (isStateChanging(req.method)) {
        checkSameOrigin(req, perimeter.scheme);
        checkJsonContentType(req);
      }
      perimeter.anonymousRate.check(req.method ?? 'GET', url.pathname, clientAddress(req));
      if (
        staticDir &&
        !url.pathname.startsWith('/api/') &&
        serveStatic(staticDir, req, res, url.pathname)
      )
        return;
      const { handler, params } = router.match(req.method ?? 'GET', url.pathname);
      await handler({ req, res, params, query: url.searchParams });
    } catch (error) {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (error instanceof KhiuError) {
        const headers: Record<string, string> = error.status === 413 ? { connection: 'close' } : {};
        if (error instanceof RateLimited) headers['retry-after'] = String(error.retryAfterSeconds);
        sendError(res, error, headers);
        return;
      }
      const full = storageFullError(error);
      if (full) {
        // One short line per refused request: the cause is known, a stack adds nothing.
        log(`disk full on ${req.method} ${req.url}: ${(error as Error).message}`);
        sendError(res, full);
        return;
      }
      log(
        `internal error on ${req.method} ${req.url}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      sendError(
        res,
        new KhiuError(
          'internal_error',
          'the server could not complete this request; it has been logged',
          500,
        ),
      );
    }
  };
  return options.tls
    ? createTlsServer({ cert: options.tls.cert, key: options.tls.key }, handle)
    : createServer(handle);
}
