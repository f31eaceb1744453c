import type { IncomingMessage, ServerResponse } from 'node:http';
import { KhiuError } from '../core/errors.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
}

export type Handler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: Method;
  parts: string[];
  handler: Handler;
}

/**
 * Paths like /api/tickets/:id; wrong method on a known path is a 405, unknown path a 404.
 * HEAD runs the GET route: Node sends its status and headers and drops the body.
 */
export class Router {
  private readonly routes: Route[] = [];

  on(method: Method, path: string, handler: Handler): this {
    this.routes.push({ method, parts: path.split('/').filter(Boolean), handler });
    return this;
  }

  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } {
    const parts = pathname.split('/').filter(Boolean);
    const wanted = method === 'HEAD' ? 'GET' : method;
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchParts(route.parts, parts);
      if (!params) continue;
      if (route.method === wanted) return { handler: route.handler, params };
      allowed.push(route.method);
      if (route.method === 'GET') allowed.push('HEAD');
    }
    if (allowed.length > 0) {
      throw new KhiuError(
        'method_not_allowed',
        `${method} is not allowed on ${pathname}; use ${allowed.join(', ')}`,
        405,
      );
    }
    throw new KhiuError('not_found', `no such endpoint: ${method} ${pathname}`, 404);
  }
}

function matchParts(pattern: string[], actual: string[]): Record<string, string> | null {
  if (pattern.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i += 1) {
    const p = pattern[i]!;
    const a = actual[i]!;
    if (p.startsWith(':')) {
      let value: string;
      try {
        value = decodeURIComponent(a);
      } catch {
        return null;
      }
      params[p.slice(1)] = value;
    } else if (p !== a) {
      return null;
    }
  }
  return params;
}
