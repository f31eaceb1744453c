import type { Db } from './database.ts';
import type { ReportTicketRow } from '../core/records.ts';

/** Column order of the report query, read as raw arrays: a year's rows are a million objects fewer. */
type RawReportRow = [
  id: string,
  number: string,
  day: string,
  serviceId: number,
  status: ReportTicketRow['status'],
  issuedMs: number,
  calledMs: number | null,
  startedMs: number | null,
  finishedMs: number | null,
  counterId: number | null,
  staff: string | null,
  recalls: number,
  outOfTurn: number,
  outOfTurnReason: ReportTicketRow['outOfTurnReason'],
  transferIn: number,
  score: number | null,
  ratingCounterId: number | null,
  ratingStaff: string | null,
];

const COLUMNS = `t.id, t.number, t.day, t.service_id, t.status, t.issued_ms, t.called_ms, t.started_ms,
  t.finished_ms, t.counter_id, t.staff, t.recalls, t.out_of_turn, t.out_of_turn_reason,
  t.transferred_from IS NOT NULL, r.score, r.counter_id, r.staff`;

/** SQL the reports read: tickets of a range of office-local days, with their ratings. */
export class ReportStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      range: db
        .prepare(
          `SELECT ${COLUMNS} FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
           WHERE t.day BETWEEN ? AND ?`,
        )
        .raw(true),
      rangeOfService: db
        .prepare(
          `SELECT ${COLUMNS} FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
           WHERE t.day BETWEEN ? AND ? AND t.service_id = ?`,
        )
        .raw(true),
    };
  }

  /** Every ticket issued on the days from..to (YYYY-MM-DD, both included), optionally of one service. */
  *ticketsOfDays(from: string, to: string, serviceId: number | null): Generator<ReportTicketRow> {
    const rows = (
      serviceId === null
        ? this.q.range.iterate(from, to)
        : this.q.rangeOfService.iterate(from, to, serviceId)
    ) as IterableIterator<RawReportRow>;
    for (const r of rows) {
      yield {
        id: r[0],
        number: r[1],
        day: r[2],
        serviceId: r[3],
        status: r[4],
        issuedMs: r[5],
        calledMs: r[6],
        startedMs: r[7],
        finishedMs: r[8],
        counterId: r[9],
        staff: r[10],
        recalls: r[11],
        outOfTurn: r[12] === 1,
        outOfTurnReason: r[13],
        transferIn: r[14] === 1,
        rating: r[15] === null ? null : { score: r[15], counterId: r[16]!, staff: r[17] },
      };
    }
  }
}
