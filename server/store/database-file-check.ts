/**
 * Is this file a Khiu database we may open? Called before anything opens `khiu.db` for
 * writing (serve, startKhiu, seed-demo) and by the read-only commands (backup, verify):
 *
 *   checkDatabaseFile(file, options?): 'absent' | 'khiu'   throws DatabaseFileRefused otherwise
 *
 * 'absent' means no file: the caller decides (serve sets up a new office; verify and backup
 * refuse). A file that cannot be read at all (I/O error, a WAL it cannot open) throws a plain
 * Error "cannot read <file>: …", which is no verdict on its content. `verify` runs the full `PRAGMA integrity_check` itself; this runs only
 * `quick_check`, which is what start-up can afford (it reads every page but skips the
 * index-to-table cross-check), and skips even that for a file unchanged since the server closed
 * it cleanly after the same check (clean-close.ts).
 *
 * Why refuse instead of opening: SQLite happily turns an empty file into a new database and
 * writes our schema into anyone's SQLite file, so a truncated or misplaced `khiu.db` would
 * silently become a new office with no history, and a corrupt page would surface only as 500s
 * on the requests that touch it.
 */
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';

/** The one line the user sees: what is wrong with which file, and what to do about it. */
export class DatabaseFileRefused extends Error {
  constructor(
    readonly file: string,
    readonly reason: 'empty' | 'not_khiu' | 'corrupt',
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseFileRefused';
  }
}

/** The tables every Khiu database has had since migration 001. */
const KHIU_TABLES = ['schema_migrations', 'ledger'] as const;

export interface DatabaseFileCheckOptions {
  /**
   * The file is as the server left it at a clean close (`takeCleanClose`), whose quick_check
   * passed, so only the cheap checks run.
   */
  unchangedSinceCleanClose?: boolean;
}

export function checkDatabaseFile(
  file: string,
  options: DatabaseFileCheckOptions = {},
): 'absent' | 'khiu' {
  let size: number;
  try {
    const stat = statSync(file);
    if (!stat.isFile()) throw notKhiu(file, 'it is not a regular file');
    size = stat.size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
  if (size === 0) {
    throw new DatabaseFileRefused(
      file,
      'empty',
      `${file} is empty (0 bytes): not a Khiu database; move it away or restore a backup`,
    );
  }

  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw cannotRead(file, error);
  }
  try {
    db.pragma('busy_timeout = 5000');
    let tables: string[];
    try {
      tables = db
        .prepare(
          `SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (${KHIU_TABLES.map(() => '?').join(', ')})`,
        )
        .pluck()
        .all(...KHIU_TABLES) as string[];
    } catch (error) {
      // SQLITE_NOTADB: not an SQLite file at all. SQLITE_CORRUPT here means the schema
      // page itself is damaged, which quick_check would report the same way. Anything else
      // (a WAL file that cannot be opened, a lock held too long) says nothing about the file.
      if (isCode(error, 'SQLITE_NOTADB')) throw notKhiu(file, sqliteMessage(error));
      if (isCode(error, 'SQLITE_CORRUPT')) throw corrupt(file, sqliteMessage(error));
      throw cannotRead(file, error);
    }
    const missing = KHIU_TABLES.filter((name) => !tables.includes(name));
    if (missing.length > 0) {
      throw notKhiu(
        file,
        `an SQLite database without Khiu's ${missing.join(' and ')} table${missing.length > 1 ? 's' : ''}`,
      );
    }

    if (options.unchangedSinceCleanClose) return 'khiu';
    let firstProblem: string;
    try {
      firstProblem = String(db.pragma('quick_check(1)', { simple: true }));
    } catch (error) {
      // A badly damaged page can abort the check itself instead of being listed by it.
      throw corrupt(file, sqliteMessage(error));
    }
    if (firstProblem !== 'ok') throw corrupt(file, firstProblem);
    return 'khiu';
  } finally {
    db.close();
  }
}

/** Not a verdict on the file: the reason it could not be read, with the file named. */
function cannotRead(file: string, error: unknown): Error {
  return new Error(`cannot read ${file}: ${sqliteMessage(error)}`, { cause: error });
}

function notKhiu(file: string, why: string): DatabaseFileRefused {
  return new DatabaseFileRefused(
    file,
    'not_khiu',
    `${file} is not a Khiu database (${why}); move it away or restore a backup`,
  );
}

function corrupt(file: string, report: string): DatabaseFileRefused {
  // quick_check opens its report with a "*** in database main ***" header line.
  const line =
    report
      .split('\n')
      .map((text) => text.trim())
      .find((text) => text.length > 0 && !text.startsWith('***')) ?? report.trim();
  return new DatabaseFileRefused(
    file,
    'corrupt',
    `${file} fails SQLite's quick_check: ${line}; restore a backup (npm run khiu -- backup)`,
  );
}

function isCode(error: unknown, prefix: string): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith(prefix);
}

function sqliteMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
