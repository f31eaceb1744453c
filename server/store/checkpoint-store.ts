import type { Db } from './database.ts';
import type { LedgerCheckpoint } from '../contract/contract.ts';
import type { LedgerMark } from '../core/checkpoint.ts';
import type { SignedSeries } from './checkpoint-key.ts';

/** A checkpoint as the table keeps it: with the key that signed it. */
export interface StoredCheckpoint extends LedgerCheckpoint {
  publicKey: string;
  signedMs: number;
}

interface CheckpointRow {
  day: string;
  seq: number;
  count: number;
  head_hash: string;
  signature: string;
  public_key: string;
  signed_ms: number;
}

const fromRow = (r: CheckpointRow): StoredCheckpoint => ({
  day: r.day,
  seq: r.seq,
  count: r.count,
  headHash: r.head_hash,
  signature: r.signature,
  publicKey: r.public_key,
  signedMs: r.signed_ms,
});

/** SQL for the signed daily checkpoints (migration 008) and the ledger entries they cover. */
export class CheckpointStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      all: db.prepare('SELECT * FROM ledger_checkpoints ORDER BY day'),
      last: db.prepare('SELECT * FROM ledger_checkpoints ORDER BY seq DESC LIMIT 1'),
      count: db.prepare('SELECT count(*) FROM ledger_checkpoints').pluck(),
      insert: db.prepare(`INSERT INTO ledger_checkpoints
        (day, seq, count, head_hash, signature, public_key, signed_ms)
        VALUES (@day, @seq, @count, @headHash, @signature, @publicKey, @signedMs)`),
      entriesAfter: db.prepare(
        'SELECT seq, at_ms AS atMs, hash FROM ledger WHERE seq > ? ORDER BY seq',
      ),
    };
  }

  /** Every checkpoint, oldest day first. */
  all(): StoredCheckpoint[] {
    return (this.q.all.all() as CheckpointRow[]).map(fromRow);
  }

  last(): StoredCheckpoint | null {
    const row = this.q.last.get() as CheckpointRow | undefined;
    return row ? fromRow(row) : null;
  }

  count(): number {
    return this.q.count.get() as number;
  }

  /** What start-up holds the key file against (store/checkpoint-key.ts). */
  series(): SignedSeries {
    const last = this.last();
    return { count: this.count(), lastDay: last?.day ?? null, publicKey: last?.publicKey ?? null };
  }

  insert(checkpoint: StoredCheckpoint): void {
    this.q.insert.run(checkpoint);
  }

  /** The ledger entries after `seq`, oldest first, read lazily: a first start may cover years. */
  entriesAfter(seq: number): IterableIterator<LedgerMark> {
    return this.q.entriesAfter.iterate(seq) as IterableIterator<LedgerMark>;
  }
}
