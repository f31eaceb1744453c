import type {
  CounterStatus,
  LocalizedText,
  OutOfTurnReason,
  PrintOutcome,
  PriorityKind,
  Role,
  ServiceStep,
  StationKind,
  TicketStatus,
} from '../contract/contract.ts';

/** A ticket as the store keeps it: times in epoch milliseconds. */
export interface TicketRecord {
  seq: number;
  id: string;
  number: string;
  day: string;
  serviceId: number;
  priority: PriorityKind | null;
  /** The public station (kiosk) that issued it, whose device agent prints it. */
  station: string | null;
  status: TicketStatus;
  queuedMs: number;
  issuedMs: number;
  calledMs: number | null;
  lastCalledMs: number | null;
  startedMs: number | null;
  finishedMs: number | null;
  counterId: number | null;
  staff: string | null;
  held: boolean;
  recalls: number;
  outOfTurn: boolean;
  outOfTurnReason: OutOfTurnReason | null;
  transferredFrom: string | null;
  transferredTo: string | null;
  /** The latest word from the station's printer, null until its agent reports. */
  printOutcome: PrintOutcome | null;
  printReports: number;
}

export interface ServiceRecord {
  id: number;
  code: string;
  name: LocalizedText;
  steps: ServiceStep[];
  documents: LocalizedText[];
  fee: number;
  feeNote: LocalizedText | null;
  targetWaitMinutes: number;
  active: boolean;
  sortOrder: number;
}

export interface CounterRecord {
  id: number;
  name: string;
  number: number;
  serviceIds: number[];
  status: CounterStatus;
  pauseReason: string | null;
}

export interface UserRecord {
  id: number;
  username: string;
  role: Role;
  passwordHash: string;
  active: boolean;
  createdMs: number;
}

export interface RatingRecord {
  ticketId: string;
  score: number;
  counterId: number;
  staff: string | null;
  ratedMs: number;
}

/** A device an admin paired; only the SHA-256 of its token is kept. */
export interface StationRecord {
  id: number;
  name: string;
  kind: StationKind;
  counterId: number | null;
  buttonCounterIds: number[];
  tokenHash: string;
  createdMs: number;
  revokedMs: number | null;
}

/**
 * Who did it: a signed-in user, a paired station (`stationId` names its token; entries
 * from before pairing existed have none), the system, or someone anonymous (a citizen's
 * phone, an unpaired screen) through `via` (`kiosk`, `ticket-qr`).
 */
export type Actor =
  | { kind: 'user'; username: string; role: Role }
  | { kind: 'station'; station: string; stationId?: number }
  | { kind: 'system'; reason: string }
  | { kind: 'anonymous'; via: string };

export const standardMinutesOf = (service: { steps: ServiceStep[] }): number =>
  service.steps.reduce((sum, step) => sum + step.minutes, 0);

/**
 * A period's tickets that share a day, service, counter and staff member, as the
 * store sums them for the reports: counts, and the per-ticket times the
 * percentiles need. Times in milliseconds.
 */
export interface TicketGroupRecord {
  day: string;
  serviceId: number;
  counterId: number | null;
  staff: string | null;
  /** Every ticket row, transfer successors included. */
  issued: number;
  transfersIn: number;
  served: number;
  noShow: number;
  cancelled: number;
  transfersOut: number;
  open: number;
  recalls: number;
  /** First call minus issue, one per called ticket. */
  waitsMs: number[];
  /** Finish minus start, one per served ticket that has both. */
  serviceMs: number[];
  /** Arrivals (first issues, not transfers): their issue time's quarter hour since the epoch. */
  arrivalQuarterHours: number[];
  outOfTurn: {
    ticketId: string;
    number: string;
    calledMs: number;
    reason: OutOfTurnReason | null;
  }[];
}

/** Ratings of a period's tickets by the ticket's day and service and whom the rating was given to. */
export interface RatingGroupRecord {
  day: string;
  serviceId: number;
  counterId: number;
  staff: string | null;
  score: number;
  count: number;
}
