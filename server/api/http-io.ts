import type { IncomingMessage, ServerResponse } from 'node:http';
import { KhiuError } from '../core/errors.ts';

/** Bodies are small JSON objects; anything larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string | string[]> = {},
): void {
  if (status === 204) {
    res.writeHead(204, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

export function sendError(
  res: ServerResponse,
  error: KhiuError,
  headers: Record<string, string> = {},
): void {
  sendJson(res, error.status, { error: { code: error.code, message: error.message } }, headers);
}

/**
 * Reads and parses a JSON body. An empty body is `undefined` (commands without a
 * payload, such as call-next, may be sent bare); a body must be application/json.
 */
export async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    throw new KhiuError(
      'body_too_large',
      `request body is larger than ${MAX_BODY_BYTES} bytes`,
      413,
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) {
      req.resume();
      throw new KhiuError(
        'body_too_large',
        `request body is larger than ${MAX_BODY_BYTES} bytes`,
        413,
      );
    }
    chunks.push(chunk);
  }
  if (size === 0) return undefined;
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) {
    throw new KhiuError('unsupported_media_type', 'send the body as application/json', 415);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new KhiuError('invalid_json', 'the request body is not valid JSON', 400);
  }
}

/**
 * The request's cookies. The Cookie header carries every cookie of the host, including other
 * applications' on other ports: one that is not valid percent-encoding (`other=100%`) is
 * skipped, never an error for the request.
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      // The first of two cookies with one name is the most specific path's (RFC 6265 5.4).
      if (!cookies.has(name)) cookies.set(name, decodeURIComponent(part.slice(eq + 1).trim()));
    } catch {
      // Not ours to read.
    }
  }
  return cookies;
}
