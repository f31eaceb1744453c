import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '../contract/contract.ts';
import type { DomainEvent } from '../commands/domain-events.ts';
import type { Views } from '../commands/views.ts';
import type { Perimeter } from './perimeter.ts';
import { realtimeHandshakeCheck, realtimeSecurityHeaders } from './realtime-guard.ts';
import { throttleSnapshotRequests } from './snapshot-throttle.ts';
import type { Sessions } from './sessions.ts';
import type { StationAuth } from './station-auth.ts';
import { publicSnapshot } from './public-payloads.ts';
import { publishEvent } from './realtime-payloads.ts';
import {
  audienceMiddleware,
  audienceOf,
  joinRooms,
  sweepEndedSessions,
} from './realtime-audience.ts';

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents>;

/**
 * socket.io on the same HTTP server. Every client gets a snapshot on (re)connect,
 * then the events in ledger order; a client that sees a gap in `seq` asks for a
 * new snapshot, so a display never misses a call. What a client is sent depends on
 * who it is (realtime-audience.ts): anonymous clients never see a ticket id.
 */
export function attachRealtime(
  http: HttpServer,
  views: Views,
  perimeter: Perimeter,
  /** Who a socket is (a signed-in session, a paired station): decides what it is sent. */
  who: { sessions: Sessions; stations: StationAuth },
): { io: RealtimeServer; publish: (events: DomainEvent[]) => void } {
  const io: RealtimeServer = new Server(http, {
    serveClient: false,
    // Same-origin pages only: the renderer is served by this server.
    cors: { origin: false },
    // ...and CORS does not cover WebSockets: the handshake's Origin and Host are checked here.
    allowRequest: realtimeHandshakeCheck(perimeter),
    maxHttpBufferSize: 4 * 1024,
  });
  io.engine.use(realtimeSecurityHeaders);
  io.use(audienceMiddleware(who.sessions, who.stations));
  sweepEndedSessions(io, http, who.sessions);
  io.on('connection', (socket) => {
    joinRooms(socket);
    // Staff get ticket ids in the calls; everyone else numbers only.
    const snapshot = () =>
      audienceOf(socket).staff ? views.snapshot() : publicSnapshot(views.snapshot());
    socket.emit('snapshot', snapshot());
    throttleSnapshotRequests(socket, () => socket.emit('snapshot', snapshot()));
  });

  const publish = (events: DomainEvent[]): void => {
    for (const event of events) publishEvent(io, views, event);
  };
  return { io, publish };
}
