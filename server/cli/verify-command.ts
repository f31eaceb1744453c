import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyLedger } from '../store/ledger-verification.ts';
import { checkDatabaseFile, DatabaseFileRefused } from '../store/database-file-check.ts';
import { LEDGER_HEAD_FILE } from '../store/ledger-head.ts';
import { DATABASE_FILE } from '../app.ts';
import { parseArgs, requireOption, UsageError } from './args.ts';

/**
 * verify --data DIR: exit 0 when the ledger and every table are intact, 1 naming the first
 * broken place. Opens the database read-only: it never creates, migrates or writes anything,
 * so it can be run on a copy, on evidence, and beside the running server.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['data']);
  const dataDir = requireOption(options, 'data');
  const file = join(dataDir, DATABASE_FILE);
  try {
    if (checkDatabaseFile(file) === 'absent') throw new UsageError(`no Khiu database at ${file}`);
  } catch (error) {
    // A damaged page is what integrity_check below names; an empty or foreign file is not ours.
    if (!(error instanceof DatabaseFileRefused) || error.reason !== 'corrupt') throw error;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = verifyLedger(db);
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) {
      process.stderr.write(
        `ledger BROKEN${result.brokenAt ? ` at entry ${result.brokenAt}` : ''}: ${result.problem}\n`,
      );
      return 1;
    }
    if (!existsSync(join(dataDir, LEDGER_HEAD_FILE)))
      process.stderr.write(
        `no ${LEDGER_HEAD_FILE} beside the database: deleted last entries could not be noticed\n`,
      );
    process.stderr.write(`ledger intact: ${result.length} entries, head ${result.headHash}\n`);
    return 0;
  } finally {
    db.close();
  }
}
