import type { Db } from './database.ts';

/** One posted step of a ticket's service as the counter timed it. */
export interface TicketStepRecord {
  /** `<ticket id>:<order>`: the ledger's entity id. */
  id: string;
  ticketId: string;
  order: number;
  /** The step's posted minutes when it started: what it is held against. */
  standardMinutes: number;
  counterId: number;
  staff: string | null;
  startedMs: number;
  finishedMs: number | null;
}

interface StepRow {
  id: string;
  ticket_id: string;
  step_order: number;
  standard_minutes: number;
  counter_id: number;
  staff: string | null;
  started_ms: number;
  finished_ms: number | null;
}

const fromRow = (r: StepRow): TicketStepRecord => ({
  id: r.id,
  ticketId: r.ticket_id,
  order: r.step_order,
  standardMinutes: r.standard_minutes,
  counterId: r.counter_id,
  staff: r.staff,
  startedMs: r.started_ms,
  finishedMs: r.finished_ms,
});

/** The ledger's entity id of a ticket's step: one row per ticket and step number. */
export const stepId = (ticketId: string, order: number): string => `${ticketId}:${order}`;

/** SQL for the posted steps a counter timed: started once, finished once, never deleted. */
export class StepStore {
  private readonly q;
  constructor(db: Db) {
    this.q = {
      insert: db.prepare(`INSERT INTO ticket_steps (id, ticket_id, step_order, standard_minutes,
        counter_id, staff, started_ms, finished_ms)
        VALUES (@id, @ticket_id, @step_order, @standard_minutes, @counter_id, @staff, @started_ms, NULL)`),
      finish: db.prepare('UPDATE ticket_steps SET finished_ms = ? WHERE id = ?'),
      ofTicket: db.prepare('SELECT * FROM ticket_steps WHERE ticket_id = ? ORDER BY step_order'),
    };
  }

  start(step: Omit<TicketStepRecord, 'id' | 'finishedMs'>): TicketStepRecord {
    const id = stepId(step.ticketId, step.order);
    this.q.insert.run({
      id,
      ticket_id: step.ticketId,
      step_order: step.order,
      standard_minutes: step.standardMinutes,
      counter_id: step.counterId,
      staff: step.staff,
      started_ms: step.startedMs,
    });
    return { ...step, id, finishedMs: null };
  }

  finish(step: TicketStepRecord, finishedMs: number): TicketStepRecord {
    this.q.finish.run(finishedMs, step.id);
    return { ...step, finishedMs };
  }

  /** A ticket's timed steps, by step number. */
  ofTicket(ticketId: string): TicketStepRecord[] {
    return (this.q.ofTicket.all(ticketId) as StepRow[]).map(fromRow);
  }
}
