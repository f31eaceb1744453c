import { performance } from 'node:perf_hooks';

export interface OpenLoopResult {
  /** Milliseconds from each operation's scheduled start to its completion. */
  latencies: number[];
  errors: number;
  /** Operations still running when the drain timeout ran out (counted as errors too). */
  unfinished: number;
  firstError?: string;
}

/**
 * Starts `operation` on a fixed timetable (`rate` per second for `durationMs`),
 * whether or not earlier ones have finished, and measures each from the time it
 * was scheduled, not the time it was sent: a stalled server cannot hide its
 * stall by slowing the generator down (no coordinated omission).
 */
export async function runOpenLoop(options: {
  rate: number;
  durationMs: number;
  drainTimeoutMs: number;
  operation: () => Promise<void>;
}): Promise<OpenLoopResult> {
  const { rate, durationMs, drainTimeoutMs, operation } = options;
  const interval = 1000 / rate;
  const total = Math.floor((rate * durationMs) / 1000);
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let settled = 0;
  const start = performance.now() + 5;

  const fire = (i: number) => {
    const scheduled = start + i * interval;
    let promise: Promise<void>;
    try {
      promise = operation();
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      () => {
        latencies.push(performance.now() - scheduled);
        settled += 1;
      },
      (error: unknown) => {
        errors += 1;
        settled += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
      },
    );
  };

  await new Promise<void>((resolve) => {
    let next = 0;
    const tick = () => {
      const now = performance.now();
      while (next < total && start + next * interval <= now) fire(next++);
      if (next >= total) return resolve();
      setTimeout(tick, Math.max(0, start + next * interval - performance.now()));
    };
    setTimeout(tick, Math.max(0, start - performance.now()));
  });

  const drainUntil = performance.now() + drainTimeoutMs;
  while (settled < total && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const unfinished = total - settled;
  return {
    latencies,
    errors: errors + unfinished,
    unfinished,
    ...(firstError ? { firstError } : {}),
  };
}
