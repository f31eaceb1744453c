/**
 * The office server's public contract: HTTP bodies and the realtime event map.
 * Server, renderer and device agent import these with `import type`, so a renamed
 * field breaks the build instead of the kiosk. docs/contract.md describes the same
 * contract for clients outside this repository.
 */

import type { ComplaintChannel } from './citizen-feedback.ts';
import type { AnnouncementSettings, IssuingState } from './office-settings.ts';

/** ISO 8601 with the office's UTC offset, e.g. 2026-11-25T09:00:00.000+07:00 */
export type IsoTime = string;

/**
 * Thai is required; English is optional: an office may leave it '' (never missing), and
 * screens show the Thai where the English is empty.
 */
export interface LocalizedText {
  th: string;
  en: string;
}

export type Role = 'staff' | 'manager' | 'admin';

export const TICKET_STATUSES = [
  'waiting',
  'called',
  'serving',
  'done',
  'no_show',
  'cancelled',
  'transferred',
] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITY_KINDS = ['elderly', 'disabled', 'pregnant'] as const;
export type PriorityKind = (typeof PRIORITY_KINDS)[number];

/** Why a ticket was called out of its turn; published, counted in reports. */
export const OUT_OF_TURN_REASONS = [
  'returned_with_documents',
  'appointment',
  'medical_emergency',
  'correcting_staff_error',
  'accessibility_need',
] as const;
export type OutOfTurnReason = (typeof OUT_OF_TURN_REASONS)[number];

/** The reasons in words, as the counter, the reports and /transparency show them. */
export const OUT_OF_TURN_REASON_LABELS: Record<OutOfTurnReason, LocalizedText> = {
  returned_with_documents: { th: 'กลับมาพร้อมเอกสารที่ขาด', en: 'Returned with missing documents' },
  appointment: { th: 'นัดหมายล่วงหน้า', en: 'Appointment' },
  medical_emergency: { th: 'เหตุฉุกเฉินทางการแพทย์', en: 'Medical emergency' },
  correcting_staff_error: { th: 'แก้ไขความผิดพลาดของเจ้าหน้าที่', en: 'Correcting a staff error' },
  accessibility_need: { th: 'ความจำเป็นด้านการเข้าถึง', en: 'Accessibility need' },
};

/**
 * Why staff cancelled a ticket (POST /api/tickets/:id/cancel {reason}); recorded in the ledger.
 * The server also cancels with `day_closed` (a ticket still waiting when the office day turns),
 * which staff cannot choose.
 */
export const CANCEL_REASONS = [
  'citizen_left',
  'wrong_service',
  'duplicate_ticket',
  'citizen_request',
] as const;
export type CancelReason = (typeof CANCEL_REASONS)[number];

/**
 * The states a ticket can be cancelled from (server/core/ticket-lifecycle.ts enforces them).
 * Only a ticket in line or held aside: a citizen called or being served is a no-show, a
 * transfer or a finish, so that what happened at the counter is what the reports count.
 */
export const CANCELLABLE_STATUSES = ['waiting'] as const satisfies readonly TicketStatus[];

export const COUNTER_STATUSES = ['open', 'paused', 'closed'] as const;
export type CounterStatus = (typeof COUNTER_STATUSES)[number];

export interface ServiceStep {
  order: number;
  title: LocalizedText;
  minutes: number;
  /** The responsible official or unit, as posted (project 26). */
  responsible: string;
}

export interface Service {
  id: number;
  code: string;
  name: LocalizedText;
  /** Sum of the steps' standard minutes. */
  standardMinutes: number;
  steps: ServiceStep[];
  documents: LocalizedText[];
  /** Fee in baht; 0 is an explicit "no fee". */
  fee: number;
  feeNote: LocalizedText | null;
  targetWaitMinutes: number;
  active: boolean;
}

export interface Counter {
  id: number;
  name: string;
  number: number;
  /** Services this counter serves, in its order of preference (for display). */
  serviceIds: number[];
  status: CounterStatus;
  pauseReason: string | null;
}

/**
 * A ticket as anyone in the hall may see it: its number, never its id (the citizen's
 * own capability, printed in the QR) nor its priority kind (elderly, disabled, pregnant).
 */
export interface PublicTicket {
  number: string;
  serviceId: number;
  status: TicketStatus;
  issuedAt: IsoTime;
  /**
   * When the citizen took their place in line: `issuedAt` for a first ticket, the original
   * ticket's time for one a transfer carried on (which keeps that place in time).
   */
  joinedAt: IsoTime;
  /** Waiting tickets that will be called before this one under the published rule. */
  ahead: number;
  estimatedWaitMinutes: number | null;
  counterId: number | null;
  calledAt: IsoTime | null;
  startedAt: IsoTime | null;
  finishedAt: IsoTime | null;
  held: boolean;
  recalls: number;
  outOfTurn: boolean;
}

/** What anyone holding the ticket may see, and signed-in staff and paired stations. */
export interface Ticket extends PublicTicket {
  id: string;
  priority: PriorityKind | null;
  /** When status is transferred: the ticket that carries the citizen's place on. */
  transferredTo: string | null;
  transferredFrom: string | null;
}

/** One row of the manager's ticket listing. */
export interface TicketRecord extends Ticket {
  staff: string | null;
  outOfTurnReason: OutOfTurnReason | null;
  rating: number | null;
  /** The kiosk that issued it, and what its printer last reported (null: never reported). */
  station: string | null;
  printOutcome: PrintOutcome | null;
}

/**
 * One posted step of a ticket's service as the counter timed it (project 26): started and
 * finished by the counter serving the ticket, each recorded in the ledger.
 */
export interface TicketStep {
  order: number;
  startedAt: IsoTime;
  finishedAt: IsoTime | null;
  /** The step's posted minutes when it started: what it is held against. */
  standardMinutes: number;
  /** Finish minus start in minutes (two decimals); null while the step runs. */
  minutes: number | null;
  counterId: number;
  staff: string | null;
}

/** GET /api/tickets/:id/steps and the answer of each step start and finish. */
export interface TicketSteps {
  ticketId: string;
  steps: TicketStep[];
}

export interface Rating {
  ticketId: string;
  score: number;
  label: LocalizedText;
  counterId: number;
  staff: string | null;
  ratedAt: IsoTime;
}

/**
 * How long a counter's finished ticket stays the one its rating screen and button box rate,
 * unless the counter calls someone first. The citizen answers on standing up or not at all;
 * 90 s lets them gather their papers and read five choices, and is short enough that whoever
 * stands there next at a quiet counter (nobody called) cannot rate the citizen before.
 */
export const RATING_TARGET_TIMEOUT_MS = 90_000;

/** GET /api/counters/:id/rating-target: what the counter's citizen rates now. */
export interface RatingTarget {
  ticket: Ticket;
  /** Until the question ends unanswered, as the server counts (the screen's own timer). */
  closesInMs: number;
}

/** A call as the hall sees it: the number and the counter, no ticket id. */
export interface PublicCallSummary {
  ticket: { number: string; serviceId: number };
  counter: { id: number; name: string; number: number };
  calledAt: IsoTime;
  recall: boolean;
}

export interface CallSummary extends PublicCallSummary {
  ticket: { id: string; number: string; serviceId: number };
}

export interface QueueServiceSummary {
  serviceId: number;
  code: string;
  waiting: number;
  estimatedWaitMinutes: number | null;
  /**
   * When the longest-waiting ticket of the service (in line, not held) joined the line,
   * kept across transfers; null when nobody waits. Screens hold it against the service's
   * `targetWaitMinutes`.
   */
  oldestWaitingSince: IsoTime | null;
}

export interface PublicNowServing {
  counterId: number;
  ticket: { number: string; serviceId: number; status: TicketStatus } | null;
}

export interface NowServing extends PublicNowServing {
  ticket: { id: string; number: string; serviceId: number; status: TicketStatus } | null;
}

/** GET /api/queue for anyone: numbers, counters and times only. */
export interface PublicQueueSummary {
  services: QueueServiceSummary[];
  latestCalls: PublicCallSummary[];
  nowServing: PublicNowServing[];
}

/** GET /api/queue for signed-in staff, who act on ticket ids. */
export interface QueueSummary extends PublicQueueSummary {
  latestCalls: CallSummary[];
  nowServing: NowServing[];
}

export interface QueueRule {
  priority: { prefix: string; kinds: readonly PriorityKind[]; everyNormal: number };
  recallLimit: number;
  outOfTurnReasons: readonly OutOfTurnReason[];
  timeZone: string;
  description: LocalizedText;
}

export interface LedgerVerification {
  ok: boolean;
  length: number;
  headHash: string;
  brokenAt?: number;
  problem?: string;
}

/**
 * One closed office day's ledger head, signed with the office's Ed25519 key over the UTF-8
 * bytes of `khiu-checkpoint:v1:{day}:{seq}:{count}:{headHash}`.
 */
export interface LedgerCheckpoint {
  /** Office-local YYYY-MM-DD. */
  day: string;
  /** The day's last entry and its hash; `count` entries end there (seq − count follows the day before). */
  seq: number;
  count: number;
  headHash: string;
  /** Base64 Ed25519 signature. */
  signature: string;
}

/** GET /api/ledger/checkpoints: save it outside the office and check it later. */
export interface LedgerCheckpoints {
  /** PEM (SPKI) of the office's checkpoint key. */
  publicKey: string;
  checkpoints: LedgerCheckpoint[];
}

/** One ticket that joined the line after the asking ticket and was called before it. */
export interface OrderCheckCall {
  number: string;
  calledAt: IsoTime;
  /** priority_turn: a priority ticket called by the published rule; else out_of_turn. */
  rule: 'priority_turn' | 'out_of_turn';
  /** The recorded out-of-turn reason; null when the call was not recorded as out of turn. */
  reason: OutOfTurnReason | null;
}

/** GET /api/tickets/:id/order-check: was anyone who joined later called first? */
export interface OrderCheck {
  ticket: { id: string; number: string };
  /** From joining this service's line to the first call (or to now while waiting), two decimals. */
  waitMinutes: number;
  targetWaitMinutes: number;
  calledBefore: OrderCheckCall[];
}

export interface User {
  id: number;
  username: string;
  role: Role;
  active: boolean;
}

/** The signed-in user as the session routes answer it (POST/GET /api/session, PUT /api/session/counter). */
export interface SessionUser {
  username: string;
  role: Role;
  /** The counter this session works; staff must choose one before acting at a counter. */
  counterId: number | null;
}

export interface ApiError {
  error: { code: string; message: string };
}

// ---- stations ----

/** A paired device: a kiosk screen, a hall display, a counter's rating screen, or a device agent. */
export const STATION_KINDS = ['kiosk', 'display', 'rating', 'agent'] as const;
export type StationKind = (typeof STATION_KINDS)[number];

export interface Station {
  id: number;
  /** The place: a kiosk screen and the agent that prints for it share one name (kiosk-1). */
  name: string;
  kind: StationKind;
  /** A rating station: the counter whose service it rates. */
  counterId: number | null;
  /** An agent: the counters whose rating button boxes are plugged into it. */
  buttonCounterIds: number[];
  /** The screen a paired browser opens (/kiosk, /display, /rate/3); null for an agent. */
  path: string | null;
  createdAt: IsoTime;
  revokedAt: IsoTime | null;
}

/** POST /api/stations: the token is in this answer only; the server keeps its SHA-256. */
export interface StationCreated {
  station: Station;
  token: string;
  /** /pair?token=...&next=<path>, for a browser station; null for an agent (it sends the token as a bearer). */
  pairingPath: string | null;
}

// ---- realtime ----

/**
 * What every client gets on (re)connect. Anonymous clients get `PublicSnapshot`;
 * signed-in staff get `Snapshot`, whose calls carry ticket ids.
 */
export interface PublicSnapshot extends PublicQueueSummary {
  seq: number;
  /** How the hall voice reads a call; the display follows a change from the next call. */
  announcement: AnnouncementSettings;
  /** The office's time zone (the published rule's): screens show times and days in it. */
  timeZone: string;
  counters: Counter[];
  officeName: LocalizedText;
  /**
   * Where citizens' phones reach the server (no trailing slash): the ticket QR holds
   * <publicBaseUrl>/t/<id>. The office's setting, else a default (PublicAddressSettings);
   * null while the server was not told how it is reached.
   */
  publicBaseUrl: string | null;
  /** Where citizens complain (project 17); null until the office sets it. */
  complaintChannel: ComplaintChannel | null;
  /** Every service as posted (inactive ones too): screens show names, steps and fees from it. */
  serviceDefinitions: Service[];
  /** The published calling rule, as GET /api/queue/rule answers it. */
  rule: QueueRule;
  /**
   * Office hours and which services the kiosk issues now. This server always sends it; a
   * screen given a snapshot without it treats every active service as issuing.
   */
  issuing?: IssuingState;
}

export interface Snapshot extends PublicSnapshot {
  latestCalls: CallSummary[];
  nowServing: NowServing[];
}

export interface PublicTicketIssuedEvent {
  seq: number;
  ticket: PublicTicket;
  /** The paired kiosk that issued it, so that station's printer prints it; null: no printer. */
  station: string | null;
}

export interface TicketIssuedEvent extends PublicTicketIssuedEvent {
  ticket: Ticket;
}

export const PRINT_OUTCOMES = ['printed', 'failed'] as const;
export type PrintOutcome = (typeof PRINT_OUTCOMES)[number];

/** A device agent's report of one ticket it printed, or could not print. */
export interface PublicTicketPrintedEvent {
  seq: number;
  station: string;
  /** The ticket's number: the kiosk that issued it tells its citizen about the paper by it. */
  number: string;
  outcome: PrintOutcome;
  reprint: boolean;
  detail: string | null;
}

export interface TicketPrintedEvent extends PublicTicketPrintedEvent {
  ticketId: string;
}

export const THAI_PRINT_MODES = ['text', 'raster', 'auto'] as const;
export const DISPLAY_PROTOCOLS = ['cd5220', 'epson-dmd', 'led-stx', 'template'] as const;

/**
 * A printer model as the office set it up (from the printer's self-test page).
 * Stations name it in their config; one with the name of a shipped profile replaces it.
 */
export interface PrinterProfileData {
  name: string;
  description: string;
  paperWidthMm: 58 | 80;
  printWidthDots: number;
  columns: number;
  thaiMode: (typeof THAI_PRINT_MODES)[number];
  /** The ESC t page whose upper half is TIS-620; null when not known (raster then). */
  codepage: number | null;
  codepageNote: string;
}

/** A number board's protocol and its settings, named so several counters can share it. */
export interface DisplayProfileData {
  name: string;
  description: string;
  protocol: (typeof DISPLAY_PROTOCOLS)[number];
  address: number | null;
  digits: number | null;
  template: string | null;
}

/** The office's device profiles, edited under /admin; device agents follow them. */
export interface DeviceProfiles {
  printers: PrinterProfileData[];
  displays: DisplayProfileData[];
}

export interface ProfilesUpdatedEvent {
  seq: number;
  profiles: DeviceProfiles;
}

/** Device agents report at least this often; the server shows a device as stale after three intervals. */
export const DEVICE_REPORT_INTERVAL_MS = 30_000;

export const DEVICE_KINDS = ['printer', 'display', 'buttons'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
export const DEVICE_STATES = [
  'online',
  'paper_near_end',
  'paper_out',
  'cover_open',
  'offline',
  'error',
] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

/** The last word from one device, as its station's agent reported it. */
export interface DeviceStatus {
  station: string;
  deviceId: string;
  kind: DeviceKind;
  uri: string;
  state: DeviceState;
  detail: string | null;
  reportedAt: IsoTime;
  /** No report for longer than the agents' reporting interval allows: the agent itself may be down. */
  stale: boolean;
}

export interface PublicTicketCalledEvent {
  seq: number;
  ticket: { number: string; serviceId: number };
  counter: { id: number; name: string; number: number };
  recall: boolean;
}

export interface TicketCalledEvent extends PublicTicketCalledEvent {
  ticket: { id: string; number: string; serviceId: number };
}

export interface PublicTicketUpdatedEvent {
  seq: number;
  ticket: PublicTicket;
}

export interface TicketUpdatedEvent extends PublicTicketUpdatedEvent {
  ticket: Ticket;
}

export interface CounterUpdatedEvent {
  seq: number;
  counter: Counter;
}

/**
 * An office setting changed (its name, the calling rule, hours, ...). It carries only its seq:
 * clients ask for a fresh snapshot, which holds every setting a screen or agent shows.
 */
export interface OfficeUpdatedEvent {
  seq: number;
}

export interface ServicesUpdatedEvent {
  seq: number;
  services: Service[];
}

export interface PublicTicketRatedEvent {
  seq: number;
  counterId: number;
  score: number;
}

export interface TicketRatedEvent extends PublicTicketRatedEvent {
  ticketId: string;
}

/**
 * The one event map, server to client. Every payload carries the ledger `seq` it came from.
 * Each client gets one form of every event, by audience: anonymous clients the `Public...`
 * form (numbers, counters and times; no ticket id, no priority kind); signed-in staff the
 * full one; a paired agent the full `ticket:issued` and `ticket:printed` of its own
 * station's tickets (it prints the id in the QR). A client that needs an id narrows with
 * `'id' in ticket`.
 */
export interface ServerToClientEvents {
  snapshot: (snapshot: Snapshot | PublicSnapshot) => void;
  'ticket:issued': (event: TicketIssuedEvent | PublicTicketIssuedEvent) => void;
  'ticket:called': (event: TicketCalledEvent | PublicTicketCalledEvent) => void;
  'ticket:updated': (event: TicketUpdatedEvent | PublicTicketUpdatedEvent) => void;
  'ticket:rated': (event: TicketRatedEvent | PublicTicketRatedEvent) => void;
  'ticket:printed': (event: TicketPrintedEvent | PublicTicketPrintedEvent) => void;
  'counter:updated': (event: CounterUpdatedEvent) => void;
  'services:updated': (event: ServicesUpdatedEvent) => void;
  'profiles:updated': (event: ProfilesUpdatedEvent) => void;
  'office:updated': (event: OfficeUpdatedEvent) => void;
}

/** Clients only ask for a fresh snapshot; every change goes through HTTP. */
export interface ClientToServerEvents {
  'snapshot:request': () => void;
}

export const RATING_LABELS: Record<number, LocalizedText> = {
  5: { th: 'มากที่สุด', en: 'Very satisfied' },
  4: { th: 'มาก', en: 'Satisfied' },
  3: { th: 'ปานกลาง', en: 'Neutral' },
  2: { th: 'น้อย', en: 'Dissatisfied' },
  1: { th: 'น้อยที่สุด', en: 'Very dissatisfied' },
};

export * from './reports.ts';
export * from './citizen-feedback.ts';
export * from './office-settings.ts';
