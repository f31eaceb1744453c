import type { LocalizedText, Service } from '../../server/contract/contract.ts';
import type { PrinterConfig } from './station-config.ts';
import { resolveThaiMode, type PrinterProfile } from '../printer/printer-profile.ts';
import { encodeTicket } from '../printer/ticket-encoder.ts';
import { parseDeviceUri } from '../transport/device-uri.ts';
import { ticketPrintDataFromEvent } from './ticket-print-data-from-event.ts';

/** Issue 3's goal for a text ticket: about one second on a 9,600-baud line. */
export const TEXT_TICKET_BUDGET_BYTES = 600;
/** Serial lines at or below this speed are where ticket size is felt at the kiosk. */
export const SLOW_SERIAL_BAUD = 19_200;

export interface TicketSize {
  serviceCode: string;
  bytes: number;
}

/**
 * Encodes a typical ticket of every active service as this printer would get
 * it, so an office learns at start (not from a slow queue) that its posted
 * steps or its long QR address make tickets too big for a slow line.
 */
export function oversizedTickets(
  services: Service[],
  context: {
    officeName: LocalizedText;
    publicBaseUrl: string;
    complaintChannel: string | readonly string[];
    timeZone: string;
  },
  printer: PrinterConfig,
  profile: PrinterProfile,
): TicketSize[] {
  // The budget is about wire time: on a network or USB printer, or a fast serial line, it does not bite.
  const wire = parseDeviceUri(printer.uri);
  if (wire.kind !== 'serial' || wire.baudRate > SLOW_SERIAL_BAUD) return [];
  const thai = resolveThaiMode(profile, {
    ...(printer.mode ? { mode: printer.mode } : {}),
    ...(printer.codepage === undefined ? {} : { codepage: printer.codepage }),
  });
  if (thai.mode !== 'text') return [];
  const sizes: TicketSize[] = [];
  for (const service of services.filter((s) => s.active)) {
    const ticket = {
      id: 'x'.repeat(12),
      number: `${service.code}012`,
      priority: null,
      issuedAt: '2026-03-05T09:12:00.000+07:00',
      ahead: 12,
      estimatedWaitMinutes: 45,
    };
    const data = ticketPrintDataFromEvent(ticket, { ...context, service });
    const bytes = encodeTicket(data, { profile, thai, timeZone: context.timeZone }).length;
    if (bytes > TEXT_TICKET_BUDGET_BYTES) sizes.push({ serviceCode: service.code, bytes });
  }
  return sizes;
}
