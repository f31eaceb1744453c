import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/contract.ts';
import type { DomainEvent } from '../commands/domain-events.ts';
import type { Views } from '../commands/views.ts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * socket.io on the same HTTP server. Every client gets a snapshot on (re)connect,
 * then the events in ledger order; a client that sees a gap in `seq` asks for a
 * new snapshot, so a display never misses a call.
 */
export function attachRealtime(
  http: HttpServer,
  views: Views,
): { io: RealtimeServer; publish: (events: DomainEvent[]) => void } {
  const io: RealtimeServer = new Server(http, {
    serveClient: false,
    // Same-origin pages only: the renderer is served by this server.
    cors: { origin: false },
    maxHttpBufferSize: 4 * 1024,
  });
  io.on('connection', (socket) => {
    socket.emit('snapshot', views.snapshot());
    socket.on('snapshot:request', () => socket.emit('snapshot', views.snapshot()));
  });

  const publish = (events: DomainEvent[]): void => {
    for (const event of events) {
      switch (event.kind) {
        case 'ticket:issued':
          io.emit('ticket:issued', {
            seq: event.seq,
            ticket: views.ticket(event.ticket, event.ahead),
            station: event.station,
          });
          break;
        case 'ticket:printed':
          io.emit('ticket:printed', {
            seq: event.seq,
            ticketId: event.ticket.id,
            station: event.station,
            outcome: event.outcome,
            reprint: event.reprint,
            detail: event.detail,
          });
          break;
        case 'ticket:called':
          io.emit('ticket:called', {
            seq: event.seq,
            ticket: {
              id: event.ticket.id,
              number: event.ticket.number,
              serviceId: event.ticket.serviceId,
            },
            counter: {
              id: event.counter.id,
              name: event.counter.name,
              number: event.counter.number,
            },
            recall: event.recall,
          });
          break;
        case 'ticket:updated':
          io.emit('ticket:updated', { seq: event.seq, ticket: views.ticket(event.ticket) });
          break;
        case 'ticket:rated':
          io.emit('ticket:rated', {
            seq: event.seq,
            ticketId: event.rating.ticketId,
            counterId: event.rating.counterId,
            score: event.rating.score,
          });
          break;
        case 'counter:updated':
          io.emit('counter:updated', { seq: event.seq, counter: views.counter(event.counter) });
          break;
        case 'profiles:updated':
          io.emit('profiles:updated', { seq: event.seq, profiles: views.deviceProfiles() });
          break;
        case 'services:updated':
          io.emit('services:updated', { seq: event.seq, services: views.services() });
          break;
      }
    }
  };
  return { io, publish };
}
