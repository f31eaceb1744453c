import type { Db } from './database.ts';
import type { StationRecord } from '../core/records.ts';

interface StationRow {
  id: number;
  name: string;
  kind: StationRecord['kind'];
  counter_id: number | null;
  button_counter_ids: string;
  token_hash: string;
  created_ms: number;
  revoked_ms: number | null;
}

const fromRow = (r: StationRow): StationRecord => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  counterId: r.counter_id,
  buttonCounterIds: JSON.parse(r.button_counter_ids) as number[],
  tokenHash: r.token_hash,
  createdMs: r.created_ms,
  revokedMs: r.revoked_ms,
});

/** SQL for paired stations. Revoked, never deleted: the ledger and old entries name them. */
export class StationStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      all: db.prepare('SELECT * FROM stations ORDER BY revoked_ms IS NOT NULL, kind, name, id'),
      byId: db.prepare('SELECT * FROM stations WHERE id = ?'),
      live: db.prepare('SELECT * FROM stations WHERE token_hash = ? AND revoked_ms IS NULL'),
      liveByName: db.prepare(
        'SELECT * FROM stations WHERE name = ? AND kind = ? AND revoked_ms IS NULL',
      ),
      insert: db.prepare(`INSERT INTO stations
        (name, kind, counter_id, button_counter_ids, token_hash, created_ms)
        VALUES (@name, @kind, @counter_id, @button_counter_ids, @token_hash, @created_ms)`),
      revoke: db.prepare('UPDATE stations SET revoked_ms = ? WHERE id = ? AND revoked_ms IS NULL'),
    };
  }
  all(): StationRecord[] {
    return (this.q.all.all() as StationRow[]).map(fromRow);
  }
  get(id: number): StationRecord | undefined {
    const row = this.q.byId.get(id) as StationRow | undefined;
    return row && fromRow(row);
  }
  /** The live (not revoked) station whose token hashes to `tokenHash`. */
  liveByTokenHash(tokenHash: string): StationRecord | undefined {
    const row = this.q.live.get(tokenHash) as StationRow | undefined;
    return row && fromRow(row);
  }
  liveByName(name: string, kind: StationRecord['kind']): StationRecord | undefined {
    const row = this.q.liveByName.get(name, kind) as StationRow | undefined;
    return row && fromRow(row);
  }
  insert(station: Omit<StationRecord, 'id' | 'revokedMs'>): StationRecord {
    const info = this.q.insert.run({
      name: station.name,
      kind: station.kind,
      counter_id: station.counterId,
      button_counter_ids: JSON.stringify(station.buttonCounterIds),
      token_hash: station.tokenHash,
      created_ms: station.createdMs,
    });
    return { ...station, id: Number(info.lastInsertRowid), revokedMs: null };
  }
  revoke(id: number, atMs: number): void {
    this.q.revoke.run(atMs, id);
  }
}
