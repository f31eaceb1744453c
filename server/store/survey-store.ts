import type { Db } from './database.ts';
import type { SurveyAnswers } from '../contract/contract.ts';

/** A citizen's five-question survey as stored (migration 009). */
export interface SurveyRecord extends SurveyAnswers {
  ticketId: string;
  comment: string | null;
  submittedMs: number;
}

interface SurveyRow {
  ticket_id: string;
  process_score: number;
  channels_score: number;
  staff_score: number;
  facilities_score: number;
  overall_score: number;
  comment: string | null;
  submitted_ms: number;
}

/** SQL for surveys: inserted once, never changed (triggers forbid UPDATE and DELETE). */
export class SurveyStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert: db.prepare(`INSERT INTO surveys (ticket_id, process_score, channels_score,
        staff_score, facilities_score, overall_score, comment, submitted_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      get: db.prepare('SELECT * FROM surveys WHERE ticket_id = ?'),
    };
  }

  insert(s: SurveyRecord): void {
    this.q.insert.run(
      s.ticketId,
      s.process,
      s.channels,
      s.staff,
      s.facilities,
      s.overall,
      s.comment,
      s.submittedMs,
    );
  }

  get(ticketId: string): SurveyRecord | undefined {
    const row = this.q.get.get(ticketId) as SurveyRow | undefined;
    return (
      row && {
        ticketId: row.ticket_id,
        process: row.process_score,
        channels: row.channels_score,
        staff: row.staff_score,
        facilities: row.facilities_score,
        overall: row.overall_score,
        comment: row.comment,
        submittedMs: row.submitted_ms,
      }
    );
  }
}
