import type { Db } from './database.ts';
import type { ComplaintKind, ComplaintStatus } from '../contract/contract.ts';

/** A citizen's complaint as the store keeps it: times in epoch milliseconds. */
export interface ComplaintRecord {
  id: number;
  reference: string;
  /** Buddhist era, of the office-local day it was received. */
  year: number;
  yearSeq: number;
  ticketId: string;
  kind: ComplaintKind;
  text: string | null;
  day: string;
  receivedMs: number;
  status: ComplaintStatus;
  outcome: string | null;
  updatedMs: number | null;
  updatedBy: string | null;
  resolvedMs: number | null;
}

/** One group of complaints for the counts: never their text. */
export interface ComplaintCountRecord {
  day: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  count: number;
}

interface ComplaintRow {
  id: number;
  reference: string;
  year: number;
  year_seq: number;
  ticket_id: string;
  kind: ComplaintKind;
  text: string | null;
  day: string;
  received_ms: number;
  status: ComplaintStatus;
  outcome: string | null;
  updated_ms: number | null;
  updated_by: string | null;
  resolved_ms: number | null;
}

const fromRow = (r: ComplaintRow): ComplaintRecord => ({
  id: r.id,
  reference: r.reference,
  year: r.year,
  yearSeq: r.year_seq,
  ticketId: r.ticket_id,
  kind: r.kind,
  text: r.text,
  day: r.day,
  receivedMs: r.received_ms,
  status: r.status,
  outcome: r.outcome,
  updatedMs: r.updated_ms,
  updatedBy: r.updated_by,
  resolvedMs: r.resolved_ms,
});

/** ร-2569-0001: the year's running number, at least four digits. */
export const complaintReference = (year: number, yearSeq: number): string =>
  `ร-${year}-${String(yearSeq).padStart(4, '0')}`;

/** SQL for citizens' complaints: received once, moved on by managers, never deleted. */
export class ComplaintStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      nextOfYear: db
        .prepare('SELECT coalesce(max(year_seq), 0) + 1 FROM complaints WHERE year = ?')
        .pluck(),
      insert: db.prepare(`INSERT INTO complaints (reference, year, year_seq, ticket_id, kind, text,
        day, received_ms, status) VALUES (@reference, @year, @year_seq, @ticket_id, @kind, @text,
        @day, @received_ms, 'received')`),
      update: db.prepare(`UPDATE complaints SET status = @status, outcome = @outcome,
        updated_ms = @updated_ms, updated_by = @updated_by, resolved_ms = @resolved_ms
        WHERE id = @id`),
      byId: db.prepare('SELECT * FROM complaints WHERE id = ?'),
      ofTickets: db.prepare(`SELECT * FROM complaints
        WHERE ticket_id IN (SELECT value FROM json_each(?)) ORDER BY id`),
      list: db.prepare(`SELECT * FROM complaints WHERE @status IS NULL OR status = @status
        ORDER BY received_ms DESC, id DESC LIMIT @limit`),
      counts: db.prepare(`SELECT c.day, c.kind, c.status, count(*) AS count FROM complaints c
        JOIN tickets t ON t.id = c.ticket_id
        WHERE c.day BETWEEN @from AND @to AND (@service IS NULL OR t.service_id = @service)
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`),
    };
  }

  /** Numbers it within its year (the caller's transaction makes that gap-free) and stores it. */
  insert(complaint: {
    year: number;
    ticketId: string;
    kind: ComplaintKind;
    text: string | null;
    day: string;
    receivedMs: number;
  }): ComplaintRecord {
    const yearSeq = this.q.nextOfYear.get(complaint.year) as number;
    const reference = complaintReference(complaint.year, yearSeq);
    const { lastInsertRowid } = this.q.insert.run({
      reference,
      year: complaint.year,
      year_seq: yearSeq,
      ticket_id: complaint.ticketId,
      kind: complaint.kind,
      text: complaint.text,
      day: complaint.day,
      received_ms: complaint.receivedMs,
    });
    return this.get(Number(lastInsertRowid))!;
  }

  /** Its handling moved on (the row's identity is fixed by triggers). */
  save(complaint: ComplaintRecord): void {
    this.q.update.run({
      id: complaint.id,
      status: complaint.status,
      outcome: complaint.outcome,
      updated_ms: complaint.updatedMs,
      updated_by: complaint.updatedBy,
      resolved_ms: complaint.resolvedMs,
    });
  }

  get(id: number): ComplaintRecord | undefined {
    const row = this.q.byId.get(id) as ComplaintRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** The complaints made from any of these tickets, oldest first. */
  ofTickets(ticketIds: readonly string[]): ComplaintRecord[] {
    return (this.q.ofTickets.all(JSON.stringify(ticketIds)) as ComplaintRow[]).map(fromRow);
  }

  /** Newest first, of one status or all. */
  list(status: ComplaintStatus | null, limit: number): ComplaintRecord[] {
    return (this.q.list.all({ status, limit }) as ComplaintRow[]).map(fromRow);
  }

  /** Complaints received on office-local days `from`..`to`, grouped; their text is never read. */
  counts(from: string, to: string, serviceId: number | null): ComplaintCountRecord[] {
    return this.q.counts.all({ from, to, service: serviceId }) as ComplaintCountRecord[];
  }
}
