import type { Db } from './database.ts';
import type { OutOfTurnReason, TicketStatus } from '../contract/contract.ts';

/** What a ticket's order check needs of each ticket in its line. */
export interface OrderCheckTicket {
  seq: number;
  id: string;
  number: string;
  serviceId: number;
  day: string;
  priority: boolean;
  status: TicketStatus;
  /** The citizen's place in time, kept across transfers. */
  queuedMs: number;
  /** When it joined this service's line (a transfer's arrival). */
  issuedMs: number;
  /** Its first call, null until called. */
  calledMs: number | null;
  outOfTurn: boolean;
  outOfTurnReason: OutOfTurnReason | null;
}

interface LineRow {
  seq: number;
  id: string;
  number: string;
  service_id: number;
  day: string;
  priority: string | null;
  status: TicketStatus;
  queued_ms: number;
  issued_ms: number;
  called_ms: number | null;
  out_of_turn: number;
  out_of_turn_reason: OrderCheckTicket['outOfTurnReason'];
  transferred_to: string | null;
}

const COLUMNS = `seq, id, number, service_id, day, priority, status, queued_ms, issued_ms,
  called_ms, out_of_turn, out_of_turn_reason, transferred_to`;

const fromRow = (r: LineRow): OrderCheckTicket => ({
  seq: r.seq,
  id: r.id,
  number: r.number,
  serviceId: r.service_id,
  day: r.day,
  priority: r.priority !== null,
  status: r.status,
  queuedMs: r.queued_ms,
  issuedMs: r.issued_ms,
  calledMs: r.called_ms,
  outOfTurn: r.out_of_turn === 1,
  outOfTurnReason: r.out_of_turn_reason,
});

/** A transfer chain is short; the bound only stops a cycle someone wrote by hand. */
const MAX_TRANSFERS = 16;

/** The rows a ticket's order check reads: the ticket where the citizen is now, and its line. */
export class OrderCheckStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      ticket: db.prepare(`SELECT ${COLUMNS} FROM tickets WHERE id = ?`),
      line: db.prepare(`SELECT ${COLUMNS} FROM tickets WHERE day = ? AND service_id = ?`),
      // A ticket that left the line uncalled (cancelled) stopped waiting when it was cancelled.
      leftMs: db
        .prepare(
          `SELECT at_ms FROM ledger WHERE entity = 'ticket' AND entity_id = ?
           AND type = 'ticket.cancelled' ORDER BY seq LIMIT 1`,
        )
        .pluck(),
    };
  }

  /**
   * The ticket `id` names, followed through its transfers (as GET /api/tickets/:id shows where
   * the citizen is now), every ticket of its service and office day, and when it left the line
   * uncalled; null for an unknown id.
   */
  lineOf(
    id: string,
  ): { ticket: OrderCheckTicket; line: OrderCheckTicket[]; leftMs: number | null } | null {
    let row = this.q.ticket.get(id) as LineRow | undefined;
    if (!row) return null;
    for (let hops = 0; row.transferred_to && hops < MAX_TRANSFERS; hops += 1) {
      row = (this.q.ticket.get(row.transferred_to) as LineRow | undefined) ?? row;
    }
    const line = (this.q.line.all(row.day, row.service_id) as LineRow[]).map(fromRow);
    const leftMs =
      row.called_ms === null && row.status === 'cancelled'
        ? ((this.q.leftMs.get(row.id) as number | undefined) ?? null)
        : null;
    return { ticket: fromRow(row), line, leftMs };
  }
}
