import type { LocalizedText, PriorityKind } from '../../server/contract/contract.ts';

/** One posted step of a service, as printed in the ticket's steps summary (project 26). */
export interface TicketPrintStep {
  order: number;
  title: LocalizedText;
  minutes: number;
  responsible: string;
}

/**
 * Everything a ticket needs on paper. The agent builds it from the server's
 * `ticket:issued` payload; the layout never asks the server for more.
 */
export interface TicketPrintData {
  officeName: LocalizedText;
  service: {
    code: string;
    name: LocalizedText;
    /** Sum of the steps' standard minutes. */
    standardMinutes: number;
    steps: TicketPrintStep[];
  };
  ticket: {
    id: string;
    /** 'A012', or 'PA003' for a priority ticket. */
    number: string;
    priority: PriorityKind | null;
    /** ISO 8601 with the office's offset, e.g. 2026-11-25T09:00:00.000+07:00 */
    issuedAt: string;
  };
  /** Waiting tickets that will be called before this one. */
  ahead: number;
  estimatedWaitMinutes: number | null;
  /** The ticket's public status page; printed as a QR code. */
  statusUrl: string;
  /** True when this paper is a second copy of a ticket already issued. */
  reprint: boolean;
  /**
   * Where a citizen complains, printed on one line after ร้องเรียน: either one text as given
   * ('โทร 0 7400 0000'), or the office channel's ways in order of preference
   * (['โทร 0 7400 0000', 'LINE @tambon']), of which the line carries as many as fit the paper.
   * Empty ('' or []) prints no line.
   */
  complaintChannel: string | readonly string[];
}
