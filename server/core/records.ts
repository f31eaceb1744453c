import type {
  CounterStatus,
  LocalizedText,
  OutOfTurnReason,
  PrintOutcome,
  PriorityKind,
  Role,
  ServiceStep,
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

/** Who did it: a signed-in user, or a public station (kiosk, rating screen). */
export type Actor =
  | { kind: 'user'; username: string; role: Role }
  | { kind: 'station'; station: string }
  | { kind: 'system'; reason: string };

export const standardMinutesOf = (service: { steps: ServiceStep[] }): number =>
  service.steps.reduce((sum, step) => sum + step.minutes, 0);

/** What the reports read of one ticket and its rating (the store's report query). */
export interface ReportTicketRow {
  id: string;
  number: string;
  day: string;
  serviceId: number;
  status: TicketStatus;
  issuedMs: number;
  calledMs: number | null;
  startedMs: number | null;
  finishedMs: number | null;
  counterId: number | null;
  staff: string | null;
  recalls: number;
  outOfTurn: boolean;
  outOfTurnReason: OutOfTurnReason | null;
  /** A transfer successor: the citizen's place carried on from another service. */
  transferIn: boolean;
  rating: { score: number; counterId: number; staff: string | null } | null;
}
