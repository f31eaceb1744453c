import type { ServiceStep } from '../contract.ts';

export type TimerLevel = 'ok' | 'amber' | 'red';

/** Amber from this share of the standard time, so staff see it coming before it is late. */
export const AMBER_AT = 0.8;

/**
 * The colour of a timer against a posted standard: ok, amber from 80 %, red when
 * over. A step posted with 0 minutes has no time to keep, so it never turns.
 */
export function timerLevel(elapsedMs: number, standardMinutes: number): TimerLevel {
  if (standardMinutes <= 0) return 'ok';
  const standardMs = standardMinutes * 60_000;
  if (elapsedMs > standardMs) return 'red';
  if (elapsedMs >= standardMs * AMBER_AT) return 'amber';
  return 'ok';
}

/** "12:05" for a timer; past an hour "1:02:05". */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h > 0 ? 2 : 1, '0');
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

export interface StepProgress {
  step: ServiceStep;
  state: 'done' | 'current' | 'next';
  elapsedMs: number;
  level: TimerLevel;
}

/**
 * The posted steps with the one in progress timed against its own standard.
 * The server does not record step changes, so staff advance the step on their
 * screen; `stepStartedAt[i]` is when step i began (ms), `now` the clock.
 */
export function stepProgress(
  steps: ServiceStep[],
  stepStartedAt: number[],
  now: number,
): StepProgress[] {
  const current = stepStartedAt.length - 1;
  return steps.map((step, i) => {
    if (i < current) {
      const elapsedMs = stepStartedAt[i + 1]! - stepStartedAt[i]!;
      return { step, state: 'done', elapsedMs, level: timerLevel(elapsedMs, step.minutes) };
    }
    if (i === current) {
      const elapsedMs = now - stepStartedAt[i]!;
      return { step, state: 'current', elapsedMs, level: timerLevel(elapsedMs, step.minutes) };
    }
    return { step, state: 'next', elapsedMs: 0, level: 'ok' };
  });
}
