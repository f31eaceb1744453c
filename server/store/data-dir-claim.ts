import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { lockDataDir, type DataDirLock } from './data-dir-lock.ts';

/** The data directory cannot be used for writing; the message is the one line the user sees. */
export class DataDirUnwritable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirUnwritable';
  }
}

/**
 * What a writer (serve, start, seed-demo) does before it opens the database: makes the data
 * directory, takes its lock, and makes sure the database can be written. On a read-only mount
 * SQLite opens the file read-only without a word and fails only at the first write, with
 * "attempt to write a readonly database" in the middle of setting up the office; this says
 * what is wrong before anything is opened.
 */
export function claimDataDir(dataDir: string, databaseFile: string): DataDirLock {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw unwritable(dataDir, 'data directory', whyNotWritable(dataDir) ?? error);
  }
  let lock: DataDirLock;
  try {
    // Creating the lock file is also the test that the directory takes new files.
    lock = lockDataDir(dataDir);
  } catch (error) {
    throw unwritable(dataDir, 'data directory', error);
  }
  try {
    // WAL mode writes beside the database too; an old -wal or -shm may be read-only alone.
    for (const file of [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`]) {
      if (!existsSync(file)) continue;
      try {
        accessSync(file, constants.W_OK);
      } catch (error) {
        throw unwritable(file, 'database file', error);
      }
    }
  } catch (error) {
    lock.release();
    throw error;
  }
  return lock;
}

/**
 * Why the nearest existing ancestor of `dir` cannot be written, if it cannot: Node's recursive
 * mkdir reports ENOENT for a parent on a read-only mount, not EROFS.
 */
function whyNotWritable(dir: string): unknown {
  for (let path = resolve(dir); ; path = dirname(path)) {
    if (existsSync(path)) {
      try {
        accessSync(path, constants.W_OK);
        return undefined;
      } catch (error) {
        return error;
      }
    }
    if (dirname(path) === path) return undefined;
  }
}

/** Errors that mean "cannot write here", told in one line; any other error passes unchanged. */
function unwritable(path: string, what: string, error: unknown): unknown {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'EROFS':
      return new DataDirUnwritable(
        `cannot write to ${path}: the ${what} is read-only (a read-only mount); remount it read-write, or give Khiu a writable --data directory`,
      );
    case 'EACCES':
    case 'EPERM':
      return new DataDirUnwritable(
        `cannot write to ${path}: the ${what} is read-only for this user${
          process.getuid ? ` (uid ${process.getuid()})` : ''
        }; give it to the user that runs Khiu, or give Khiu a writable --data directory`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new DataDirUnwritable(
        `cannot write to ${path}: the disk is full; free some space and start Khiu again`,
      );
    default:
      return error;
  }
}
