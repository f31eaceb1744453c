import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import type { Actor } from '../core/records.ts';
import type { LedgerVerification } from '../contract/contract.ts';
import { canonicalJson } from '../core/canonical-json.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Tables whose every row is recorded, with its full state, in the ledger. */
const TRACKED = {
  ticket: { table: 'tickets', key: 'id' },
  rating: { table: 'ratings', key: 'ticket_id' },
  service: { table: 'services', key: 'id' },
  counter: { table: 'counters', key: 'id' },
  user: { table: 'users', key: 'id' },
  setting: { table: 'settings', key: 'key' },
  // Paired stations: their rows hold only the SHA-256 of each token, never the token.
  station: { table: 'stations', key: 'id' },
} as const;

export type LedgerEntity = keyof typeof TRACKED;

/** A row as the ledger records it. Password hashes are recorded only as a digest. */
function stateOf(entity: LedgerEntity, row: Record<string, unknown>): Record<string, unknown> {
  if (entity !== 'user') return row;
  const { password_hash: passwordHash, ...rest } = row;
  return { ...rest, password_digest: sha256(String(passwordHash)) };
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export interface LedgerEvent {
  seq: number;
  atMs: number;
  type: string;
  entity: string;
  entityId: string;
}

/**
 * sha256(prev hash + canonical JSON of {atMs, data, entity, entityId, seq, type}).
 * The event's keys are written in canonical (sorted) order by hand so the data,
 * already canonical, is serialised once per entry.
 */
export function linkHash(prevHash: string, event: LedgerEvent, canonicalData: string): string {
  const canonicalEvent =
    `{"atMs":${canonicalJson(event.atMs)},"data":${canonicalData},"entity":${canonicalJson(event.entity)},` +
    `"entityId":${canonicalJson(event.entityId)},"seq":${canonicalJson(event.seq)},"type":${canonicalJson(event.type)}}`;
  return sha256(prevHash + canonicalEvent);
}

/** One entry as read back: its data is {actor, details, state} (see `record`). */
export interface LedgerEntry extends LedgerEvent {
  data: { actor: Actor; details: Record<string, unknown>; state: Record<string, unknown> };
  hash: string;
}

interface LedgerRow {
  seq: number;
  at_ms: number;
  type: string;
  entity: string;
  entity_id: string;
  data: string;
  prev_hash: string;
  hash: string;
}

/**
 * The append-only hash chain. `record` is called inside the command's transaction
 * right after the row changed, so the chain and the tables can never disagree
 * unless someone edits the database by hand, which `verify` then names.
 */
export class Ledger {
  private readonly q;
  private readonly rowStatements = new Map<LedgerEntity, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {
    this.q = {
      head: db.prepare('SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1'),
      insert:
        db.prepare(`INSERT INTO ledger (seq, at_ms, type, entity, entity_id, data, prev_hash, hash)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      all: db.prepare('SELECT * FROM ledger ORDER BY seq'),
      ofEntities: db.prepare(`SELECT seq, at_ms, type, entity, entity_id, data, hash FROM ledger
        WHERE entity IN ('ticket', 'rating') AND entity_id = ? ORDER BY seq`),
    };
    for (const [entity, { table, key }] of Object.entries(TRACKED)) {
      this.rowStatements.set(
        entity as LedgerEntity,
        db.prepare(`SELECT * FROM ${table} WHERE ${key} = ?`),
      );
    }
  }

  head(): { seq: number; hash: string } {
    return (
      (this.q.head.get() as { seq: number; hash: string } | undefined) ?? {
        seq: 0,
        hash: GENESIS_HASH,
      }
    );
  }

  /** Appends an event carrying the entity's current row; returns its seq. */
  record(
    atMs: number,
    type: string,
    entity: LedgerEntity,
    entityId: string | number,
    actor: Actor,
    details: Record<string, unknown> = {},
  ): number {
    const row = this.rowStatements.get(entity)!.get(entityId) as
      Record<string, unknown> | undefined;
    if (!row) throw new Error(`ledger: ${entity} ${entityId} has no row to record`);
    const data = { actor, details, state: stateOf(entity, row) };
    const head = this.head();
    const seq = head.seq + 1;
    const canonicalData = canonicalJson(data);
    const hash = linkHash(
      head.hash,
      { seq, atMs, type, entity, entityId: String(entityId) },
      canonicalData,
    );
    this.q.insert.run(seq, atMs, type, entity, String(entityId), canonicalData, head.hash, hash);
    return seq;
  }

  /** A ticket's entries and its rating's, oldest first (they share the ticket id). */
  entriesOfTicket(ticketId: string): LedgerEntry[] {
    return (this.q.ofEntities.all(ticketId) as Omit<LedgerRow, 'prev_hash'>[]).map((row) => ({
      seq: row.seq,
      atMs: row.at_ms,
      type: row.type,
      entity: row.entity,
      entityId: row.entity_id,
      data: JSON.parse(row.data) as LedgerEntry['data'],
      hash: row.hash,
    }));
  }

  /** Recomputes the chain, then checks every tracked row against its last recorded state. */
  verify(): LedgerVerification {
    let prevHash = GENESIS_HASH;
    let length = 0;
    const lastState = new Map<string, { seq: number; state: string }>();
    for (const row of this.q.all.iterate() as IterableIterator<LedgerRow>) {
      const broken = (problem: string): LedgerVerification => ({
        ok: false,
        length: this.countRows(),
        headHash: this.head().hash,
        brokenAt: row.seq,
        problem,
      });
      if (row.seq !== length + 1) return broken(`expected entry ${length + 1}, found ${row.seq}`);
      if (row.prev_hash !== prevHash)
        return broken(`entry ${row.seq} does not point at the hash of entry ${length}`);
      let data: { state?: unknown };
      try {
        data = JSON.parse(row.data);
      } catch {
        return broken(`entry ${row.seq} holds data that is not JSON`);
      }
      const expected = linkHash(
        prevHash,
        {
          seq: row.seq,
          atMs: row.at_ms,
          type: row.type,
          entity: row.entity,
          entityId: row.entity_id,
        },
        canonicalJson(data),
      );
      if (expected !== row.hash)
        return broken(`entry ${row.seq} (${row.type}) was altered: its hash does not match`);
      lastState.set(`${row.entity}:${row.entity_id}`, {
        seq: row.seq,
        state: canonicalJson(data.state),
      });
      prevHash = row.hash;
      length += 1;
    }
    const headHash = prevHash;
    for (const [entity, { table, key }] of Object.entries(TRACKED)) {
      const seen = new Set<string>();
      for (const row of this.db.prepare(`SELECT * FROM ${table}`).iterate() as IterableIterator<
        Record<string, unknown>
      >) {
        const id = String(row[key]);
        seen.add(id);
        const recorded = lastState.get(`${entity}:${id}`);
        if (!recorded) {
          return {
            ok: false,
            length,
            headHash,
            problem: `${entity} ${id} is in the database but not in the ledger`,
          };
        }
        if (recorded.state !== canonicalJson(stateOf(entity as LedgerEntity, row))) {
          return {
            ok: false,
            length,
            headHash,
            brokenAt: recorded.seq,
            problem: `${entity} ${id} differs from its state recorded at entry ${recorded.seq}`,
          };
        }
      }
      for (const [entityKey, recorded] of lastState) {
        const [recordedEntity, id] = [
          entityKey.slice(0, entityKey.indexOf(':')),
          entityKey.slice(entityKey.indexOf(':') + 1),
        ];
        if (recordedEntity === entity && !seen.has(id)) {
          return {
            ok: false,
            length,
            headHash,
            brokenAt: recorded.seq,
            problem: `${entity} ${id} was deleted from the database`,
          };
        }
      }
    }
    return { ok: true, length, headHash };
  }

  private countRows(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM ledger').get() as { n: number }).n;
  }
}
