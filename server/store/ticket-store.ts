import type { Db } from './database.ts';
import type { TicketRecord } from '../core/records.ts';
import type { Lane } from '../core/ticket-number.ts';
import type { WaitingCandidate } from '../core/queue-rule.ts';

interface TicketRow {
  seq: number;
  id: string;
  number: string;
  day: string;
  service_id: number;
  priority: TicketRecord['priority'];
  station: string | null;
  status: TicketRecord['status'];
  queued_ms: number;
  issued_ms: number;
  called_ms: number | null;
  last_called_ms: number | null;
  started_ms: number | null;
  finished_ms: number | null;
  counter_id: number | null;
  staff: string | null;
  held: number;
  recalls: number;
  out_of_turn: number;
  out_of_turn_reason: TicketRecord['outOfTurnReason'];
  transferred_from: string | null;
  transferred_to: string | null;
  print_outcome: TicketRecord['printOutcome'];
  print_reports: number;
}

const fromRow = (r: TicketRow): TicketRecord => ({
  seq: r.seq,
  id: r.id,
  number: r.number,
  day: r.day,
  serviceId: r.service_id,
  priority: r.priority,
  station: r.station,
  status: r.status,
  queuedMs: r.queued_ms,
  issuedMs: r.issued_ms,
  calledMs: r.called_ms,
  lastCalledMs: r.last_called_ms,
  startedMs: r.started_ms,
  finishedMs: r.finished_ms,
  counterId: r.counter_id,
  staff: r.staff,
  held: r.held === 1,
  recalls: r.recalls,
  outOfTurn: r.out_of_turn === 1,
  outOfTurnReason: r.out_of_turn_reason,
  transferredFrom: r.transferred_from,
  transferredTo: r.transferred_to,
  printOutcome: r.print_outcome,
  printReports: r.print_reports,
});

const toParams = (t: Omit<TicketRecord, 'seq'>) => ({
  id: t.id,
  number: t.number,
  day: t.day,
  service_id: t.serviceId,
  priority: t.priority,
  station: t.station,
  status: t.status,
  queued_ms: t.queuedMs,
  issued_ms: t.issuedMs,
  called_ms: t.calledMs,
  last_called_ms: t.lastCalledMs,
  started_ms: t.startedMs,
  finished_ms: t.finishedMs,
  counter_id: t.counterId,
  staff: t.staff,
  held: t.held ? 1 : 0,
  recalls: t.recalls,
  out_of_turn: t.outOfTurn ? 1 : 0,
  out_of_turn_reason: t.outOfTurnReason,
  transferred_from: t.transferredFrom,
  transferred_to: t.transferredTo,
  print_outcome: t.printOutcome,
  print_reports: t.printReports,
});

const isWaitingInLine = (t: Pick<TicketRecord, 'status' | 'held'>): boolean =>
  t.status === 'waiting' && !t.held;

export interface WaitingCount {
  serviceId: number;
  waiting: number;
}

/**
 * The queries a call and a ticket view make on every request, keyed by service and lane so that
 * their cost is that of the services involved, not of the hall. Each spells the lane as
 * `(priority IS NOT NULL) = 0|1` and keeps `status = 'waiting'` and `held` as written: that is
 * how they match the expression and condition of tickets_waiting_by_service and
 * tickets_calls_by_lane (migration 011). test/store/ticket-store-plans.test.ts holds each to
 * its index.
 */
export const LANE_QUERIES = {
  oldestWaiting: `SELECT id, queued_ms, seq, priority FROM tickets
    WHERE status = 'waiting' AND service_id = @service_id AND held = 0
      AND (priority IS NOT NULL) = @priority_lane AND day = @day
    ORDER BY queued_ms, seq LIMIT 1`,
  aheadInLane: `SELECT count(*) AS n FROM tickets
    WHERE status = 'waiting' AND service_id = @service_id AND held = 0
      AND (priority IS NOT NULL) = @priority_lane AND day = @day
      AND (queued_ms, seq) < (@queued_ms, @seq)`,
  // Two lookups per service (one per lane) instead of a pass over every waiting ticket.
  oldestWaitingByService: `SELECT service_id,
      min(coalesce(normal_ms, priority_ms), coalesce(priority_ms, normal_ms)) AS queued_ms
    FROM (SELECT id AS service_id,
      (SELECT min(queued_ms) FROM tickets WHERE status = 'waiting' AND service_id = services.id
        AND held = 0 AND (priority IS NOT NULL) = 0 AND day = @day) AS normal_ms,
      (SELECT min(queued_ms) FROM tickets WHERE status = 'waiting' AND service_id = services.id
        AND held = 0 AND (priority IS NOT NULL) = 1 AND day = @day) AS priority_ms
      FROM services)
    WHERE normal_ms IS NOT NULL OR priority_ms IS NOT NULL`,
  lastPriorityCall: `SELECT max(called_ms) AS at FROM tickets
    WHERE day = @day AND (priority IS NOT NULL) = 1 AND called_ms IS NOT NULL`,
  // The held and lane terms name every value they can take: they let SQLite range over the
  // waiting tickets of each service, lane and hold instead of every ticket of those services
  // issued today (done ones included), and sort only the waiting ones.
  waitingList: `SELECT * FROM tickets WHERE status = 'waiting' AND day = @day
      AND service_id IN (SELECT value FROM json_each(@service_ids))
      AND held IN (0, 1) AND (priority IS NOT NULL) IN (0, 1)
    ORDER BY queued_ms, seq`,
  // `+day`: without it SQLite ranges over the reports' (day, service) index and reads every
  // ticket of every earlier day (28 ms of a start on 100,000 tickets); the partial index holds
  // only the waiting ones, a handful.
  waitingBefore: `SELECT * FROM tickets WHERE +day < @day AND status = 'waiting'`,
  normalCallsSince: `SELECT count(*) AS n FROM tickets
    WHERE day = @day AND (priority IS NOT NULL) = 0 AND called_ms IS NOT NULL
      AND called_ms > @since AND transferred_from IS NULL`,
} as const;

/** SQL for tickets and their numbering. */
export class TicketStore {
  private readonly q;

  constructor(db: Db) {
    this.q = {
      insert:
        db.prepare(`INSERT INTO tickets (id, number, day, service_id, priority, station, status, queued_ms,
        issued_ms, called_ms, last_called_ms, started_ms, finished_ms, counter_id, staff, held, recalls,
        out_of_turn, out_of_turn_reason, transferred_from, transferred_to, print_outcome, print_reports)
        VALUES (@id, @number, @day, @service_id, @priority, @station, @status, @queued_ms, @issued_ms,
        @called_ms, @last_called_ms, @started_ms, @finished_ms, @counter_id, @staff, @held, @recalls,
        @out_of_turn, @out_of_turn_reason, @transferred_from, @transferred_to, @print_outcome,
        @print_reports)`),
      saveProgress: db.prepare(`UPDATE tickets SET status = @status, called_ms = @called_ms,
        last_called_ms = @last_called_ms, started_ms = @started_ms, finished_ms = @finished_ms,
        counter_id = @counter_id, staff = @staff, held = @held, recalls = @recalls, out_of_turn = @out_of_turn,
        out_of_turn_reason = @out_of_turn_reason, transferred_to = @transferred_to,
        print_outcome = @print_outcome, print_reports = @print_reports WHERE id = @id`),
      byId: db.prepare('SELECT * FROM tickets WHERE id = ?'),
      oldestWaiting: db.prepare(LANE_QUERIES.oldestWaiting),
      aheadInLane: db.prepare(LANE_QUERIES.aheadInLane),
      oldestWaitingByService: db.prepare(LANE_QUERIES.oldestWaitingByService),
      lastPriorityCall: db.prepare(LANE_QUERIES.lastPriorityCall),
      normalCallsSince: db.prepare(LANE_QUERIES.normalCallsSince),
      nextNumber:
        db.prepare(`INSERT INTO ticket_sequences (day, service_id, lane, last) VALUES (?, ?, ?, 1)
        ON CONFLICT (day, service_id, lane) DO UPDATE SET last = last + 1 RETURNING last`),
      activeAtCounter: db.prepare(
        `SELECT * FROM tickets WHERE counter_id = ? AND status IN ('called', 'serving')`,
      ),
      active: db.prepare(`SELECT * FROM tickets WHERE status IN ('called', 'serving')`),
      waitingCounts: db.prepare(`SELECT service_id, sum(waiting) AS waiting FROM waiting_counts
        WHERE day = ? GROUP BY service_id`),
      waitingInLane: db.prepare(
        `SELECT waiting FROM waiting_counts WHERE day = ? AND service_id = ? AND lane = ?`,
      ),
      // CHECK runs before the conflict is seen, so the inserted value may not go below zero.
      adjustWaiting: db.prepare(`INSERT INTO waiting_counts (day, service_id, lane, waiting)
        VALUES (@day, @service_id, @lane, max(@delta, 0))
        ON CONFLICT (day, service_id, lane) DO UPDATE SET waiting = waiting + @delta`),
      latestCalls: db.prepare(`SELECT * FROM tickets WHERE day = ? AND last_called_ms IS NOT NULL
        ORDER BY last_called_ms DESC LIMIT ?`),
      waitingBefore: db.prepare(LANE_QUERIES.waitingBefore),
      // Each reads off the end of an index (tickets_issued, tickets_day_service, tickets_calls).
      latestIssued: db.prepare(`SELECT issued_ms AS at FROM tickets WHERE transferred_from IS NULL
        ORDER BY issued_ms DESC LIMIT 1`),
      latestDay: db.prepare('SELECT max(day) AS day FROM tickets'),
      latestCall: db.prepare(
        'SELECT max(called_ms) AS at FROM tickets WHERE day = ? AND called_ms IS NOT NULL',
      ),
      issuedBetween: db.prepare(
        'SELECT * FROM tickets WHERE issued_ms >= ? AND issued_ms < ? ORDER BY seq',
      ),
      waitingList: db.prepare(LANE_QUERIES.waitingList),
      latestFinishedAt: db.prepare(`SELECT * FROM tickets WHERE counter_id = ? AND status = 'done'
        AND finished_ms >= ? ORDER BY finished_ms DESC LIMIT 1`),
      calledAtCounterSince: db.prepare(`SELECT 1 FROM tickets WHERE counter_id = ?
        AND last_called_ms >= ? AND id <> ? LIMIT 1`),
      unprinted: db.prepare(`SELECT * FROM tickets WHERE issued_ms >= ? AND station = ?
        AND print_outcome IS NULL AND transferred_from IS NULL ORDER BY seq`),
    };
  }

  insert(ticket: Omit<TicketRecord, 'seq'>): TicketRecord {
    const info = this.q.insert.run(toParams(ticket));
    if (isWaitingInLine(ticket)) this.adjustWaiting(ticket, +1);
    return { ...ticket, seq: Number(info.lastInsertRowid) };
  }

  /** Writes the ticket's progress; its identity columns are fixed by a trigger. */
  saveProgress(before: TicketRecord, after: TicketRecord): void {
    this.q.saveProgress.run(toParams(after));
    const delta = Number(isWaitingInLine(after)) - Number(isWaitingInLine(before));
    if (delta !== 0) this.adjustWaiting(after, delta);
  }

  /** How many wait in the service's lane now; for a normal ticket priority tickets count too. */
  waitingAheadOfNewTicket(day: string, serviceId: number, lane: Lane): number {
    const inLane = (l: Lane) =>
      (this.q.waitingInLane.get(day, serviceId, l) as { waiting: number } | undefined)?.waiting ??
      0;
    return lane === 'priority' ? inLane('priority') : inLane('priority') + inLane('normal');
  }

  private adjustWaiting(
    ticket: Pick<TicketRecord, 'day' | 'serviceId' | 'priority'>,
    delta: number,
  ): void {
    this.q.adjustWaiting.run({
      day: ticket.day,
      service_id: ticket.serviceId,
      lane: ticket.priority ? 'priority' : 'normal',
      delta,
    });
  }

  get(id: string): TicketRecord | undefined {
    const row = this.q.byId.get(id) as TicketRow | undefined;
    return row && fromRow(row);
  }

  /** Draws the next number of the day for a service and lane (1, 2, 3 ...). */
  nextNumber(day: string, serviceId: number, lane: Lane): number {
    return (this.q.nextNumber.get(day, serviceId, lane) as { last: number }).last;
  }

  /** The longest-waiting ticket (in line, not held) of the lane among the services today. */
  oldestWaiting(day: string, serviceIds: number[], lane: Lane): WaitingCandidate | null {
    // One index lookup per service, so the cost is that of the counter's services alone.
    let oldest: WaitingCandidate | null = null;
    for (const serviceId of new Set(serviceIds)) {
      const row = this.q.oldestWaiting.get({
        day,
        service_id: serviceId,
        priority_lane: lane === 'priority' ? 1 : 0,
      }) as
        | { id: string; queued_ms: number; seq: number; priority: TicketRecord['priority'] }
        | undefined;
      if (!row) continue;
      if (
        oldest === null ||
        row.queued_ms < oldest.queuedMs ||
        (row.queued_ms === oldest.queuedMs && row.seq < oldest.seq)
      ) {
        oldest = { id: row.id, queuedMs: row.queued_ms, seq: row.seq, priority: row.priority };
      }
    }
    return oldest;
  }

  /** Normal tickets called today since the last priority call (all of today's if none). */
  normalsSinceLastPriority(day: string): number {
    const last = (this.q.lastPriorityCall.get({ day }) as { at: number | null }).at ?? -1;
    return (this.q.normalCallsSince.get({ day, since: last }) as { n: number }).n;
  }

  activeAtCounter(counterId: number): TicketRecord[] {
    return (this.q.activeAtCounter.all(counterId) as TicketRow[]).map(fromRow);
  }

  active(): TicketRecord[] {
    return (this.q.active.all() as TicketRow[]).map(fromRow);
  }

  /** Waiting tickets of the same service that the rule puts before this one. */
  ahead(ticket: TicketRecord): number {
    const inLane = (priorityLane: 0 | 1) =>
      (
        this.q.aheadInLane.get({
          day: ticket.day,
          service_id: ticket.serviceId,
          priority_lane: priorityLane,
          queued_ms: ticket.queuedMs,
          seq: ticket.seq,
        }) as { n: number }
      ).n;
    // A priority ticket waits only behind earlier priority tickets; a normal one behind both lanes.
    return ticket.priority ? inLane(1) : inLane(1) + inLane(0);
  }

  waitingCounts(day: string): WaitingCount[] {
    return (this.q.waitingCounts.all(day) as { service_id: number; waiting: number }[]).map(
      (r) => ({
        serviceId: r.service_id,
        waiting: r.waiting,
      }),
    );
  }

  /** When each service's longest-waiting ticket (in line, not held) joined the line today. */
  oldestWaitingByService(day: string): { serviceId: number; queuedMs: number }[] {
    return (
      this.q.oldestWaitingByService.all({ day }) as { service_id: number; queued_ms: number }[]
    ).map((r) => ({ serviceId: r.service_id, queuedMs: r.queued_ms }));
  }

  waitingList(day: string, serviceIds: number[]): TicketRecord[] {
    return (
      this.q.waitingList.all({ day, service_ids: JSON.stringify(serviceIds) }) as TicketRow[]
    ).map(fromRow);
  }

  latestCalls(day: string, limit: number): TicketRecord[] {
    return (this.q.latestCalls.all(day, limit) as TicketRow[]).map(fromRow);
  }

  /** Tickets still waiting (in line or held) from earlier days, to be closed when a new day starts. */
  waitingBefore(day: string): TicketRecord[] {
    return (this.q.waitingBefore.all({ day }) as TicketRow[]).map(fromRow);
  }

  /** The latest time a ticket was issued at a kiosk (transfers aside), null before the first. */
  latestIssuedMs(): number | null {
    return (this.q.latestIssued.get() as { at: number } | undefined)?.at ?? null;
  }

  /** The latest day any ticket was numbered in, null before the first. */
  latestDay(): string | null {
    return (this.q.latestDay.get() as { day: string | null }).day;
  }

  /** The latest first call of the day's tickets, null before the day's first call. */
  latestCallMs(day: string): number | null {
    return (this.q.latestCall.get(day) as { at: number | null }).at;
  }

  issuedBetween(fromMs: number, toMs: number): TicketRecord[] {
    return (this.q.issuedBetween.all(fromMs, toMs) as TicketRow[]).map(fromRow);
  }

  /** The counter's most recently finished ticket, if it finished at or after `sinceMs`. */
  latestFinishedAt(counterId: number, sinceMs: number): TicketRecord | undefined {
    const row = this.q.latestFinishedAt.get(counterId, sinceMs) as TicketRow | undefined;
    return row && fromRow(row);
  }

  /**
   * Whether a ticket other than `exceptId` was called, recalled or returned from hold to the
   * counter at or after `sinceMs`. At the same millisecond it counts: a rating then lands on
   * nobody rather than on the wrong citizen.
   */
  calledAtCounterSince(counterId: number, sinceMs: number, exceptId: string): boolean {
    return this.q.calledAtCounterSince.get(counterId, sinceMs, exceptId) !== undefined;
  }

  /** Tickets the station issued since `sinceMs` that its printer has not reported on yet. */
  unprinted(station: string, sinceMs: number): TicketRecord[] {
    return (this.q.unprinted.all(sinceMs, station) as TicketRow[]).map(fromRow);
  }
}
