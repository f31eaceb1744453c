import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../app.ts';
import { parseArgs, requireOption, UsageError } from './args.ts';
import { checkDatabaseFile } from '../store/database-file-check.ts';

/** backup --data DIR --out FILE: SQLite's online backup, safe while the server runs. */
export async function backupCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['data', 'out']);
  const file = join(requireOption(options, 'data'), DATABASE_FILE);
  const out = requireOption(options, 'out');
  // An empty, foreign or damaged file is refused: a backup of it would restore nothing.
  if (checkDatabaseFile(file) === 'absent') throw new UsageError(`no Khiu database at ${file}`);
  if (existsSync(out)) throw new UsageError(`${out} exists; choose a new file`);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    const { totalPages } = await db.backup(out);
    process.stdout.write(`backed up ${totalPages} pages to ${out}\n`);
    return 0;
  } finally {
    db.close();
  }
}
