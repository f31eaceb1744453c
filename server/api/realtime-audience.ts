import type { Server as HttpServer, IncomingMessage } from 'node:http';
import type { Server, Socket } from 'socket.io';
import type { StationRecord } from '../core/records.ts';
import type { Sessions } from './sessions.ts';
import type { StationAuth } from './station-auth.ts';

/*
 * Who a socket is, decided once at its handshake, kept as the rooms it joins:
 * - `staff`: a signed-in session (any role). Gets every event in full: counters act on ids.
 * - `public`: everyone else. Gets numbers, counters and times (server/api/public-payloads.ts).
 * - a paired station is in `public` too, plus `<kind>:<name>` (agent:kiosk-1), and
 *   `station-id:<id>`, which a revocation disconnects. The full `ticket:issued` and
 *   `ticket:printed` of a station's tickets go to `agent:<station>`: the agent prints the
 *   id in the QR. The kiosk screen itself needs no id: it knows its ticket by number.
 * `staff` and `public` never overlap, so every socket gets exactly one form of each event
 * and its seq stream has no holes.
 */
export const ROOM_STAFF = 'staff';
export const ROOM_PUBLIC = 'public';
export const placeRoom = (kind: StationRecord['kind'], name: string): string => `${kind}:${name}`;
export const stationIdRoom = (id: number): string => `station-id:${id}`;

/** How often staff sockets are checked against their sessions (sign-out, expiry, deactivation). */
const SESSION_SWEEP_MS = 60_000;

export interface Audience {
  staff: boolean;
  station: StationRecord | null;
}

type AnySocket = Socket<any, any, any, any>;

/**
 * socket.io middleware: works out the audience of a new socket. An agent presents its token
 * as `auth: {token}` (or `Authorization: Bearer`); an unknown or revoked one is refused
 * (`station_required`) rather than quietly treated as anonymous, so the agent can say why.
 * A stale station cookie in a browser is just anonymous: the screen asks GET /api/station.
 */
export function audienceMiddleware(sessions: Sessions, stations: StationAuth) {
  return (socket: AnySocket, next: (err?: Error) => void): void => {
    const req: IncomingMessage = socket.request;
    const offered = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    let station: StationRecord | undefined;
    if (offered !== undefined) {
      station = typeof offered === 'string' ? stations.byToken(offered) : undefined;
      if (!station) return next(new Error('station_required'));
    } else {
      const presented = stations.tokenOf(req);
      station = presented && stations.byToken(presented.token);
      if (presented?.source === 'bearer' && !station) return next(new Error('station_required'));
    }
    const audience: Audience = {
      staff: sessions.userOf(req) !== undefined,
      station: station ?? null,
    };
    socket.data.audience = audience;
    next();
  };
}

export function audienceOf(socket: AnySocket): Audience {
  return (socket.data.audience as Audience | undefined) ?? { staff: false, station: null };
}

export function joinRooms(socket: AnySocket): void {
  const { staff, station } = audienceOf(socket);
  const rooms = [staff ? ROOM_STAFF : ROOM_PUBLIC];
  if (station) rooms.push(placeRoom(station.kind, station.name), stationIdRoom(station.id));
  void socket.join(rooms);
}

/**
 * A staff socket stays in `staff` only while its session lives: once it ends (sign-out,
 * 12 hours, a deactivated user) the socket is dropped and reconnects as what it now is.
 * Returns how many were dropped.
 */
export function dropEndedStaffSockets(io: Server<any, any, any, any>, sessions: Sessions): number {
  let dropped = 0;
  for (const socket of io.of('/').sockets.values()) {
    if (audienceOf(socket).staff && !sessions.userOf(socket.request)) {
      socket.disconnect(true);
      dropped += 1;
    }
  }
  return dropped;
}

/** Runs `dropEndedStaffSockets` every minute while the HTTP server is open. */
export function sweepEndedSessions(
  io: Server<any, any, any, any>,
  http: HttpServer,
  sessions: Sessions,
): void {
  const timer = setInterval(() => dropEndedStaffSockets(io, sessions), SESSION_SWEEP_MS);
  timer.unref();
  http.once('close', () => clearInterval(timer));
}
