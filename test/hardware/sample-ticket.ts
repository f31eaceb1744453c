import { DEFAULT_OFFICE } from '../../server/core/default-office.ts';
import type { TicketPrintData } from '../../hardware/printer/ticket-print-data.ts';

/** A ticket for the default office's first service, as the tests print it. */
export function sampleTicket(
  overrides: Partial<TicketPrintData['ticket']> & { reprint?: boolean } = {},
): TicketPrintData {
  const service = DEFAULT_OFFICE.services[0]!;
  const { reprint, ...ticket } = overrides;
  return {
    officeName: DEFAULT_OFFICE.officeName,
    service: {
      code: service.code,
      name: service.name,
      standardMinutes: service.steps.reduce((sum, s) => sum + s.minutes, 0),
      steps: service.steps,
    },
    ticket: {
      id: '01JQ8ZK3M4',
      number: 'A012',
      priority: null,
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
