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
