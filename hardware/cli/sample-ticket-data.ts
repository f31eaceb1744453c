import { DEFAULT_OFFICE } from '../../server/core/default-office.ts';
import type { TicketPrintData } from '../printer/ticket-print-data.ts';

/** The test ticket print-test sends: the default office's first service, as a citizen would get it. */
export function sampleTicketData(now = new Date()): TicketPrintData {
  const service = DEFAULT_OFFICE.services[0];
  if (!service) throw new Error('the default office has no services');
  // The ticket shows office time; print-test has no office config, so it uses Bangkok's +07:00.
  const local = new Date(now.getTime() + 7 * 3600_000).toISOString().replace('Z', '+07:00');
  return {
    officeName: DEFAULT_OFFICE.officeName,
    service: {
      code: service.code,
      name: service.name,
      standardMinutes: service.steps.reduce((sum, s) => sum + s.minutes, 0),
      steps: service.steps,
    },
    ticket: { id: 'print-test', number: `${service.code}001`, priority: null, issuedAt: local },
    ahead: 0,
    estimatedWaitMinutes: 0,
    statusUrl: 'http://127.0.0.1:8080/t/print-test',
    reprint: false,
    complaintChannel: 'print-test',
  };
}
