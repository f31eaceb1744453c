import type { ComplaintChannel } from '../contract/contract.ts';

/*
 * The office's complaint channel (project 17: an effective channel for complaints), shown on
 * the poster, the phone page and, as one short line, on every printed ticket. The line is
 * built here so the agent, the tests and the admin preview agree on it.
 */

export const COMPLAINT_LIMITS = {
  phone: 20,
  line: 30,
  email: 80,
  web: 100,
  note: 200,
} as const;

/** Thai marks above and below a base character take no cell of their own on paper or screen. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/u;

/** Columns a text takes on a ticket printer (Thai marks stack on their base character). */
export function cellsOf(text: string): number {
  let cells = 0;
  for (const ch of text) if (!ZERO_WIDTH.test(ch)) cells += 1;
  return cells;
}

/** The label in front of the channel on the ticket. */
export const COMPLAINT_LABEL_TH = 'ร้องเรียน';

/**
 * The channel's ways of reaching the office, each as it is printed, in the order a citizen
 * most likely uses them: a phone call, LINE, the web, e-mail; or the note when it is all there is.
 */
export function complaintParts(channel: ComplaintChannel | null): string[] {
  if (!channel) return [];
  const parts: string[] = [];
  if (channel.phone) parts.push(`โทร ${channel.phone}`);
  if (channel.line) parts.push(`LINE ${channel.line}`);
  if (channel.web) parts.push(channel.web.replace(/^https?:\/\//, '').replace(/\/$/, ''));
  if (channel.email) parts.push(channel.email);
  // A channel that is only a note ("the information desk") prints the note.
  if (parts.length === 0 && channel.note) parts.push(channel.note.th);
  return parts;
}

/**
 * One line of at most `columns` cells: the label and as many parts as fit, at least the first
 * (a first part too long for the paper is still printed, and wraps, rather than hidden).
 * Empty when the office has no channel.
 */
export function complaintLine(parts: readonly string[], columns: number): string {
  if (parts.length === 0) return '';
  let line = `${COMPLAINT_LABEL_TH} ${parts[0]}`;
  for (const part of parts.slice(1)) {
    const longer = `${line} ${part}`;
    if (cellsOf(longer) > columns) break;
    line = longer;
  }
  return line;
}

/** True when the channel gives at least one way to complain. */
export function hasComplaintWay(channel: Partial<ComplaintChannel>): boolean {
  return Boolean(channel.phone || channel.line || channel.email || channel.web || channel.note);
}
