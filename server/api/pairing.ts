import type { ServerResponse } from 'node:http';

const BASE = 'http://khiu.invalid';

/**
 * Where /pair may send the browser: a path of this server, never another site. The value is
 * parsed the way the browser will parse the Location header (tabs and newlines dropped,
 * backslashes read as slashes), and only its path and query are kept, so `//evil.example`,
 * `/\evil.example` and `https://evil.example` all fail. Returns null when it is not such a path.
 */
export function sameOriginPath(next: string): string | null {
  if (next.length > 300 || !next.startsWith('/')) return null;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  const path = url.pathname + url.search;
  // The path as kept must itself read as a path on any browser, not a network location.
  if (path.startsWith('//') || path.includes('\\')) return null;
  return path;
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * The page a person sees when a pairing link does not work: a station is set up by
 * opening a link, so the answer is a page, not JSON. No script and no style (the CSP
 * allows neither inline).
 */
export function sendPairingProblem(
  res: ServerResponse,
  status: 400 | 401,
  code: string,
  th: string,
  en: string,
): void {
  const html =
    '<!doctype html><html lang="th"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width">' +
    '<title>Khiu: pairing</title></head><body>' +
    `<h1>จับคู่สถานีไม่สำเร็จ / This station could not be paired</h1>` +
    `<p>${escapeHtml(th)}</p><p>${escapeHtml(en)}</p>` +
    `<p><code>${escapeHtml(code)}</code></p></body></html>`;
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
  });
  res.end(html);
}
