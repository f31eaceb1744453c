import type { Store } from '../store/store.ts';
import type { TicketRecord } from '../core/records.ts';
import { notFound } from '../core/errors.ts';

export function mustGetTicket(store: Store, ticketId: string): TicketRecord {
  const ticket = store.tickets.get(ticketId);
  if (!ticket) throw notFound('ticket', ticketId);
  return ticket;
}
