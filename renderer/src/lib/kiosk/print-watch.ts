import type { TicketPrintedEvent } from '../contract.ts';

export type PrintState = 'printing' | 'printed' | 'failed' | 'no_printer';

/** How long the kiosk waits for its printer's word before it says to photograph the QR instead. */
export const PRINT_REPORT_TIMEOUT_MS = 8_000;

/** The kiosk's station name from its URL (/kiosk?station=kiosk-2); kiosk-1 when absent or malformed. */
export function kioskStation(search: string): string {
  const name = new URLSearchParams(search).get('station');
  return name && /^[A-Za-z0-9._-]{1,40}$/.test(name) ? name : 'kiosk-1';
}

/**
 * What the kiosk tells the citizen about the paper: printing until the station's
 * device agent reports, then printed or failed. No report in time means no agent
 * is printing for this kiosk: the number and its QR on screen are the ticket.
 */
export function nextPrintState(
  current: PrintState,
  ticketId: string,
  event: TicketPrintedEvent | 'timeout',
): PrintState {
  if (current !== 'printing') return current;
  if (event === 'timeout') return 'no_printer';
  if (event.ticketId !== ticketId) return current;
  return event.outcome === 'printed' ? 'printed' : 'failed';
}
