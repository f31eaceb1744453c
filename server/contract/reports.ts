/**
 * The managers' reports (GET /api/reports/...), the supervisor's live view and a
 * ticket's history. Re-exported by contract.ts; docs/contract.md describes them.
 * Figures a period has no data for are 0 (counts) or null (statistics), never NaN.
 */
import type {
  CounterStatus,
  DeviceStatus,
  IsoTime,
  LocalizedText,
  OutOfTurnReason,
  TicketStatus,
} from './contract.ts';

export const REPORT_KINDS = ['weekly', 'monthly', 'half-year', 'fiscal-year'] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** Office-local days, both ends included (YYYY-MM-DD). */
export interface ReportRange {
  from: string;
  to: string;
  days: number;
}

/** Wait = first call minus the ticket's own issue time, in minutes, over tickets that were called. */
export interface WaitFigures {
  called: number;
  p50: number | null;
  p90: number | null;
  mean: number | null;
  max: number | null;
  /** Share of called tickets called within their service's targetWaitMinutes. */
  withinTargetPct: number | null;
}

/** Service time = finish minus start, in minutes, over served tickets. */
export interface ServiceTimeFigures {
  timed: number;
  mean: number | null;
  p90: number | null;
  /** Share of served tickets finished within their service's posted standard minutes. */
  withinStandardPct: number | null;
}

export interface SatisfactionFigures {
  /** Ratings at levels 1..5. */
  counts: [number, number, number, number, number];
  n: number;
  mean: number | null;
  /** Sample standard deviation (n - 1); null below two ratings. */
  sd: number | null;
  /** The Thai interpretation band of the mean rounded to two decimals (4.21-5.00 มากที่สุด ...). */
  band: LocalizedText | null;
  /** Share of ratings at 4 or 5: the figure held against the office's target. */
  satisfiedPct: number | null;
  /** mean / 5 x 100, as Thai survey reports also give it. */
  meanScorePct: number | null;
  /** Ratings / served tickets. */
  responseRatePct: number | null;
  targetPct: number;
  /** satisfiedPct >= targetPct; null with no ratings. */
  targetMet: boolean | null;
}

export interface FairnessFigures {
  /** Tickets called at least once. */
  calls: number;
  outOfTurn: number;
  outOfTurnByReason: Record<OutOfTurnReason, number>;
  /** 1 - outOfTurn / calls, as a percentage. */
  inOrderPct: number | null;
  recalls: number;
  transfersOut: number;
}

export interface ReportFigures {
  /** Every ticket row, transfer successors included. */
  issued: number;
  /** Transfer successors among `issued`. */
  transfersIn: number;
  served: number;
  noShow: number;
  cancelled: number;
  transfersOut: number;
  /** Still waiting, called or being served (a range that includes today). */
  open: number;
  wait: WaitFigures;
  service: ServiceTimeFigures;
  satisfaction: SatisfactionFigures;
  fairness: FairnessFigures;
}

export interface ServiceReportRow extends ReportFigures {
  serviceId: number;
  code: string;
  name: LocalizedText;
  targetWaitMinutes: number;
  standardMinutes: number;
}

/** A counter's or a staff member's figures count the tickets they last handled and the ratings given to them. */
export interface CounterReportRow extends ReportFigures {
  counterId: number;
  number: number;
  name: string;
}

export interface StaffReportRow extends ReportFigures {
  staff: string;
}

export interface DayReportRow extends ReportFigures {
  day: string;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
}

/** A call made out of the published order, with its reason. */
export interface OutOfTurnCall {
  ticketId: string;
  number: string;
  serviceId: number;
  calledAt: IsoTime;
  counterId: number | null;
  staff: string | null;
  reason: OutOfTurnReason | null;
}

/** Change against the previous period: percentages change by points, minutes by minutes. */
export interface ReportChange {
  issuedPct: number | null;
  servedPct: number | null;
  waitP50Minutes: number | null;
  withinTargetPts: number | null;
  withinStandardPts: number | null;
  satisfiedPts: number | null;
}

export interface Report {
  kind: ReportKind | 'custom';
  title: LocalizedText;
  officeName: LocalizedText;
  range: ReportRange;
  timeZone: string;
  generatedAt: IsoTime;
  /** Set when the report was asked for one service (?serviceId=). */
  serviceId: number | null;
  totals: ReportFigures;
  services: ServiceReportRow[];
  counters: CounterReportRow[];
  staff: StaffReportRow[];
  days: DayReportRow[];
  /** Arrivals (first issues, not transfers): heatmap[weekday 0=Mon..6=Sun][hour 0..23]. */
  heatmap: number[][];
  outOfTurnCalls: OutOfTurnCall[];
  previous: { range: ReportRange; totals: ReportFigures; days: DayReportRow[] };
  change: ReportChange;
}

// ---- a ticket's history, from the ledger ----

export interface TicketHistoryEntry {
  seq: number;
  at: IsoTime;
  /** The ledger event type, e.g. ticket.called, rating.given. */
  type: string;
  actor: string;
  status: TicketStatus | null;
  counterId: number | null;
  staff: string | null;
  /** The reason given for an out-of-turn call, when this entry is one. */
  reason: OutOfTurnReason | null;
  detail: string | null;
  hash: string;
}

export interface TicketHistory {
  ticketId: string;
  number: string;
  serviceId: number;
  /** The whole transfer chain, oldest first, each with its entries. */
  chain: { ticketId: string; entries: TicketHistoryEntry[] }[];
}

// ---- the supervisor's live view (/manager, tab ตอนนี้) ----

export interface SupervisorCounter {
  counterId: number;
  number: number;
  name: string;
  status: CounterStatus;
  /** The staff member serving now, else the one who last finished a ticket here today. */
  staff: string | null;
  ticket: {
    id: string;
    number: string;
    serviceId: number;
    status: TicketStatus;
    since: IsoTime;
    minutes: number;
    standardMinutes: number;
    overStandard: boolean;
  } | null;
  /** Open, nobody at the counter, while people wait for a service it serves. */
  idleWhilePeopleWait: boolean;
}

export interface SupervisorService {
  serviceId: number;
  code: string;
  name: LocalizedText;
  waiting: number;
  oldestWaitMinutes: number | null;
  targetWaitMinutes: number;
  overTarget: boolean;
}

export interface SupervisorView {
  at: IsoTime;
  counters: SupervisorCounter[];
  services: SupervisorService[];
  /** Devices not online, or stale. */
  deviceAlerts: DeviceStatus[];
}
