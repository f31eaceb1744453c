import type { Db } from './database.ts';
import type { RatingRecord } from '../core/records.ts';

/** SQL for ratings: inserted once, never changed (triggers forbid UPDATE and DELETE). */
export class RatingStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      insert: db.prepare(`INSERT INTO ratings (ticket_id, score, counter_id, staff, rated_ms)
        VALUES (?, ?, ?, ?, ?)`),
      get: db.prepare('SELECT * FROM ratings WHERE ticket_id = ?'),
      between:
        db.prepare(`SELECT r.ticket_id, r.score FROM ratings r JOIN tickets t ON t.id = r.ticket_id
        WHERE t.issued_ms >= ? AND t.issued_ms < ?`),
    };
  }
  insert(r: RatingRecord): void {
    this.q.insert.run(r.ticketId, r.score, r.counterId, r.staff, r.ratedMs);
  }
  get(ticketId: string): RatingRecord | undefined {
    const row = this.q.get.get(ticketId) as
      | {
          ticket_id: string;
          score: number;
          counter_id: number;
          staff: string | null;
          rated_ms: number;
        }
      | undefined;
    return (
      row && {
        ticketId: row.ticket_id,
        score: row.score,
        counterId: row.counter_id,
        staff: row.staff,
        ratedMs: row.rated_ms,
      }
    );
  }
  /** Scores of the tickets issued in [fromMs, toMs), by ticket id. */
  scoresOfTicketsIssuedBetween(fromMs: number, toMs: number): Map<string, number> {
    const rows = this.q.between.all(fromMs, toMs) as { ticket_id: string; score: number }[];
    return new Map(rows.map((r) => [r.ticket_id, r.score]));
  }
}

/** Office settings as JSON values (the queue rule, the office name). */
export class SettingStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      get: db.prepare('SELECT value FROM settings WHERE key = ?'),
      set: db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?)
        ON CONFLICT (key) DO UPDATE SET value = excluded.value`),
    };
  }
  get<T>(key: string): T | undefined {
    const row = this.q.get.get(key) as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as T) : undefined;
  }
  set(key: string, value: unknown): void {
    this.q.set.run(key, JSON.stringify(value));
  }
}

export interface StoredResponse {
  fingerprint: string;
  response: unknown;
}

/** First answers to requests that carried a clientRequestId. */
export class ClientRequestStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      get: db.prepare('SELECT fingerprint, response FROM client_requests WHERE key = ?'),
      insert: db.prepare(
        'INSERT INTO client_requests (key, fingerprint, response, created_ms) VALUES (?, ?, ?, ?)',
      ),
    };
  }
  get(key: string): StoredResponse | undefined {
    const row = this.q.get.get(key) as { fingerprint: string; response: string } | undefined;
    return row && { fingerprint: row.fingerprint, response: JSON.parse(row.response) };
  }
  insert(key: string, fingerprint: string, response: unknown, nowMs: number): void {
    this.q.insert.run(key, fingerprint, JSON.stringify(response), nowMs);
  }
}
