import { performance } from 'node:perf_hooks';

export interface ClosedLoopResult {
  completed: number;
  errors: number;
  elapsedMs: number;
  perSecond: number;
  firstError?: string;
}

/**
 * `concurrency` workers, each sending its next request as soon as the previous
 * answers, until `durationMs` has passed or `maxOperations` were started.
 * `operation` resolves true for a correct answer.
 */
export async function runClosedLoop(options: {
  concurrency: number;
  durationMs: number;
  maxOperations: number;
  operation: () => Promise<boolean>;
  onProgress?: (completed: number, elapsedMs: number) => void;
}): Promise<ClosedLoopResult> {
  const { concurrency, durationMs, maxOperations, operation, onProgress } = options;
  let started = 0;
  let completed = 0;
  let errors = 0;
  let firstError: string | undefined;
  const begin = performance.now();
  const deadline = begin + durationMs;

  const worker = async () => {
    while (started < maxOperations && performance.now() < deadline) {
      started += 1;
      try {
        if (await operation()) completed += 1;
        else errors += 1;
      } catch (error) {
        errors += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        // A refused connection fails at once; don't spin on it.
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      onProgress?.(completed, performance.now() - begin);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsedMs = performance.now() - begin;
  return {
    completed,
    errors,
    elapsedMs,
    perSecond: (completed * 1000) / elapsedMs,
    ...(firstError ? { firstError } : {}),
  };
}
