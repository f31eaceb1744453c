import type { TicketPrintData } from './ticket-print-data.ts';
import type { PrinterProfile, ResolvedThai } from './printer-profile.ts';
import { layoutTicket } from './ticket-layout.ts';
import { encodeTicketLines } from './ticket-bytes.ts';

export interface EncodeTicketOptions {
  profile: PrinterProfile;
  thai: ResolvedThai;
  /** The office's zone for the printed date; Asia/Bangkok when not given. */
  timeZone?: string;
}

/** One ticket, laid out for the profile's paper, as the ESC/POS bytes to send. */
export function encodeTicket(data: TicketPrintData, options: EncodeTicketOptions): Uint8Array {
  const lines = layoutTicket(data, {
    columns: options.profile.columns,
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  });
  return encodeTicketLines(lines, options.profile, options.thai);
}
