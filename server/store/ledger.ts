import { createHash } from 'node:crypto';
import type { Db } from './database.ts';
import type { Actor } from '../core/records.ts';
import type { LedgerVerification } from '../contract/contract.ts';
import { canonicalJson } from '../core/canonical-json.ts';
import { verifyLedger } from './ledger-verification.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Tables whose every row is recorded, with its full state, in the ledger. */
export const TRACKED = {
  ticket: { table: 'tickets', key: 'id' },
  rating: { table: 'ratings', key: 'ticket_id' },
  service: { table: 'services', key: 'id' },
  counter: { table: 'counters', key: 'id' },
  user: { table: 'users', key: 'id' },
  setting: { table: 'settings', key: 'key' },
  // Paired stations: their rows hold only the SHA-256 of each token, never the token.
  station: { table: 'stations', key: 'id' },
  // A posted step as the counter timed it (migration 007); its id is `<ticket id>:<order>`.
  step: { table: 'ticket_steps', key: 'id' },
  // A citizen's complaint and its handling (migration 010; project 17).
  complaint: { table: 'complaints', key: 'id' },
  // A citizen's five-question survey (migration 009), on the ticket where the service ended.
  survey: { table: 'surveys', key: 'ticket_id' },
} as const;

export type LedgerEntity = keyof typeof TRACKED;

/** A row as the ledger records it. Password hashes are recorded only as a digest. */
export function stateOf(
  entity: LedgerEntity,
  row: Record<string, unknown>,
): Record<string, unknown> {
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
 * already canonical, is serialised once per entry. `verify` passes the data text exactly
 * as stored: what is hashed is what SQL's json_extract and the reports read.
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
      lastOfEntity: db.prepare(`SELECT data FROM ledger WHERE entity = ? AND entity_id = ?
        ORDER BY seq DESC LIMIT 1`),
      // Its steps' ids are `<ticket id>:<order>`: the range between ':' and ';' on the index.
      ofEntities: db.prepare(`SELECT seq, at_ms, type, entity, entity_id, data, hash FROM ledger
        WHERE entity IN ('ticket', 'rating', 'survey') AND entity_id = @id
        UNION ALL SELECT seq, at_ms, type, entity, entity_id, data, hash FROM ledger
        WHERE entity = 'step' AND entity_id > @id || ':' AND entity_id < @id || ';'
        ORDER BY seq`),
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

  /** A ticket's entries, its rating's, its survey's and its timed steps', oldest first. */
  entriesOfTicket(ticketId: string): LedgerEntry[] {
    return (this.q.ofEntities.all({ id: ticketId }) as Omit<LedgerRow, 'prev_hash'>[]).map(
      (row) => ({
        seq: row.seq,
        atMs: row.at_ms,
        type: row.type,
        entity: row.entity,
        entityId: row.entity_id,
        data: JSON.parse(row.data) as LedgerEntry['data'],
        hash: row.hash,
      }),
    );
  }

  /**
   * Whether the row is exactly as the ledger last recorded it. Asked where a row someone
   * made with the sqlite3 shell would otherwise be trusted (a station's token, a user's
   * role and password), so such a row is refused at once, not only when `verify` runs.
   */
  rowIsAsRecorded(entity: LedgerEntity, id: string | number): boolean {
    const row = this.rowStatements.get(entity)!.get(id) as Record<string, unknown> | undefined;
    const last = this.q.lastOfEntity.get(entity, String(id)) as { data: string } | undefined;
    if (!row || !last) return false;
    try {
      const recorded = (JSON.parse(last.data) as { state?: unknown }).state;
      return canonicalJson(recorded) === canonicalJson(stateOf(entity, row));
    } catch {
      return false;
    }
  }

  /** The whole check (ledger-verification.ts): one read snapshot, on this connection. */
  verify(): LedgerVerification {
    return verifyLedger(this.db);
  }
}
