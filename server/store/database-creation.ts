import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { runMigrations } from './migrate.ts';
import { NO_HARD_LINKS } from './data-dir-lock.ts';

/**
 * Makes a new office database at `file`, all at once: the schema is written to a draft beside
 * it, flushed, then linked into place (which fails if `file` appeared meanwhile, where a rename
 * would replace it). A start killed half-way leaves only a draft, never a `khiu.db` without
 * its tables, which the next start would have to refuse as not a Khiu database.
 */
export function createDatabaseFile(file: string): void {
  const draft = `${file}.new-${process.pid}`;
  const removeDraft = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(`${draft}${suffix}`, { force: true });
  };
  removeDraft();
  try {
    const db = new Database(draft);
    try {
      db.pragma('journal_mode = WAL');
      runMigrations(db);
    } finally {
      // The last connection's close checkpoints the WAL into the draft and removes it.
      db.close();
    }
    const fd = openSync(draft, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      linkSync(draft, file);
    } catch (error) {
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      // FAT or exFAT: by name; the data directory's lock keeps a second server from racing us.
      if (existsSync(file)) throw error;
      renameSync(draft, file);
    }
  } finally {
    removeDraft();
  }
}
