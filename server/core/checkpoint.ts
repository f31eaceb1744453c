import type { LedgerCheckpoint } from '../contract/contract.ts';
import { localDay, nextDay, startOfLocalDay } from './local-time.ts';

/**
 * The exact bytes a checkpoint's signature covers (UTF-8), so anyone can check it with any
 * Ed25519 library from the published JSON alone.
 */
export function checkpointMessage(checkpoint: Omit<LedgerCheckpoint, 'signature'>): string {
  const { day, seq, count, headHash } = checkpoint;
  return `khiu-checkpoint:v1:${day}:${seq}:${count}:${headHash}`;
}

/** A ledger entry as the day grouping needs it. */
export interface LedgerMark {
  seq: number;
  atMs: number;
  hash: string;
}

/** A closed day's head, not yet signed. */
export type ClosedDay = Omit<LedgerCheckpoint, 'signature'>;

/**
 * Groups the entries after the last checkpoint into office days and returns the days before
 * `today`, oldest first. An entry belongs to the office-local day of its time, but never to a
 * day earlier than the entry before it nor to a day already checkpointed: ledger times are the
 * clock's, and a clock stepped back must not put an entry into a day whose head is signed. So
 * each day is one unbroken run of entries, and a day's count is its seq minus the previous
 * day's seq.
 */
export function closedDays(
  entries: Iterable<LedgerMark>,
  after: { day: string; seq: number } | null,
  today: string,
  timeZone: string,
): ClosedDay[] {
  const days: ClosedDay[] = [];
  let floor = after ? nextDay(after.day) : null;
  let floorEndsMs = floor === null ? -Infinity : startOfLocalDay(nextDay(floor), timeZone);
  let open: { day: string; seq: number; count: number; headHash: string } | null = null;
  for (const entry of entries) {
    let day: string;
    if (floor !== null && entry.atMs < floorEndsMs) {
      day = floor;
    } else {
      day = localDay(entry.atMs, timeZone);
      floor = day;
      floorEndsMs = startOfLocalDay(nextDay(day), timeZone);
    }
    if (day >= today) break;
    if (open && open.day !== day) {
      days.push(open);
      open = null;
    }
    open ??= { day, seq: entry.seq, count: 0, headHash: entry.hash };
    open.seq = entry.seq;
    open.headHash = entry.hash;
    open.count += 1;
  }
  if (open) days.push(open);
  return days;
}

/** What a saved copy of `GET /api/ledger/checkpoints` is checked against: the database's chain. */
export interface ChainView {
  /** The number of entries (the chain is whole from 1 to length). */
  length: number;
  /** The hash stored at entry `seq`, for 1 ≤ seq ≤ length. */
  hashAt(seq: number): string;
}

export type CheckpointCheck =
  | { ok: true; checked: number; lastDay: string | null }
  | { ok: false; day: string; problem: string };

/**
 * Holds a published list of checkpoints against the chain, oldest day first, and names the
 * first day that differs. `signatureValid` checks one signature (core does no crypto of its
 * own; the caller passes node:crypto's verify with the published key).
 */
export function checkCheckpoints(
  checkpoints: readonly LedgerCheckpoint[],
  chain: ChainView,
  signatureValid: (checkpoint: LedgerCheckpoint) => boolean,
): CheckpointCheck {
  const ordered = [...checkpoints].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  let previous: LedgerCheckpoint | null = null;
  for (const checkpoint of ordered) {
    const { day, seq, count, headHash } = checkpoint;
    const fail = (problem: string): CheckpointCheck => ({ ok: false, day, problem });
    if (!signatureValid(checkpoint))
      return fail(`the checkpoint of ${day} is not signed by the published key`);
    if (previous && (previous.day === day || seq - previous.seq !== count))
      return fail(
        `the checkpoint of ${day} (entries ${seq - count + 1}–${seq}) does not follow the one of ${previous.day} (entry ${previous.seq})`,
      );
    if (seq > chain.length)
      return fail(
        `the ledger ends at entry ${chain.length} but the checkpoint of ${day} names entry ${seq}: entries were deleted`,
      );
    if (chain.hashAt(seq) !== headHash)
      return fail(
        `entry ${seq}, the last of ${day}, is not the one signed on that day (hash ${headHash.slice(0, 12)}…): the history was rewritten`,
      );
    previous = checkpoint;
  }
  return { ok: true, checked: ordered.length, lastDay: previous?.day ?? null };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const HASH = /^[0-9a-f]{64}$/;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A saved copy of `GET /api/ledger/checkpoints`, checked for shape; throws a one-line Error
 * naming what is wrong (the signatures and the public key are checked by the caller).
 */
export function parsePublishedCheckpoints(value: unknown): {
  publicKey: string;
  checkpoints: LedgerCheckpoint[];
} {
  const body = value as { publicKey?: unknown; checkpoints?: unknown } | null;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new Error('is not a JSON object {publicKey, checkpoints}');
  if (typeof body.publicKey !== 'string' || !body.publicKey.includes('BEGIN PUBLIC KEY'))
    throw new Error('has no publicKey (PEM, SPKI)');
  if (!Array.isArray(body.checkpoints)) throw new Error('has no checkpoints list');
  const days = new Set<string>();
  const checkpoints = body.checkpoints.map((item: unknown, i: number): LedgerCheckpoint => {
    const c = item as Partial<Record<keyof LedgerCheckpoint, unknown>> | null;
    const where = `checkpoints[${i}]`;
    if (typeof c !== 'object' || c === null) throw new Error(`${where} is not an object`);
    if (typeof c.day !== 'string' || !DAY.test(c.day) || days.has(c.day))
      throw new Error(`${where}.day is not a YYYY-MM-DD day of its own`);
    days.add(c.day);
    if (!Number.isSafeInteger(c.seq) || (c.seq as number) < 1)
      throw new Error(`${where}.seq is not an entry number`);
    if (!Number.isSafeInteger(c.count) || (c.count as number) < 1 || c.count! > c.seq!)
      throw new Error(`${where}.count is not a number of entries from 1 to seq`);
    if (typeof c.headHash !== 'string' || !HASH.test(c.headHash))
      throw new Error(`${where}.headHash is not 64 hex digits`);
    if (typeof c.signature !== 'string' || !BASE64.test(c.signature))
      throw new Error(`${where}.signature is not base64`);
    return {
      day: c.day,
      seq: c.seq as number,
      count: c.count as number,
      headHash: c.headHash,
      signature: c.signature,
    };
  });
  return { publicKey: body.publicKey, checkpoints };
}
