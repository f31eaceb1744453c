import type {
  DeviceProfiles,
  DeviceStatus,
  Counter,
  CounterStatus,
  LedgerVerification,
  LocalizedText,
  OutOfTurnReason,
  PriorityKind,
  PublicQueueSummary,
  QueueRule,
  QueueSummary,
  Rating,
  RatingTarget,
  Report,
  ReportKind,
  Role,
  Service,
  ServiceStep,
  SessionUser,
  Station,
  StationCreated,
  StationKind,
  SupervisorView,
  Ticket,
  TicketHistory,
  TicketRecord,
  User,
} from '../contract.ts';

export type { SessionUser };

export interface TicketStatusView {
  ticket: Ticket;
  service: { id: number; code: string; name: LocalizedText };
  counter: { id: number; name: string; number: number } | null;
}

export type ServiceInput = {
  code: string;
  name: LocalizedText;
  steps: Omit<ServiceStep, 'order'>[];
  documents: LocalizedText[];
  fee: number;
  feeNote: LocalizedText | null;
  targetWaitMinutes: number;
  active: boolean;
};

/** A report's query parameters as the API takes them (start, month, fiscalYear, half, serviceId). */
export type ReportParams = Record<string, string>;

/** A downloaded report file and the name the server gave it. */
export interface ReportFile {
  blob: Blob;
  fileName: string;
}

export type CounterInput = { name: string; number: number; serviceIds: number[] };

/**
 * Everything the stations ask of the office server. Screens depend on this
 * interface only, so a test can hand them another implementation.
 */
export interface KhiuApi {
  office(): Promise<{ name: LocalizedText }>;
  services(): Promise<Service[]>;
  counters(): Promise<Counter[]>;
  /** Numbers only, unless signed in (then with ticket ids). */
  queue(): Promise<PublicQueueSummary | QueueSummary>;
  queueRule(): Promise<QueueRule>;

  /** From a paired kiosk, its station's agent prints the ticket; from anywhere else nothing prints. */
  issueTicket(
    serviceId: number,
    priority: PriorityKind | null,
    clientRequestId: string,
  ): Promise<Ticket>;
  ticketStatus(id: string): Promise<TicketStatusView>;
  rateTicket(id: string, score: number): Promise<Rating>;
  /** Only for the counter's paired rating screen (401 station_required, 403 wrong_station otherwise). */
  ratingTarget(counterId: number): Promise<RatingTarget | null>;
  /** A screen names the ticket it showed: if the counter has moved on, 409 nothing_to_rate. */
  rateAtCounter(
    counterId: number,
    score: number,
    shownTicketId?: string,
  ): Promise<Pick<Rating, 'ticketId' | 'score' | 'label'>>;

  /** Staff may name the counter they work at sign-in; otherwise they choose it next. */
  signIn(username: string, password: string, counterId?: number): Promise<SessionUser>;
  currentUser(): Promise<SessionUser | null>;
  /** The counter this session works (staff act only there). */
  chooseCounter(counterId: number): Promise<SessionUser>;
  signOut(): Promise<void>;

  callNext(counterId: number, clientRequestId: string): Promise<Ticket | null>;
  waitingAt(counterId: number): Promise<Ticket[]>;
  setCounterStatus(counterId: number, status: CounterStatus, reason?: string): Promise<Counter>;
  ticketAction(
    id: string,
    action: 'start' | 'finish' | 'no-show' | 'recall' | 'cancel' | 'hold' | 'return',
  ): Promise<Ticket>;
  transfer(id: string, serviceId: number): Promise<Ticket>;
  callOutOfTurn(id: string, counterId: number, reason: OutOfTurnReason): Promise<Ticket>;

  ticketListing(from: string, to: string): Promise<TicketRecord[]>;
  verifyLedger(): Promise<LedgerVerification>;

  /** Managers' reports (manager role or above). */
  report(kind: ReportKind, params: ReportParams): Promise<Report>;
  /** The report as a file; the PDF takes seconds (the server prints it in Chromium). */
  reportFile(
    kind: ReportKind,
    format: 'csv' | 'xlsx' | 'pdf',
    params: ReportParams,
  ): Promise<ReportFile>;
  /** A ticket's whole history from the ledger, its transfer chain included. */
  ticketHistory(id: string): Promise<TicketHistory>;
  /** The supervisor's live view: counters, services, device alerts. */
  supervisor(): Promise<SupervisorView>;

  createService(input: ServiceInput): Promise<Service>;
  updateService(id: number, patch: Partial<ServiceInput>): Promise<Service>;
  createCounter(input: CounterInput): Promise<Counter>;
  updateCounter(id: number, patch: Partial<CounterInput>): Promise<Counter>;
  users(): Promise<User[]>;
  /** What the stations' device agents last reported (manager role or above). */
  devices(): Promise<DeviceStatus[]>;
  deviceProfiles(): Promise<DeviceProfiles>;
  setDeviceProfiles(profiles: DeviceProfiles): Promise<DeviceProfiles>;
  createUser(username: string, role: Role, password: string): Promise<User>;
  updateUser(
    id: number,
    patch: { role?: Role; active?: boolean; password?: string },
  ): Promise<User>;
  setOfficeName(name: LocalizedText): Promise<LocalizedText>;

  /** The paired station this browser is (its khiu_station cookie), or null when it is none. */
  currentStation(): Promise<Station | null>;
  stations(): Promise<Station[]>;
  addStation(input: StationInput): Promise<StationCreated>;
  revokeStation(id: number): Promise<Station>;
}

export type StationInput = {
  name: string;
  kind: StationKind;
  counterId?: number;
  buttonCounterIds?: number[];
};
