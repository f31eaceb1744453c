import type { Db } from './database.ts';

/**
 * How long a retried request (same clientRequestId) is sure to get its first answer back. A
 * kiosk or counter retries seconds after a lost answer, or minutes after a network outage; a
 * day covers both with room to spare, and keeps the table at about a day's requests instead of
 * every request the office ever answered (docs/contract.md, Retries).
 */
export const CLIENT_REQUEST_REPLAY_WINDOW_MS = 24 * 60 * 60_000;

/** Rows past the window are deleted this often, so one lives at most window + this long. */
export const CLIENT_REQUEST_PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Deletes the stored answers whose replay window has passed (created before `nowMs - windowMs`,
 * office time); returns how many. A retry of such a request is answered as a new request.
 * The rows are not in the ledger, and `verify` checks each row that remains against the entry
 * it came from (client-requests-check.ts), so a deleted row is never missing from anything.
 */
export function pruneClientRequests(
  db: Db,
  nowMs: number,
  windowMs = CLIENT_REQUEST_REPLAY_WINDOW_MS,
): number {
  return db.prepare('DELETE FROM client_requests WHERE created_ms < ?').run(nowMs - windowMs)
    .changes;
}

export interface ClientRequestPruning {
  stop(): void;
}

/**
 * Prunes now and then every `everyMs` on the server's own connection (the one writer). It is
 * housekeeping: a prune that fails (a full disk) is logged once and tried again next time,
 * never thrown into the server.
 */
export function startClientRequestPruning(
  db: Db,
  now: () => number,
  options: { everyMs?: number; log?: (line: string) => void } = {},
): ClientRequestPruning {
  const log = options.log ?? (() => {});
  let failing = false;
  const prune = (): void => {
    try {
      pruneClientRequests(db, now());
      failing = false;
    } catch (error) {
      if (!failing)
        log(
          `client requests: cannot delete answers past their replay window (${(error as Error).message}); trying again later`,
        );
      failing = true;
    }
  };
  prune();
  const timer = setInterval(prune, options.everyMs ?? CLIENT_REQUEST_PRUNE_EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
