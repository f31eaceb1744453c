export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface Throttled {
  /** Asks for a run: now if the last one was long enough ago, else once when the interval ends. */
  request(): void;
  cancel(): void;
}

/**
 * Runs `run` at most once per `intervalMs`, and never drops the last request: a
 * burst of queue events (a busy morning) costs one refetch now and one at the end.
 */
export function throttle(run: () => void, intervalMs: number, timers = realTimers): Throttled {
  let lastRun = -Infinity;
  let pending: unknown = null;

  const fire = () => {
    pending = null;
    lastRun = timers.now();
    run();
  };

  return {
    request() {
      if (pending !== null) return;
      const wait = lastRun + intervalMs - timers.now();
      if (wait <= 0) fire();
      else pending = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (pending !== null) timers.clearTimeout(pending);
      pending = null;
    },
  };
}
