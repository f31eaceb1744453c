import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Db } from './database.ts';

/**
 * `ledger.head`, beside the database: the seq and hash of the ledger's last entry, as the
 * server last saw it committed and on disk. A hash chain proves that nothing inside it was
 * changed, but not that nothing was cut off its end: whoever deletes the last entries (and
 * the rows they record, a day's ratings) leaves a shorter chain that is still whole. The file
 * remembers how far the ledger reached, so `verify` and start-up notice that it got shorter.
 * Whoever can also rewrite this file can still cut the tail unseen; the published daily
 * checkpoints are what hold against them.
 */
export const LEDGER_HEAD_FILE = 'ledger.head';

export interface LedgerHead {
  seq: number;
  hash: string;
}

/** The head file of a database file (`:memory:` and temporary databases have none). */
export function headFileOf(databaseFile: string): string | null {
  return databaseFile === '' || databaseFile === ':memory:'
    ? null
    : join(dirname(databaseFile), LEDGER_HEAD_FILE);
}

export class LedgerHeadUnreadable extends Error {}

/** The head the file records; null when there is no file yet (a new office, an upgrade). */
export function readLedgerHead(file: string): LedgerHead | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new LedgerHeadUnreadable(`${file} cannot be read: ${(error as Error).message}`);
  }
  let head: Partial<LedgerHead>;
  try {
    head = JSON.parse(text) as Partial<LedgerHead>;
  } catch {
    head = {};
  }
  if (
    !Number.isSafeInteger(head.seq) ||
    head.seq! < 1 ||
    typeof head.hash !== 'string' ||
    !/^[0-9a-f]{64}$/.test(head.hash)
  ) {
    throw new LedgerHeadUnreadable(
      `${file} does not hold a ledger head ({"seq":N,"hash":"<64 hex digits>"}); ` +
        'if you know why, move it away and run khiu verify',
    );
  }
  return { seq: head.seq!, hash: head.hash };
}

export const formatLedgerHead = (head: LedgerHead): string =>
  `${JSON.stringify({ seq: head.seq, hash: head.hash })}\n`;

/**
 * What is wrong with the ledger in `db` given the head the file recorded, or null. The file
 * may lag the ledger (it is written after the commit), never lead it.
 */
export function headProblem(db: Db, recorded: LedgerHead, length: number): string | null {
  if (length < recorded.seq) {
    return `the ledger ends at entry ${length} but ${LEDGER_HEAD_FILE} records entry ${recorded.seq}: its last entries were deleted`;
  }
  const entry = db.prepare('SELECT hash FROM ledger WHERE seq = ?').get(recorded.seq) as
    { hash: string } | undefined;
  if (entry?.hash !== recorded.hash) {
    return `entry ${recorded.seq} of the ledger is not the one ${LEDGER_HEAD_FILE} records (hash ${recorded.hash.slice(0, 12)}…): the ledger was cut and written again from there`;
  }
  return null;
}

/** Start-up refuses a ledger that lost entries; the message is the one line the user sees. */
export class LedgerCut extends Error {}

/**
 * Start-up's check, before anything is written: the ledger must still reach the entry
 * `ledger.head` records, with the same hash. Throws LedgerCut or LedgerHeadUnreadable.
 */
export function refuseCutLedger(db: Db): void {
  const file = headFileOf(db.name);
  const recorded = file && readLedgerHead(file);
  if (!file || !recorded) return;
  const last = db.prepare('SELECT max(seq) FROM ledger').pluck().get() as number | null;
  const problem = headProblem(db, recorded, last ?? 0);
  if (problem) {
    throw new LedgerCut(
      `${problem}; Khiu will not serve a ledger that lost entries (run khiu verify; after restoring a backup on purpose, move ${file} away)`,
    );
  }
}
