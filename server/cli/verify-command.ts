import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../store/database.ts';
import { Ledger } from '../store/ledger.ts';
import { DATABASE_FILE } from '../app.ts';
import { parseArgs, requireOption, UsageError } from './args.ts';

/** verify --data DIR: recomputes the ledger; exit 0 when intact, 1 naming the first broken link. */
export async function verifyCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['data']);
  const file = join(requireOption(options, 'data'), DATABASE_FILE);
  if (!existsSync(file)) throw new UsageError(`no Khiu database at ${file}`);
  const db = openDatabase(file);
  try {
    const result = new Ledger(db).verify();
    process.stdout.write(`${JSON.stringify(result)}\n`);
    if (!result.ok) {
      process.stderr.write(
        `ledger BROKEN${result.brokenAt ? ` at entry ${result.brokenAt}` : ''}: ${result.problem}\n`,
      );
      return 1;
    }
    process.stderr.write(`ledger intact: ${result.length} entries, head ${result.headHash}\n`);
    return 0;
  } finally {
    db.close();
  }
}
