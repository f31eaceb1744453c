import type { PublicTicketPrintedEvent, TicketPrintedEvent } from '../contract.ts';

export type PrintState = 'printing' | 'printed' | 'failed' | 'no_printer';

/** How long the kiosk waits for its printer's word before it says to photograph the QR instead. */
export const PRINT_REPORT_TIMEOUT_MS = 8_000;

/**
 * What the kiosk tells the citizen about the paper: printing until the station's
 * device agent reports, then printed or failed. No report in time means no agent
 * is printing for this kiosk: the number and its QR on screen are the ticket.
 * The hall's reports carry no ticket id, so the kiosk knows its ticket by its
 * station and number (a number is one ticket's for the day).
 */
export function nextPrintState(
  current: PrintState,
  mine: { station: string; number: string },
  event: TicketPrintedEvent | PublicTicketPrintedEvent | 'timeout',
): PrintState {
  if (current !== 'printing') return current;
  if (event === 'timeout') return 'no_printer';
  if (event.station !== mine.station || event.number !== mine.number) return current;
  return event.outcome === 'printed' ? 'printed' : 'failed';
}
