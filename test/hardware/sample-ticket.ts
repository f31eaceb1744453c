import type { TicketPrintData } from '../../hardware/printer/ticket-print-data.ts';
import { sampleTicketData } from '../../hardware/cli/sample-ticket-data.ts';

/** print-test's ticket (the default office's first service), fixed in time and place for the tests. */
export function sampleTicket(
  overrides: Partial<TicketPrintData['ticket']> & { reprint?: boolean } = {},
): TicketPrintData {
  const { reprint, ...ticket } = overrides;
  const base = sampleTicketData();
  return {
    ...base,
    ticket: {
      ...base.ticket,
      id: '01JQ8ZK3M4',
      number: 'A012',
      issuedAt: '2026-03-05T09:12:00.000+07:00',
      ...ticket,
    },
    ahead: 3,
    estimatedWaitMinutes: 15,
    statusUrl: 'http://192.168.1.10:8080/t/01JQ8ZK3M4',
    reprint: reprint ?? false,
    complaintChannel: 'โทร 0 7400 0000',
  };
}
