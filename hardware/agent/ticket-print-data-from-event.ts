import type {
  ComplaintChannel,
  LocalizedText,
  Service,
  Ticket,
} from '../../server/contract/contract.ts';
import type { TicketPrintData } from '../printer/ticket-print-data.ts';
import type { StationConfig } from './station-config.ts';
import { complaintParts } from '../../server/core/complaint-channel.ts';

export interface TicketContext {
  officeName: LocalizedText;
  service: Service;
  /** Where citizens' phones reach the server, without a trailing slash. */
  publicBaseUrl: string;
  /** One line as given, or the office channel's parts (the layout fits what the paper holds). */
  complaintChannel: string | readonly string[];
}

/** What the office's snapshot says about the settings a ticket prints. */
export interface OfficePrintSettings {
  publicBaseUrl: string | null;
  complaintChannel: ComplaintChannel | null;
}

/**
 * The QR's address and the complaint line for this station's tickets. The address: the
 * station config's own `publicBaseUrl` (an override for this station), else the office's
 * (/admin → Office, or its LAN default), else the config's `server` (a server that gives
 * none). The complaint channel: the office's once it has one, else the config's line.
 */
export function printSettings(
  config: Pick<StationConfig, 'publicBaseUrl' | 'publicBaseUrlOverride' | 'complaintChannel'>,
  office: OfficePrintSettings,
): Pick<TicketContext, 'publicBaseUrl' | 'complaintChannel'> {
  return {
    publicBaseUrl: config.publicBaseUrlOverride ?? office.publicBaseUrl ?? config.publicBaseUrl,
    complaintChannel: office.complaintChannel
      ? complaintParts(office.complaintChannel)
      : config.complaintChannel,
  };
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
