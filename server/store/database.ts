import Database from 'better-sqlite3';
import { runMigrations } from './migrate.ts';
import { checkDatabaseFile } from './database-file-check.ts';
import { createDatabaseFile } from './database-creation.ts';
import { takeCleanClose } from './clean-close.ts';

export type Db = Database.Database;

/** The page cache of the server's connection, in KiB. */
export const PAGE_CACHE_KIB = 2000;

/**
 * Opens (creating if needed) the office database and brings its schema up to date.
 * The server is the only writer (DESIGN.md: one writer).
 */
export function openDatabase(file: string): Db {
  // An empty, foreign or damaged file is refused (DatabaseFileRefused) before SQLite would
  // turn it into a new office or write our schema into it; only a missing file is created.
  // A file untouched since the server's last clean close skips the page-by-page check.
  const unchangedSinceCleanClose = takeCleanClose(file);
  if (checkDatabaseFile(file, { unchangedSinceCleanClose }) === 'absent') createDatabaseFile(file);
  const db = new Database(file, { fileMustExist: true });
  // WAL: the displays and reports read while the counters write, without blocking.
  db.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit is in the WAL file (the OS page cache) before the
  // HTTP answer goes out, so an acknowledged ticket survives a killed or crashed
  // server process. Only a power cut or kernel crash can lose the last commits;
  // FULL would fsync every ticket and cut throughput several times on slow disks.
  db.pragma('synchronous = NORMAL');
  // A backup or the sqlite3 shell may hold a lock for a moment; wait, don't fail.
  db.pragma('busy_timeout = 5000');
  // better-sqlite3 builds SQLite with a 16 MiB page cache per connection; SQLite's own default
  // is 2 MiB. What the queue touches (the newest tickets and ledger entries, the waiting
  // indexes) fits in 2 MiB, and any other page is one read from the OS's cache away. The 16 MiB
  // filled as the day went on: RSS after 100,000 tickets 116 -> 101 MiB, same throughput
  // (docs/benchmarks.md).
  db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
  db.pragma('foreign_keys = ON');
  runMigrations(db);
  return db;
}
