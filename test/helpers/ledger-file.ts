import Database from 'better-sqlite3';
import { verifyLedger } from '../../server/store/ledger-verification.ts';
import type { LedgerVerification } from '../../server/contract/contract.ts';
import { sqliteShell } from './sqlite-shell.ts';

/** The ledger verification of a database file the server has let go of, read-only. */
export function verifyLedgerFile(file: string): LedgerVerification {
  const db = new Database(file, { readonly: true });
  try {
    return verifyLedger(db);
  } finally {
    db.close();
  }
}

/** The seq of the last ledger entry about one row (`entity`, `id`), read with the sqlite3 shell. */
export function lastLedgerEntry(file: string, entity: string, id: string | number): number {
  return Number(
    sqliteShell(
      file,
      `SELECT max(seq) FROM ledger WHERE entity = '${entity}' AND entity_id = '${id}'`,
    ).trim(),
  );
}
