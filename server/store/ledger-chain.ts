import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { GENESIS_HASH, TRACKED, linkHash } from './ledger.ts';

/** The last state the ledger recorded for one row: its entry and a digest of the state. */
export interface RecordedState {
  seq: number;
  digest: string;
}

/** Tracked entity → row key → its last recorded state. */
export type RecordedStates = Map<string, Map<string, RecordedState>>;

export type ChainWalk =
  | { ok: true; length: number; headHash: string; recorded: RecordedStates }
  | { ok: false; length: number; brokenAt: number; problem: string };

interface StoredEntry {
  seq: number;
  at_ms: number;
  type: string;
  entity: string;
  entity_id: string;
  data: unknown;
  prev_hash: string;
  hash: string;
}

/**
 * A digest, not the state itself: a year of tickets is millions of entries, and keeping
 * each last state's text would hold a gigabyte while the tables are read. 128 bits of
 * SHA-256: making a row that matches a recorded state's digest is a second preimage.
 */
export const stateDigest = (canonicalState: string): string =>
  createHash('sha256').update(canonicalState).digest().toString('base64', 0, 16);

/**
 * Walks the chain from entry 1 and stops at the first entry that is not what was recorded.
 * Each entry's hash is recomputed over its `data` exactly as stored, and that text must be
 * the canonical JSON of its own parse: with a duplicate key, `JSON.parse` keeps the last
 * value and SQL's `json_extract` the first, so a text two readers read differently, or any
 * other spelling of the same value, is refused rather than re-serialised into a match.
 */
export function walkChain(db: Db): ChainWalk {
  const tracked = new Set<string>(Object.keys(TRACKED));
  const recorded: RecordedStates = new Map([...tracked].map((entity) => [entity, new Map()]));
  let prevHash = GENESIS_HASH;
  let length = 0;
  const entries = db
    .prepare(
      'SELECT seq, at_ms, type, entity, entity_id, data, prev_hash, hash FROM ledger ORDER BY seq',
    )
    .iterate() as IterableIterator<StoredEntry>;
  for (const entry of entries) {
    const broken = (problem: string): ChainWalk => ({
      ok: false,
      length,
      brokenAt: entry.seq,
      problem,
    });
    const name = `entry ${entry.seq} (${entry.type})`;
    if (entry.seq !== length + 1) return broken(`expected entry ${length + 1}, found ${entry.seq}`);
    if (entry.prev_hash !== prevHash)
      return broken(`${name} does not point at the hash of entry ${length}`);
    if (typeof entry.data !== 'string') return broken(`${name} holds data that is not text`);
    let data: { state?: unknown };
    let canonical: string;
    try {
      data = JSON.parse(entry.data) as { state?: unknown };
      canonical = canonicalJson(data);
    } catch {
      return broken(`${name} holds data that is not JSON`);
    }
    if (canonical !== entry.data) {
      return broken(
        `${name} is not canonical JSON (it differs from its canonical form at character ` +
          `${firstDifference(canonical, entry.data)}: a duplicate key, extra whitespace, keys ` +
          'out of order or another spelling of a value)',
      );
    }
    const event = {
      seq: entry.seq,
      atMs: entry.at_ms,
      type: entry.type,
      entity: entry.entity,
      entityId: entry.entity_id,
    };
    let hash: string;
    try {
      hash = linkHash(prevHash, event, entry.data);
    } catch {
      // A column edited to a value JSON cannot spell (an infinite at_ms) was not recorded so.
      return broken(`${name} was altered: a column holds a value no entry is recorded with`);
    }
    if (hash !== entry.hash) return broken(`${name} was altered: its hash does not match`);
    recorded.get(entry.entity)?.set(String(entry.entity_id), {
      seq: entry.seq,
      digest: stateDigest(canonicalJson(data.state)),
    });
    prevHash = entry.hash;
    length += 1;
  }
  return { ok: true, length, headHash: prevHash, recorded };
}

function firstDifference(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i + 1;
}
