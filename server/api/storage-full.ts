import { KhiuError } from '../core/errors.ts';

/**
 * A full disk, as better-sqlite3 reports it (SqliteError code SQLITE_FULL: the command's
 * transaction was rolled back, nothing of it is stored) or as Node does for a file the request
 * writes itself (ENOSPC, EDQUOT). It is the office's to fix, not a bug: the answer says so, and
 * the same request succeeds once space is freed.
 */
export function storageFullError(error: unknown): KhiuError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code !== 'SQLITE_FULL' && code !== 'ENOSPC' && code !== 'EDQUOT') return undefined;
  return new KhiuError(
    'storage_full',
    "the office server's disk is full, so nothing was saved; free disk space on the server and try again",
    507,
  );
}
