import type { Db } from './database.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { TRACKED, stateOf, type LedgerEntity } from './ledger.ts';
import { stateDigest, type RecordedStates } from './ledger-chain.ts';

export interface RowProblem {
  brokenAt?: number;
  problem: string;
}

/**
 * Every row of every tracked table against its last recorded state: a row changed, added
 * or deleted behind the ledger's back is named. One pass per table; `recorded` is consumed
 * (what is left of an entity after its table is read was deleted from the database).
 */
export function compareTrackedRows(db: Db, recorded: RecordedStates): RowProblem | null {
  for (const [entity, { table, key }] of Object.entries(TRACKED)) {
    const states = recorded.get(entity)!;
    // A database from before a table's migration has no rows of it to hold (verify never
    // migrates); any state the ledger recorded for it is then named as deleted below.
    const rows: Iterable<Record<string, unknown>> = tableExists(db, table)
      ? (db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<
          Record<string, unknown>
        >)
      : [];
    for (const row of rows) {
      const id = String(row[key]);
      const state = states.get(id);
      // Returning from inside for-of ends the statement (the iterator's return()).
      if (!state) return { problem: `${entity} ${id} is in the database but not in the ledger` };
      if (state.digest !== stateDigest(canonicalJson(stateOf(entity as LedgerEntity, row)))) {
        return {
          brokenAt: state.seq,
          problem: `${entity} ${id} differs from its state recorded at entry ${state.seq}`,
        };
      }
      states.delete(id);
    }
    for (const [id, state] of states) {
      return { brokenAt: state.seq, problem: `${entity} ${id} was deleted from the database` };
    }
  }
  return null;
}

const tableExists = (db: Db, table: string): boolean =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !==
  undefined;
