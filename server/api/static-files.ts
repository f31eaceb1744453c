import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { KhiuError } from '../core/errors.ts';
import { FILE_TYPES } from '../core/file-types.ts';

/** Each station's page: the first path segment picks the built HTML entry. */
const STATION_PAGES: Record<string, string> = {
  '': 'index.html',
  kiosk: 'kiosk.html',
  counter: 'counter.html',
  display: 'display.html',
  rate: 'rate.html',
  standards: 'standards.html',
  t: 't.html',
  admin: 'admin.html',
  manager: 'manager.html',
  transparency: 'transparency.html',
};

/**
 * Serves the built renderer (dist/renderer): station URLs map to their HTML
 * entry, everything else must be a file inside the directory. Returns false when
 * the request is not for a page or asset this directory has.
 */
export function serveStatic(
  dir: string,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const station = pathname.split('/')[1] ?? '';
  const page = STATION_PAGES[station];
  if (page && !extname(pathname) && !existsSync(dir)) {
    sendScreensNotBuilt(res, req.method === 'HEAD');
    return true;
  }
  let file: string;
  if (page && !extname(pathname)) {
    file = join(dir, page);
  } else {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      throw new KhiuError('not_found', `no such file: ${pathname}`, 404);
    }
    file = normalize(join(dir, decoded));
    if (!file.startsWith(dir.endsWith(sep) ? dir : dir + sep)) return false;
  }
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  const hashedAsset = pathname.startsWith('/assets/');
  res.writeHead(200, {
    'content-type': FILE_TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': statSync(file).size,
    // Vite puts a content hash in asset names; pages must always be fresh.
    'cache-control': hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') {
    res.end();
  } else {
    createReadStream(file).pipe(res);
  }
  return true;
}

/** What to do on a checkout whose screens were never built; `serve` logs it once too. */
export const SCREENS_NOT_BUILT_HINT =
  'the station screens are not built: run `npm run build:renderer` (or `npm start`, which builds them), then reload';

/**
 * A station page asked of a server whose screens were never built: a short page that says how
 * to build them, instead of a JSON 404 that looks like a broken URL.
 */
function sendScreensNotBuilt(res: ServerResponse, headOnly: boolean): void {
  const html = `<!doctype html><html lang="th"><meta charset="utf-8"><title>Khiu</title>
<h1>ยังไม่ได้สร้างหน้าจอของสถานี</h1>
<p>Khiu: ${SCREENS_NOT_BUILT_HINT.replace(/`([^`]+)`/g, '<code>$1</code>')}.</p>`;
  res.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-cache',
  });
  res.end(headOnly ? undefined : html);
}
