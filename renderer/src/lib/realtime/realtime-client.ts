import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, PublicSnapshot, ServerToClientEvents } from '../contract.ts';
import { SeqTracker } from './seq-tracker.ts';
import { setOfficeTimeZone } from '../i18n/dates.ts';
import { setPublicBaseUrl } from '../qr/ticket-url.ts';
import type { EventName, EventPayload } from './queue-state.ts';

export type ConnectionState = 'connecting' | 'online' | 'offline';

export interface RealtimeHandlers {
  /** Numbers only for the hall; a signed-in counter's calls carry ticket ids too. */
  snapshot?: (snapshot: PublicSnapshot) => void;
  /** Every event in ledger order, after stale ones are dropped. */
  event?: <E extends EventName>(name: E, payload: EventPayload<E>) => void;
  connection?: (state: ConnectionState) => void;
}

const EVENT_NAMES: readonly EventName[] = [
  'ticket:issued',
  'ticket:called',
  'ticket:updated',
  'ticket:rated',
  'ticket:printed',
  'counter:updated',
  'profiles:updated',
  'services:updated',
  'office:updated',
];

export interface RealtimeClient {
  readonly state: ConnectionState;
  /** Adds handlers; returns the function that removes them. */
  listen(handlers: RealtimeHandlers): () => void;
  requestSnapshot(): void;
  /**
   * Connects again, after signing in or out: what the server sends a socket (ticket ids or
   * numbers only) is decided from its cookies at the handshake.
   */
  reconnect(): void;
  close(): void;
}

/**
 * The one realtime client of the server's event map. The server sends a snapshot
 * on every (re)connect; events that skip a seq trigger `snapshot:request`, so a
 * screen that missed something is corrected within one round trip.
 */
export function connectRealtime(url?: string): RealtimeClient {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = url
    ? io(url, { transports: ['websocket', 'polling'] })
    : io({ transports: ['websocket', 'polling'] });
  const tracker = new SeqTracker();
  const listeners = new Set<RealtimeHandlers>();
  let state: ConnectionState = 'connecting';

  const setState = (next: ConnectionState) => {
    state = next;
    for (const l of listeners) l.connection?.(next);
  };

  socket.on('connect', () => setState('online'));
  socket.on('disconnect', () => {
    tracker.clear();
    setState('offline');
  });
  socket.io.on('reconnect_attempt', () => {
    if (state !== 'online') setState('connecting');
  });
  socket.on('connect_error', () => setState('offline'));

  socket.on('snapshot', (snapshot) => {
    tracker.reset(snapshot.seq);
    setOfficeTimeZone(snapshot.timeZone);
    setPublicBaseUrl(snapshot.publicBaseUrl);
    for (const l of listeners) l.snapshot?.(snapshot);
  });

  for (const name of EVENT_NAMES) {
    // socket.io's typed `on` cannot take a union of names; each handler is the map's own type.
    (socket.on as (n: EventName, h: (payload: EventPayload<EventName>) => void) => void)(
      name,
      (payload) => {
        const verdict = tracker.accept(payload.seq);
        if (verdict === 'stale') return;
        for (const l of listeners) l.event?.(name, payload);
        // A changed setting comes with the next snapshot, which carries them all.
        if (verdict === 'gap' || name === 'office:updated') socket.emit('snapshot:request');
      },
    );
  }

  return {
    get state() {
      return state;
    },
    listen(handlers) {
      listeners.add(handlers);
      return () => listeners.delete(handlers);
    },
    requestSnapshot: () => socket.emit('snapshot:request'),
    reconnect: () => {
      socket.disconnect();
      socket.connect();
    },
    close: () => socket.close(),
  };
}
