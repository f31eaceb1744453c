import type { Db } from './database.ts';
import type { LedgerVerification } from '../contract/contract.ts';
import { GENESIS_HASH } from './ledger.ts';
import { walkChain } from './ledger-chain.ts';
import { compareTrackedRows } from './ledger-rows-check.ts';
import { compareDerivedTables } from './derived-tables-check.ts';
import { compareClientRequests } from './client-requests-check.ts';
import {
  LedgerHeadUnreadable,
  headFileOf,
  headProblem,
  readLedgerHead,
  type LedgerHead,
} from './ledger-head.ts';

export interface VerifyOptions {
  /** The head file to hold the ledger against; by default `ledger.head` beside the database. */
  headFile?: string | null;
}

/**
 * Everything `khiu verify` and `GET /api/ledger/verify` check, naming the first broken place:
 * SQLite's integrity_check (a damaged page), the hash chain over the entries as stored, the
 * tail against `ledger.head`, every tracked row against its last recorded state, the counts
 * derived from the tickets, and the stored answers to retried requests.
 *
 * It only reads, in one read transaction: the ledger and every table are one snapshot, so the
 * answer is right while the server is writing (entries and rows committed after the snapshot
 * began are seen by neither). Linear in the ledger and the tables; the chain pass keeps one
 * digest per recorded row.
 */
export function verifyLedger(db: Db, options: VerifyOptions = {}): LedgerVerification {
  const headFile = options.headFile === undefined ? headFileOf(db.name) : options.headFile;
  // Read before the snapshot starts: the file names only entries already committed, so the
  // snapshot holds at least as much as it names.
  let recorded: LedgerHead | null = null;
  let unreadable: string | null = null;
  try {
    recorded = headFile ? readLedgerHead(headFile) : null;
  } catch (error) {
    if (!(error instanceof LedgerHeadUnreadable)) throw error;
    unreadable = error.message;
  }
  return db.transaction(() => verifySnapshot(db, recorded, unreadable))();
}

function verifySnapshot(
  db: Db,
  recorded: LedgerHead | null,
  headUnreadable: string | null,
): LedgerVerification {
  const damage = integrityProblem(db);
  if (damage) return { ok: false, ...lastEntry(db), problem: damage };

  const chain = walkChain(db);
  if (!chain.ok) {
    return { ok: false, ...lastEntry(db), brokenAt: chain.brokenAt, problem: chain.problem };
  }
  const whole = { length: chain.length, headHash: chain.headHash };
  if (headUnreadable) return { ok: false, ...whole, problem: headUnreadable };
  if (recorded) {
    const problem = headProblem(db, recorded, chain.length);
    if (problem) {
      const brokenAt = chain.length < recorded.seq ? chain.length + 1 : recorded.seq;
      return { ok: false, ...whole, brokenAt, problem };
    }
  }
  const row = compareTrackedRows(db, chain.recorded);
  if (row) return { ok: false, ...whole, ...row };
  const derived = compareDerivedTables(db) ?? compareClientRequests(db);
  if (derived) return { ok: false, ...whole, problem: derived };
  return { ok: true, ...whole };
}

/** SQLite's own check of every page and index; its first line names the damage. */
function integrityProblem(db: Db): string | null {
  let first: string;
  try {
    first = String(db.prepare('PRAGMA integrity_check(1)').pluck().get());
  } catch (error) {
    // A page damaged badly enough aborts the check instead of being listed by it.
    return `integrity_check failed: ${(error as Error).message}`;
  }
  if (first === 'ok') return null;
  const lines = first
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !/^\*\*\* in database \w+ \*\*\*$/.test(line));
  return `integrity_check failed: ${lines[0] ?? first}`;
}

/** The ledger's extent as it stands, for a broken answer; a damaged ledger may not say. */
function lastEntry(db: Db): { length: number; headHash: string } {
  try {
    const last = db.prepare('SELECT count(*) AS n, max(seq) AS seq FROM ledger').get() as {
      n: number;
      seq: number | null;
    };
    const hash =
      last.seq === null
        ? GENESIS_HASH
        : (db.prepare('SELECT hash FROM ledger WHERE seq = ?').pluck().get(last.seq) as string);
    return { length: last.n, headHash: hash };
  } catch {
    return { length: 0, headHash: GENESIS_HASH };
  }
}
