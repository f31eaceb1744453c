import { TokenBuckets } from './token-buckets.ts';

/** One snapshot a second per connection is plenty: a client asks only after a gap in `seq`. */
export const SNAPSHOT_INTERVAL_MS = 1000;
/**
 * Requests beyond this (bursts of 200, 20 a second sustained) are no client's gap recovery but
 * a flood: the socket is disconnected. A client asks once per event that skips a seq, and a
 * hall screen does not see every event (the day's close cancels hundreds of tickets at once,
 * some events go to staff only), so the bound is far above what a screen can send, and far
 * below the 20,000 that once kept /api/health waiting 5.7 s.
 */
const FLOOD = { perSecond: 20, burst: 200 };

interface ThrottledSocket {
  id: string;
  on(event: 'snapshot:request', listener: () => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  disconnect(close?: boolean): unknown;
}

/**
 * Answers `snapshot:request` at most once per SNAPSHOT_INTERVAL_MS: a request inside the
 * interval is folded into one snapshot sent when it ends, so a client never stays behind,
 * and 20,000 requests cost at most one snapshot a second instead of blocking the event loop.
 */
export function throttleSnapshotRequests(
  socket: ThrottledSocket,
  sendSnapshot: () => void,
  now: () => number = () => performance.now(),
): void {
  const flood = new TokenBuckets(FLOOD, now, 1);
  let lastSentMs = -Infinity;
  let pending: NodeJS.Timeout | null = null;

  const send = (): void => {
    pending = null;
    lastSentMs = now();
    sendSnapshot();
  };

  socket.on('snapshot:request', () => {
    if (flood.take(socket.id) > 0) {
      if (pending) clearTimeout(pending);
      pending = null;
      socket.disconnect(true);
      return;
    }
    if (pending) return;
    const waitMs = lastSentMs + SNAPSHOT_INTERVAL_MS - now();
    if (waitMs <= 0) send();
    else pending = setTimeout(send, waitMs);
  });
  socket.on('disconnect', () => {
    if (pending) clearTimeout(pending);
    pending = null;
  });
}
