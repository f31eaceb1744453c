import type {
  OrderCheck,
  Survey,
  SurveyInput,
  SurveyStatus,
  Complaint,
  ComplaintKind,
  ComplaintStatus,
  TicketComplaint,
  TicketComplaints,
  OfficeHours,
  CancelReason,
  TicketSteps,
  ComplaintChannel,
  PublicAddressSettings,
  AnnouncementSettings,
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
  PublicationList,
  Report,
  ReportKind,
  SatisfactionPublication,
  ServiceManual,
  StatisticsPublication,
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
  Transparency,
  TransparencyRange,
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

/** PUT /api/queue/rule: the rule's settings; the server publishes the rest (kinds, reasons, words). */
export type QueueRuleInput = {
  timeZone: string;
  priority: { prefix: string; everyNormal: number };
  recallLimit: number;
};

export type CounterInput = { name: string; number: number; serviceIds: number[] };

/** PUT /api/settings/complaint-channel: at least one way; a blank or missing one is none. */
export type ComplaintChannelInput = {
  phone?: string | null;
  line?: string | null;
  email?: string | null;
  web?: string | null;
  note?: { th: string; en?: string | null } | null;
};

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
  /** The public record of the queue over today, this week or this month (no sign-in). */
  transparency(range: TransparencyRange): Promise<Transparency>;

  /** From a paired kiosk, its station's agent prints the ticket; from anywhere else nothing prints. */
  issueTicket(
    serviceId: number,
    priority: PriorityKind | null,
    clientRequestId: string,
  ): Promise<Ticket>;
  ticketStatus(id: string): Promise<TicketStatusView>;
  /** The complaints made from a ticket (its transfer chain) and whether one more may be made. */
  ticketComplaints(id: string): Promise<TicketComplaints>;
  /** 409 complaint_window_closed after 7 days, complaint_limit_reached after 3. */
  makeComplaint(id: string, kind: ComplaintKind, text: string | null): Promise<TicketComplaint>;
  /** Managers: every complaint, or those of one status, newest first. */
  complaints(status: ComplaintStatus | null): Promise<Complaint[]>;
  /** Managers: take it up, or resolve it with its outcome (final). */
  updateComplaint(
    id: number,
    status: 'investigating' | 'resolved',
    outcome: string | null,
  ): Promise<Complaint>;
  rateTicket(id: string, score: number): Promise<Rating>;
  /** Was anyone who joined after this ticket called before it (the ticket id is the capability). */
  orderCheck(id: string): Promise<OrderCheck>;
  /** The ticket's five-question survey: answered, open, or closed. */
  survey(id: string): Promise<SurveyStatus>;
  /** 409 survey_exists, not_finished or survey_closed. */
  submitSurvey(id: string, input: SurveyInput): Promise<Survey>;
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
    action: 'start' | 'finish' | 'no-show' | 'recall' | 'hold' | 'return',
  ): Promise<Ticket>;
  /** A ticket in line or held aside; the reason is recorded in the ledger. */
  cancelTicket(id: string, reason: CancelReason): Promise<Ticket>;
  /** The posted steps the counter timed for a ticket (its counter's staff only). */
  ticketSteps(id: string): Promise<TicketSteps>;
  stepAction(id: string, order: number, phase: 'start' | 'finish'): Promise<TicketSteps>;
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

  /** The ITA documents of the current and the previous fiscal year (manager role or above). */
  publications(): Promise<PublicationList>;
  /** The service manual of every active service, or of one. */
  serviceManual(serviceId: number | null): Promise<ServiceManual>;
  /** quarter: 1-4 or year. */
  statisticsPublication(fiscalYear: number, quarter: string): Promise<StatisticsPublication>;
  /** half: 1, 2 or year. */
  satisfactionPublication(fiscalYear: number, half: string): Promise<SatisfactionPublication>;
  /** A publication's PDF or XLSX from its API path (as GET /api/publications lists it). */
  publicationFile(path: string): Promise<ReportFile>;

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
  /** The address in the ticket QR: what the office set, what applies now and why (admin). */
  publicAddress(): Promise<PublicAddressSettings>;
  /** null goes back to the default (the machine's LAN address). */
  setPublicBaseUrl(publicBaseUrl: string | null): Promise<PublicAddressSettings>;
  /** The office's complaint channel (anyone may read it); null until set. */
  complaintChannel(): Promise<ComplaintChannel | null>;
  setComplaintChannel(channel: ComplaintChannelInput): Promise<ComplaintChannel | null>;
  /** 409 prefix_clash when a service code starts with the new priority prefix. */
  setQueueRule(config: QueueRuleInput): Promise<QueueRule>;
  satisfactionTarget(): Promise<number>;
  setSatisfactionTarget(pct: number): Promise<number>;
  /** When the kiosk issues tickets; null: at any time (no hours set). Admin only. */
  officeHours(): Promise<OfficeHours | null>;
  setOfficeHours(hours: OfficeHours | null): Promise<OfficeHours | null>;
  /** How the hall voice ends a call (ค่ะ / ครับ / none); displays follow from their next snapshot. */
  announcementSettings(): Promise<AnnouncementSettings>;
  setAnnouncementSettings(settings: AnnouncementSettings): Promise<AnnouncementSettings>;

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
