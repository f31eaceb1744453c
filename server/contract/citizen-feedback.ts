/**
 * What citizens tell the office after service (project 16's five-question survey by QR) and
 * their complaints tied to a ticket (project 17). Re-exported by contract.ts.
 */
import type { IsoTime, LocalizedText } from './contract.ts';

/** The standard five questions of a Thai office's satisfaction survey (project 16), in the order asked. */
export const SURVEY_QUESTIONS = ['process', 'channels', 'staff', 'facilities', 'overall'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
/** Each question's level: 5 มากที่สุด ... 1 น้อยที่สุด (RATING_LABELS). */
export type SurveyAnswers = Record<SurveyQuestion, number>;
/** The most characters a survey's comment holds. */
export const SURVEY_COMMENT_MAX = 500;

/** POST /api/tickets/:id/survey {process, channels, staff, facilities, overall, comment?}. */
export interface SurveyInput extends SurveyAnswers {
  comment?: string | null;
}

/** A citizen's answered survey, on the ticket where the service ended. */
export interface Survey extends SurveyAnswers {
  ticketId: string;
  number: string;
  /** Plain text as typed (never HTML); null when none was given. */
  comment: string | null;
  submittedAt: IsoTime;
}

/** GET /api/tickets/:id/survey: the answered survey, or whether the form is open. */
export interface SurveyStatus {
  /** The ticket the survey is of: the opened id followed through its transfers. */
  ticket: { id: string; number: string };
  survey: Survey | null;
  /** True while the ticket is finished, unanswered, and within 24 hours of its finish. */
  open: boolean;
  /** When the form closes (24 hours after the finish); null before the finish. */
  closesAt: IsoTime | null;
}

/**
 * The office's complaint channel (project 17), as PUT /api/settings/complaint-channel stores it:
 * at least one of the five; a missing one is null.
 */
export interface ComplaintChannel {
  phone: string | null;
  /** A LINE ID or official account, e.g. @tambon-example. */
  line: string | null;
  email: string | null;
  web: string | null;
  /** Free text, e.g. the desk or office hours; its English is optional. */
  note: { th: string; en: string | null } | null;
}

/** What a citizen complains of, from their ticket's page (project 17). */
export const COMPLAINT_KINDS = [
  'skipped',
  'discrimination',
  'bribe_request',
  'rude',
  'other',
] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];
export const COMPLAINT_STATUSES = ['received', 'investigating', 'resolved'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
/** Per ticket (its whole transfer chain), within COMPLAINT_WINDOW_DAYS of its first issue. */
export const COMPLAINTS_PER_TICKET = 3;
export const COMPLAINT_WINDOW_DAYS = 7;
/** The most characters (Unicode code points) of a complaint's text or a manager's outcome. */
export const COMPLAINT_TEXT_MAX = 1000;

/** What a citizen complains of, in the words the ticket page offers and the reports count. */
export const COMPLAINT_KIND_LABELS: Record<ComplaintKind, LocalizedText> = {
  skipped: { th: 'ถูกข้ามคิว', en: 'Turn skipped' },
  discrimination: { th: 'ถูกเลือกปฏิบัติ', en: 'Treated unfairly' },
  bribe_request: { th: 'ถูกเรียกรับเงินหรือสิ่งของ', en: 'Asked for money or a gift' },
  rude: { th: 'เจ้าหน้าที่ไม่สุภาพ', en: 'Staff impolite' },
  other: { th: 'อื่น ๆ', en: 'Other' },
};

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, LocalizedText> = {
  received: { th: 'รับเรื่องแล้ว', en: 'Received' },
  investigating: { th: 'กำลังตรวจสอบ', en: 'Being investigated' },
  resolved: { th: 'ยุติเรื่องแล้ว', en: 'Resolved' },
};

/** A complaint as its citizen follows it at /t/:id. */
export interface TicketComplaint {
  /** ร-2569-0001: ร, the Buddhist-era year received, the year's running number. */
  reference: string;
  kind: ComplaintKind;
  text: string | null;
  status: ComplaintStatus;
  receivedAt: IsoTime;
  updatedAt: IsoTime | null;
  /** What the office found and did; set once resolved. */
  outcome: string | null;
  resolvedAt: IsoTime | null;
}

/** GET /api/tickets/:id/complaints: the ticket's complaints and whether it may make another. */
export interface TicketComplaints {
  complaints: TicketComplaint[];
  /** How many more it may make (COMPLAINTS_PER_TICKET in all). */
  remaining: number;
  /** When its window closes: COMPLAINT_WINDOW_DAYS after its first issue. */
  closesAt: IsoTime;
  open: boolean;
}

/** A complaint as managers handle it (GET /api/complaints). */
export interface Complaint extends TicketComplaint {
  id: number;
  /** The ticket id the citizen complained from (the id their QR holds). */
  ticketId: string;
  ticketNumber: string;
  serviceId: number;
  /** The manager who made the last change. */
  updatedBy: string | null;
}
