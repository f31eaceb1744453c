import type { ServerToClientEvents } from '../contract/contract.ts';
import type { DomainEvent } from '../commands/domain-events.ts';
import type { Views } from '../commands/views.ts';
import type { RealtimeServer } from './realtime.ts';
import { publicTicket } from './public-payloads.ts';
import { ROOM_PUBLIC, ROOM_STAFF, placeRoom, stationIdRoom } from './realtime-audience.ts';

type Name = Exclude<keyof ServerToClientEvents, 'snapshot'>;
type Payload<E extends Name> = Parameters<ServerToClientEvents[E]>[0];
/** socket.io's typed `emit` cannot take a generic name; the payload is checked by `split`'s signature. */
type Emit = (name: Name, payload: unknown) => boolean;

/**
 * Sends one committed change to every socket in the form its audience may see: the full
 * payload to staff (and to `insiders`, the rooms of the station the ticket belongs to), the
 * public one to everyone else.
 */
export function publishEvent(io: RealtimeServer, views: Views, event: DomainEvent): void {
  const split = <E extends Name>(
    name: E,
    full: Payload<E>,
    pub: Payload<E>,
    insiders: string[] = [],
  ): void => {
    const staff = io.to([ROOM_STAFF, ...insiders]);
    (staff.emit as Emit).call(staff, name, full);
    const rest = insiders.length > 0 ? io.to(ROOM_PUBLIC).except(insiders) : io.to(ROOM_PUBLIC);
    (rest.emit as Emit).call(rest, name, pub);
  };
  // The agent that prints a station's tickets needs their ids (the QR); nobody else does.
  const agentOf = (station: string | null): string[] =>
    station === null ? [] : [placeRoom('agent', station)];

  switch (event.kind) {
    case 'ticket:issued': {
      const ticket = views.ticket(event.ticket, event.ahead);
      split(
        'ticket:issued',
        { seq: event.seq, ticket, station: event.station },
        { seq: event.seq, ticket: publicTicket(ticket), station: event.station },
        agentOf(event.station),
      );
      break;
    }
    case 'ticket:printed': {
      const pub = {
        seq: event.seq,
        station: event.station,
        number: event.ticket.number,
        outcome: event.outcome,
        reprint: event.reprint,
        detail: event.detail,
      };
      split('ticket:printed', { ...pub, ticketId: event.ticket.id }, pub, agentOf(event.station));
      break;
    }
    case 'ticket:called': {
      const counter = {
        id: event.counter.id,
        name: event.counter.name,
        number: event.counter.number,
      };
      const ticket = { number: event.ticket.number, serviceId: event.ticket.serviceId };
      split(
        'ticket:called',
        {
          seq: event.seq,
          ticket: { id: event.ticket.id, ...ticket },
          counter,
          recall: event.recall,
        },
        { seq: event.seq, ticket, counter, recall: event.recall },
      );
      break;
    }
    case 'ticket:updated': {
      const ticket = views.ticket(event.ticket);
      split(
        'ticket:updated',
        { seq: event.seq, ticket },
        { seq: event.seq, ticket: publicTicket(ticket) },
      );
      break;
    }
    case 'ticket:rated': {
      const pub = { seq: event.seq, counterId: event.rating.counterId, score: event.rating.score };
      split('ticket:rated', { ...pub, ticketId: event.rating.ticketId }, pub);
      break;
    }
    case 'counter:updated':
      io.emit('counter:updated', { seq: event.seq, counter: views.counter(event.counter) });
      break;
    case 'profiles:updated':
      io.emit('profiles:updated', { seq: event.seq, profiles: views.deviceProfiles() });
      break;
    case 'office:updated':
      io.emit('office:updated', { seq: event.seq });
      break;
    case 'services:updated':
      io.emit('services:updated', { seq: event.seq, services: views.services() });
      break;
    case 'station:revoked':
      // Its sockets go now; a reconnect with the revoked token is refused at the handshake.
      io.in(stationIdRoom(event.station.id)).disconnectSockets(true);
      break;
  }
}
