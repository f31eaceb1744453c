import type { HostServer } from './host-server.ts';

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;
/** A server that ran this long before dying was healthy: the next restart is immediate again. */
const HEALTHY_RUN_MS = 60_000;

export interface SupervisedHost {
  /** The URL of the server running now. */
  readonly url: string;
  /** How many times the server was started again after it died. */
  readonly restarts: number;
  /** Stops the server for good (quitting): no restart after this. */
  stop(): Promise<void>;
}

/**
 * host mode: the office server is a child process, and every screen in the office depends on
 * it. If it dies (a crash, the OOM killer, someone's `kill`) it is started again on the same
 * port and data directory, after 1 s, then 2, 4 ... 30 s while it keeps dying at once; a
 * refusal to start (a locked data directory) is retried the same way. The first start's error
 * is the caller's: a shell whose server cannot start at all says so and quits.
 */
export async function superviseHostServer(
  start: () => Promise<HostServer>,
  options: {
    log: (line: string) => void;
    onRestart?: (url: string) => void;
    now?: () => number;
    /** The first retry's delay; tests shorten it. */
    firstRetryMs?: number;
  },
): Promise<SupervisedHost> {
  const now = options.now ?? (() => Date.now());
  const firstRetryMs = options.firstRetryMs ?? FIRST_RETRY_MS;
  let current = await start();
  let startedAt = now();
  let stopping = false;
  let restarts = 0;
  let retryMs = firstRetryMs;
  let retryTimer: NodeJS.Timeout | undefined;
  let pending: Promise<unknown> | undefined;

  const watch = (server: HostServer): void => {
    void server.exited.then((how) => {
      if (stopping || server !== current) return;
      if (now() - startedAt >= HEALTHY_RUN_MS) retryMs = firstRetryMs;
      options.log(`office server stopped (${how}); starting it again in ${retryMs / 1000} s`);
      scheduleRestart();
    });
  };

  const scheduleRestart = (): void => {
    const delay = retryMs;
    retryMs = Math.min(MAX_RETRY_MS, retryMs * 2);
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (stopping) return;
      pending = start().then(
        async (server) => {
          if (stopping) {
            await server.stop();
            return;
          }
          current = server;
          startedAt = now();
          restarts += 1;
          options.log(`office server running again at ${server.url} (restart ${restarts})`);
          options.onRestart?.(server.url);
          watch(server);
        },
        (error: unknown) => {
          if (stopping) return;
          options.log(
            `office server did not start (${error instanceof Error ? error.message : String(error)}); trying again in ${retryMs / 1000} s`,
          );
          scheduleRestart();
        },
      );
    }, delay);
  };

  watch(current);
  return {
    get url() {
      return current.url;
    },
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (retryTimer) clearTimeout(retryTimer);
      // A restart in flight stops its own server once it is up (see above).
      await pending;
      await current.stop();
    },
  };
}
