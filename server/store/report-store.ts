import type { Statement } from 'better-sqlite3';
import type { Db } from './database.ts';
import type { RatingGroupRecord, TicketGroupRecord } from '../core/records.ts';
import type { SurveyQuestion } from '../contract/contract.ts';
import { SURVEY_QUESTIONS } from '../contract/contract.ts';

/** One service's timed step over a period (migration 007's ticket_steps). */
export interface StepGroupRecord {
  serviceId: number;
  order: number;
  /** Finish minus start of each timed step. */
  durationsMs: number[];
  /** Steps with posted minutes to keep (a step posted with 0 minutes has none). */
  heldToStandard: number;
  /** Of those, finished within the minutes posted when they started. */
  withinStandard: number;
}

/**
 * How finely a period's tickets are grouped: fully for the report's own period;
 * by day and service for the period before, whose counters and staff are not shown
 * (each ticket is still held against its own service's target and standard).
 */
export type TicketGrouping = 'day-service-counter-staff' | 'day-service';

type RawTicketGroup = [
  day: string,
  serviceId: number,
  counterId: number | null,
  staff: string | null,
  issued: number,
  transfersIn: number,
  served: number,
  noShow: number,
  cancelled: number,
  transfersOut: number,
  open: number,
  recalls: number,
  waits: string | null,
  serviceTimes: string | null,
  arrivals: string | null,
  outOfTurn: string | null,
];

type RawRatingGroup = [
  day: string,
  serviceId: number,
  counterId: number,
  staff: string | null,
  score: number,
  count: number,
];

/**
 * The sums are made by SQLite and only the per-ticket times come back, each
 * group's as one comma-separated list: stepping a year's million rows one by one
 * through the driver cost more than the rest of the report together.
 */
const ticketGroups = (grouping: TicketGrouping, oneService: boolean): string => `
  SELECT day, service_id, ${grouping === 'day-service' ? 'NULL, NULL' : 'counter_id, staff'},
    count(*), count(transferred_from), sum(status = 'done'), sum(status = 'no_show'),
    sum(status = 'cancelled'), sum(status = 'transferred'),
    sum(status IN ('waiting', 'called', 'serving')), sum(recalls),
    group_concat(called_ms - issued_ms),
    group_concat(CASE WHEN status = 'done' THEN finished_ms - started_ms END),
    group_concat(CASE WHEN transferred_from IS NULL THEN issued_ms / 900000 END),
    group_concat(CASE WHEN out_of_turn = 1 AND called_ms IS NOT NULL
      THEN json_array(id, number, called_ms, out_of_turn_reason) END)
  FROM tickets
  WHERE day BETWEEN ? AND ? ${oneService ? 'AND service_id = ?' : ''}
  GROUP BY day, service_id${grouping === 'day-service' ? '' : ', counter_id, staff'}`;

const ratingGroups = (oneService: boolean): string => `
  SELECT t.day, t.service_id, r.counter_id, r.staff, r.score, count(*)
  FROM tickets t JOIN ratings r ON r.ticket_id = t.id
  WHERE t.day BETWEEN ? AND ? ${oneService ? 'AND t.service_id = ?' : ''}
  GROUP BY t.day, t.service_id, r.counter_id, r.staff, r.score`;

/** Timed steps: started and finished, of the period's tickets, by service and step number. */
const stepGroups = (oneService: boolean): string => `
  SELECT t.service_id, s.step_order, group_concat(s.finished_ms - s.started_ms),
    sum(s.standard_minutes > 0),
    sum(s.standard_minutes > 0 AND s.finished_ms - s.started_ms <= s.standard_minutes * 60000)
  FROM tickets t JOIN ticket_steps s ON s.ticket_id = t.id
  WHERE t.day BETWEEN ? AND ? ${oneService ? 'AND t.service_id = ?' : ''}
    AND s.finished_ms IS NOT NULL
  GROUP BY t.service_id, s.step_order`;

type RawStepGroup = [
  serviceId: number,
  order: number,
  durations: string,
  held: number,
  within: number,
];

/** The five-question surveys of a period's tickets (migration 009): answers per question and level. */
export interface SurveyCountsRecord {
  n: number;
  withComment: number;
  counts: Record<SurveyQuestion, [number, number, number, number, number]>;
}

/** One pass: for each question, how many answered it at each level 1..5. */
const surveyCounts = (oneService: boolean): string => `
  SELECT count(*), count(s.comment),
    ${SURVEY_QUESTIONS.flatMap((q) => [1, 2, 3, 4, 5].map((level) => `sum(s.${q}_score = ${level})`)).join(', ')}
  FROM tickets t JOIN surveys s ON s.ticket_id = t.id
  WHERE t.day BETWEEN ? AND ? ${oneService ? 'AND t.service_id = ?' : ''}`;

/** A comma-separated list from group_concat (numbers, or JSON values) as an array. */
const listOf = <T>(text: string | null): T[] => (text === null ? [] : JSON.parse(`[${text}]`));

/** SQL the reports read: a range of office-local days' tickets and ratings, summed by group. */
export class ReportStore {
  private readonly statements = new Map<string, Statement<(string | number)[]>>();

  constructor(private readonly db: Db) {}

  /** The tickets issued on the days from..to (YYYY-MM-DD, both included), optionally of one service. */
  ticketGroups(
    from: string,
    to: string,
    serviceId: number | null,
    grouping: TicketGrouping,
  ): TicketGroupRecord[] {
    const statement = this.statement(`tickets:${grouping}:${serviceId !== null}`, () =>
      ticketGroups(grouping, serviceId !== null),
    );
    const rows = statement.all(...rangeParams(from, to, serviceId)) as RawTicketGroup[];
    return rows.map((r) => ({
      day: r[0],
      serviceId: r[1],
      counterId: r[2],
      staff: r[3],
      issued: r[4],
      transfersIn: r[5],
      served: r[6],
      noShow: r[7],
      cancelled: r[8],
      transfersOut: r[9],
      open: r[10],
      recalls: r[11],
      waitsMs: listOf<number>(r[12]),
      serviceMs: listOf<number>(r[13]),
      arrivalQuarterHours: listOf<number>(r[14]),
      outOfTurn: listOf<[string, string, number, TicketGroupRecord['outOfTurn'][number]['reason']]>(
        r[15],
      ).map(([ticketId, number, calledMs, reason]) => ({ ticketId, number, calledMs, reason })),
    }));
  }

  /** The ratings of those tickets, by the ticket's day and service and whom each was given to. */
  ratingGroups(from: string, to: string, serviceId: number | null): RatingGroupRecord[] {
    const statement = this.statement(`ratings:${serviceId !== null}`, () =>
      ratingGroups(serviceId !== null),
    );
    return (statement.all(...rangeParams(from, to, serviceId)) as RawRatingGroup[]).map((r) => ({
      day: r[0],
      serviceId: r[1],
      counterId: r[2],
      staff: r[3],
      score: r[4],
      count: r[5],
    }));
  }

  /** The steps timed for those tickets, by service and step number. */
  stepGroups(from: string, to: string, serviceId: number | null): StepGroupRecord[] {
    const statement = this.statement(`steps:${serviceId !== null}`, () =>
      stepGroups(serviceId !== null),
    );
    return (statement.all(...rangeParams(from, to, serviceId)) as RawStepGroup[]).map((r) => ({
      serviceId: r[0],
      order: r[1],
      durationsMs: listOf<number>(r[2]),
      heldToStandard: r[3],
      withinStandard: r[4],
    }));
  }

  /** The surveys answered for those tickets (each on the ticket where the service ended). */
  surveyCounts(from: string, to: string, serviceId: number | null): SurveyCountsRecord {
    const statement = this.statement(`surveys:${serviceId !== null}`, () =>
      surveyCounts(serviceId !== null),
    );
    const row = statement.get(...rangeParams(from, to, serviceId)) as (number | null)[];
    const counts = {} as SurveyCountsRecord['counts'];
    SURVEY_QUESTIONS.forEach((question, i) => {
      const at = (level: number): number => row[2 + i * 5 + level - 1] ?? 0;
      counts[question] = [at(1), at(2), at(3), at(4), at(5)];
    });
    return { n: row[0] ?? 0, withComment: row[1] ?? 0, counts };
  }

  private statement(key: string, sql: () => string): Statement<(string | number)[]> {
    let statement = this.statements.get(key);
    if (!statement) {
      statement = this.db.prepare<(string | number)[]>(sql()).raw(true);
      this.statements.set(key, statement);
    }
    return statement;
  }
}

const rangeParams = (from: string, to: string, serviceId: number | null): (string | number)[] =>
  serviceId === null ? [from, to] : [from, to, serviceId];
