import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Router } from './router.ts';
import type { ApiDeps } from './api-deps.ts';
import { sendError } from './http-io.ts';
import { KhiuError } from '../core/errors.ts';
import { publicRoutes } from './routes/public-routes.ts';
import { sessionRoutes } from './routes/session-routes.ts';
import { staffRoutes } from './routes/staff-routes.ts';
import { managerRoutes } from './routes/manager-routes.ts';
import { adminRoutes } from './routes/admin-routes.ts';
import { deviceRoutes } from './routes/device-routes.ts';
import { reportRoutes } from './routes/report-routes.ts';
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
  return router;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/** The HTTP server: /api goes to the router; errors become {"error":{code,message}}, never a stack trace. */
export function createHttpServer(deps: ApiDeps, log: Logger, staticDir?: string): Server {
  const router = buildRouter(deps);
  return createServer(async (req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
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
        sendError(res, error, headers);
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
  });
}
