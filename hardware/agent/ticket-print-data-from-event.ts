import type { LocalizedText, Service, Ticket } from '../../server/contract/contract.ts';
import type { TicketPrintData } from '../printer/ticket-print-data.ts';

export interface TicketContext {
  officeName: LocalizedText;
  service: Service;
  /** Where citizens' phones reach the server, without a trailing slash. */
  publicBaseUrl: string;
  complaintChannel: string;
}

/** The fields of a ticket that go on paper. */
export type PrintedTicketFields = Pick<
  Ticket,
  'id' | 'number' | 'priority' | 'issuedAt' | 'ahead' | 'estimatedWaitMinutes'
>;

/** The paper ticket for a `ticket:issued` payload: the event's ticket plus what the agent has cached. */
export function ticketPrintDataFromEvent(
  ticket: PrintedTicketFields,
  context: TicketContext,
): TicketPrintData {
  const { service } = context;
  return {
    officeName: context.officeName,
    service: {
      code: service.code,
      name: service.name,
      standardMinutes: service.standardMinutes,
      steps: service.steps,
    },
    ticket: {
      id: ticket.id,
      number: ticket.number,
      priority: ticket.priority,
      issuedAt: ticket.issuedAt,
    },
    ahead: ticket.ahead,
    estimatedWaitMinutes: ticket.estimatedWaitMinutes,
    // Short on purpose: the QR's size and the ticket's bytes grow with every character.
    statusUrl: `${context.publicBaseUrl}/t/${ticket.id}`,
    reprint: false,
    complaintChannel: context.complaintChannel,
  };
}
