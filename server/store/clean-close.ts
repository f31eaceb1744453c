/**
 * Whether `khiu.db` is exactly as the office server left it when it last closed cleanly, with
 * its pages checked, so that start-up may skip SQLite's quick_check (it reads every page:
 * 220 ms of a start on a 258 MB database, growing with the history).
 *
 *   closeCleanly(db)         closes the server's last connection; when SQLite's quick_check of
 *                            its pages passes, writes `khiu.db.closed`
 *   takeCleanClose(file)     before the server opens the file: true when the file still matches
 *                            it; the record is deleted either way
 *
 * The page check moves from the next start to this stop, where it costs the same (it reads
 * every page) but nobody waits at a kiosk for it; a page damaged while the server ran is named
 * there and the next start checks again.
 *
 * The record is the file's identity and its change time to the nanosecond (ctime, which no
 * program can set back: `touch -d` moves mtime and sets ctime to now), its size and mtime.
 * Any writer after the close (the sqlite3 shell, a restored backup, a disk tool) changes ctime;
 * a crash or a kill leaves no record, because it is taken away before the server writes. A
 * page the disk itself damages at rest is not caught at start then; the chain check that
 * /transparency runs in the background includes the full `integrity_check`, and
 * `khiu verify` runs it too.
 */
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { Db } from './database.ts';

interface FileState {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
}

const recordOf = (file: string): string => `${file}.closed`;

function stateOf(file: string): FileState {
  const stat = statSync(file, { bigint: true });
  return {
    dev: String(stat.dev),
    ino: String(stat.ino),
    size: String(stat.size),
    mtimeNs: String(stat.mtimeNs),
    ctimeNs: String(stat.ctimeNs),
  };
}

/** A WAL with frames holds commits the main file does not: the file alone is not the database. */
function hasWal(file: string): boolean {
  const wal = `${file}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}

/**
 * Checks the pages through the server's connection (the WAL included), closes it, and records
 * the file as cleanly closed when they are sound. Call with the last connection the server has
 * open. Returns the first problem quick_check named, or null.
 */
export function closeCleanly(db: Db): string | null {
  const file = db.name;
  let problem: string | null;
  try {
    const first = String(db.pragma('quick_check(1)', { simple: true }));
    problem = first === 'ok' ? null : first;
  } catch (error) {
    problem = (error as Error).message;
  }
  db.close();
  if (problem === null) recordCleanClose(file);
  return problem;
}

/**
 * Records the file as closed. Call after every connection of the server closed; writes nothing
 * when a WAL remains (another connection is still open), so the next start checks the pages.
 */
export function recordCleanClose(file: string): void {
  if (!existsSync(file) || hasWal(file)) return;
  const record = recordOf(file);
  const staging = `${record}.${process.pid}`;
  writeFileSync(staging, `${JSON.stringify(stateOf(file))}\n`);
  renameSync(staging, record);
}

/** True when the file is unchanged since a recorded clean close. Removes the record. */
export function takeCleanClose(file: string): boolean {
  const record = recordOf(file);
  let recorded: FileState;
  try {
    recorded = JSON.parse(readFileSync(record, 'utf8')) as FileState;
  } catch {
    // No record (the first start, a crash, a kill) or an unreadable one: check the pages.
    rmSync(record, { force: true });
    return false;
  }
  rmSync(record, { force: true });
  if (!existsSync(file) || hasWal(file)) return false;
  const now = stateOf(file);
  return (Object.keys(now) as (keyof FileState)[]).every((key) => now[key] === recorded[key]);
}
