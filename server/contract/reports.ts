/**
 * The managers' reports (GET /api/reports/...), the supervisor's live view and a
 * ticket's history. Re-exported by contract.ts; docs/contract.md describes them.
 * Figures a period has no data for are 0 (counts) or null (statistics), never NaN.
 */
import type {
  ComplaintKind,
  CounterStatus,
  DeviceStatus,
  IsoTime,
  LocalizedText,
  OutOfTurnReason,
  SurveyQuestion,
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

/**
 * One posted step of one service over the period (project 26): the steps the counters timed,
 * against the minutes posted for the step when each was started.
 */
export interface StepReportRow {
  serviceId: number;
  code: string;
  order: number;
  /** The step as posted now; null when the service no longer posts a step with this number. */
  title: LocalizedText | null;
  /** The minutes posted now (each timed step is held against those posted when it started). */
  standardMinutes: number | null;
  /** Steps started and finished, of tickets issued in the period. */
  timed: number;
  p50: number | null;
  p90: number | null;
  /** Share of timed steps finished within their posted minutes. */
  withinStandardPct: number | null;
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
  /** Per service and posted step, in the services' and steps' order. */
  steps: StepReportRow[];
  /** The five-question surveys of the period's tickets (always filled by the server). */
  surveys?: SurveyFigures;
  /** Complaints received in the period, per month by kind (always filled by the server). */
  complaints?: ComplaintCounts;
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

// ---- ITA publications (GET /api/publications/...): documents an office posts on its website ----

/** The part of a fiscal year a publication covers: a quarter (Q1 = Oct–Dec), a half, the year. */
export const PUBLICATION_PARTS = ['q1', 'q2', 'q3', 'q4', 'h1', 'h2', 'year'] as const;
export type PublicationPart = (typeof PUBLICATION_PARTS)[number];

export interface PublicationPeriod {
  /** Buddhist era: 2569 = 1 October 2025 - 30 September 2026. */
  fiscalYear: number;
  part: PublicationPart;
  /** "ไตรมาส 1 (ตุลาคม – ธันวาคม)", "รอบ 6 เดือน (ตุลาคม – มีนาคม)", "ทั้งปีงบประมาณ". */
  label: LocalizedText;
  range: ReportRange;
  /** "1 ตุลาคม 2568 – 31 ธันวาคม 2568" (Buddhist era) / "1 October 2025 – 31 December 2025". */
  rangeText: LocalizedText;
  /** The period has not ended: its figures reach only this office-local day (today). */
  dataUntil: string | null;
  /** "ข้อมูลถึงวันที่ 1 ธันวาคม 2569"; null for a period that has ended. */
  dataUntilText: LocalizedText | null;
}

/** One service in the service manual (คู่มือการให้บริการ), as posted (project 26). */
export interface ServiceManualEntry {
  serviceId: number;
  code: string;
  name: LocalizedText;
  steps: { order: number; title: LocalizedText; minutes: number; responsible: string }[];
  /** The sum of the steps' minutes. */
  standardMinutes: number;
  targetWaitMinutes: number;
  /** Baht; 0 is an explicit "no fee" (ไม่มีค่าธรรมเนียม). */
  fee: number;
  feeNote: LocalizedText | null;
  documents: LocalizedText[];
  /** Where the service is given: the office and the counters that serve it, in number order. */
  place: { officeName: LocalizedText; counters: { number: number; name: string }[] };
}

export interface ServiceManual {
  officeName: LocalizedText;
  generatedAt: IsoTime;
  /** Where citizens complain: the office's complaint channel, or the office itself when none is set. */
  complaint: {
    /** The ways, each as printed ("โทร 0 2123 4567", "LINE @office"); empty when none is set. */
    ways: string[];
    note: LocalizedText | null;
    /** One sentence for the document. */
    text: LocalizedText;
  };
  /** Every active service (or the one asked for), in the office's order. */
  services: ServiceManualEntry[];
}

/** One row of the service statistics: the manager reports' figures for a service or the office. */
export interface PublicationStatisticsRow {
  /** null: the whole office. */
  serviceId: number | null;
  code: string;
  name: LocalizedText;
  issued: number;
  served: number;
  noShow: number;
  cancelled: number;
  waitP50: number | null;
  waitP90: number | null;
  /** null for the office row (each service has its own target). */
  targetWaitMinutes: number | null;
  withinTargetPct: number | null;
  serviceMean: number | null;
  /** The posted standard minutes; null for the office row. */
  standardMinutes: number | null;
  withinStandardPct: number | null;
  outOfTurn: number;
}

/** สถิติการให้บริการ: per quarter or for the year so far. */
export interface StatisticsPublication {
  title: LocalizedText;
  officeName: LocalizedText;
  period: PublicationPeriod;
  generatedAt: IsoTime;
  services: PublicationStatisticsRow[];
  total: PublicationStatisticsRow;
}

/** A row of the satisfaction report: a service, the office, or (later) a question of a survey. */
export interface SatisfactionPublicationRow {
  kind: 'service' | 'overall' | 'dimension';
  /** The service's id for a service row, else null. */
  serviceId: number | null;
  label: LocalizedText;
  /** Tickets served, the base of the response rate; null where it does not apply (a survey question). */
  served: number | null;
  figures: SatisfactionFigures;
}

/** How one set of ratings was collected, and its rows (today: the rating buttons after each service). */
export interface SatisfactionSection {
  id: string;
  title: LocalizedText;
  method: LocalizedText;
  rows: SatisfactionPublicationRow[];
}

/** รายงานผลความพึงพอใจ: the fiscal halves (6 months) and the year (12 months). */
export interface SatisfactionPublication {
  title: LocalizedText;
  officeName: LocalizedText;
  period: PublicationPeriod;
  generatedAt: IsoTime;
  targetPct: number;
  /** The five levels (5 = มากที่สุด ... 1 = น้อยที่สุด) and the bands the means are read by. */
  scale: { level: number; label: LocalizedText }[];
  bands: { min: number; max: number; label: LocalizedText }[];
  sections: SatisfactionSection[];
}

/** One downloadable document of GET /api/publications. */
export interface PublicationFile {
  format: 'pdf' | 'xlsx';
  /** The API path to download it from. */
  path: string;
  /** The name an office can upload as is (the Content-Disposition's). */
  fileName: string;
}

export interface PublicationListEntry {
  kind: 'statistics' | 'satisfaction';
  period: PublicationPeriod;
  /** in-progress: the period has started and not ended (its figures reach today). */
  state: 'complete' | 'in-progress';
  files: PublicationFile[];
}

/** GET /api/publications: what the ITA page lists, for the current and the previous fiscal year. */
export interface PublicationList {
  today: string;
  serviceManual: {
    files: PublicationFile[];
    services: { serviceId: number; code: string; name: LocalizedText; file: PublicationFile }[];
  };
  fiscalYears: { fiscalYear: number; documents: PublicationListEntry[] }[];
}

// ---- the public record of the queue (GET /api/transparency, the page /transparency) ----

/** today = the office day so far; week = its Monday to today; month = its 1st to today. */
export const TRANSPARENCY_RANGES = ['today', 'week', 'month'] as const;
export type TransparencyRange = (typeof TRANSPARENCY_RANGES)[number];

/**
 * One service's public figures over the range; the same definitions as the managers' reports
 * (ReportFigures), without anything that names a person or a ticket.
 */
export interface TransparencyService {
  serviceId: number;
  code: string;
  name: LocalizedText;
  issued: number;
  served: number;
  /** Tickets called at least once. */
  calls: number;
  outOfTurn: number;
  /** 100 − outOfTurn ÷ calls × 100; a priority call by the published rule is in order. */
  inOrderPct: number | null;
  wait: { p50: number | null; p90: number | null; withinTargetPct: number | null };
  targetWaitMinutes: number;
  serviceTime: {
    timed: number;
    mean: number | null;
    p90: number | null;
    withinStandardPct: number | null;
  };
  standardMinutes: number;
}

/** A call made out of the published order: the number, when, where and why; never who. */
export interface TransparencyOutOfTurnCall {
  number: string;
  serviceId: number;
  calledAt: IsoTime;
  counterNumber: number | null;
  reason: OutOfTurnReason | null;
}

export type TransparencySatisfaction = Pick<
  SatisfactionFigures,
  'counts' | 'n' | 'mean' | 'sd' | 'band' | 'satisfiedPct' | 'targetPct' | 'targetMet'
>;

/** The surveys as Report.surveys gives them, without how many came with a comment. */
export type TransparencySurvey = Omit<SurveyFigures, 'withComment'>;

/** One office day's ledger head: signed (a checkpoint) or not yet (today, or signing failed). */
export interface TransparencyLedgerDay {
  day: string;
  seq: number;
  count: number;
  headHash: string;
  signed: boolean;
}

export interface TransparencyLedger {
  /** The last check of the whole chain (GET /api/ledger/verify's check); null: not checked yet. */
  verified: boolean | null;
  checkedAt: IsoTime | null;
  /** The chain as that check found it. */
  length: number | null;
  headHash: string | null;
  /** The first entry that does not hold, when verified is false. */
  brokenAt: number | null;
  /** How often the chain is checked again (it is not checked per request). */
  checkEveryMinutes: number;
  /** The range's days with entries, oldest first; today's head is the running one. */
  days: TransparencyLedgerDay[];
}

/** The published calling rule (GET /api/queue/rule) without the list of priority kinds. */
export interface TransparencyRule {
  priority: { prefix: string; everyNormal: number };
  recallLimit: number;
  outOfTurnReasons: readonly OutOfTurnReason[];
  timeZone: string;
  description: LocalizedText;
}

/** GET /api/transparency?range=today|week|month: public, no ticket ids, no names. */
export interface Transparency {
  range: { kind: TransparencyRange; from: string; to: string; days: number };
  generatedAt: IsoTime;
  officeName: LocalizedText;
  totals: {
    issued: number;
    served: number;
    calls: number;
    outOfTurn: number;
    inOrderPct: number | null;
  };
  services: TransparencyService[];
  /** Newest first; at most 500 of them (totals.outOfTurn counts all). */
  outOfTurn: TransparencyOutOfTurnCall[];
  satisfaction: TransparencySatisfaction;
  /** The five-question surveys by the ticket's QR of the range's tickets (project 16). */
  survey: TransparencySurvey;
  /** Complaints received on the range's days, counted per month by kind (project 17). */
  complaints: ComplaintCounts;
  ledger: TransparencyLedger;
  rule: TransparencyRule;
}

// ---- the five-question survey by the ticket's QR (project 16) ----

/** One question of the survey over a period: its answers at levels 1..5 and their figures. */
export interface SurveyQuestionFigures {
  question: SurveyQuestion;
  label: LocalizedText;
  counts: [number, number, number, number, number];
  n: number;
  mean: number | null;
  /** Sample standard deviation (n - 1); null below two answers. */
  sd: number | null;
  /** The Thai band of the mean as printed (4.21-5.00 มากที่สุด ...), as for ratings. */
  band: LocalizedText | null;
  /** Share of answers at 4 or 5. */
  satisfiedPct: number | null;
}

/** The surveys of a period's tickets: how many were answered, and each question in order. */
export interface SurveyFigures {
  n: number;
  /** Surveys that came with a comment. */
  withComment: number;
  questions: SurveyQuestionFigures[];
}

// ---- complaints of unfair service, counted (project 17): never their text ----

/** One month's complaints (by the office-local day each was received). */
export interface ComplaintMonthCounts {
  /** YYYY-MM. */
  month: string;
  received: number;
  byKind: Record<ComplaintKind, number>;
  /** Of those received that month, how many are resolved now. */
  resolved: number;
}

/** Every month a period touches, oldest first, with zeros; and the period's totals. */
export interface ComplaintCounts {
  months: ComplaintMonthCounts[];
  totals: Omit<ComplaintMonthCounts, 'month'>;
}
