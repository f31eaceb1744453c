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
  /** done: started and finished; current: started, running; next: not started. */
  state: 'done' | 'current' | 'next';
  elapsedMs: number;
  level: TimerLevel;
}

/** A step as the server recorded it, times in ms. */
export interface RecordedStep {
  order: number;
  startedMs: number;
  finishedMs: number | null;
}

/** The server's step times (ISO) as milliseconds. */
export const recordedSteps = (
  steps: readonly { order: number; startedAt: string; finishedAt: string | null }[],
): RecordedStep[] =>
  steps.map((s) => ({
    order: s.order,
    startedMs: Date.parse(s.startedAt),
    finishedMs: s.finishedAt === null ? null : Date.parse(s.finishedAt),
  }));

/**
 * The posted steps with the times the server recorded for them: a finished step keeps the
 * time it took, the running one is timed to `now` against its own standard.
 */
export function stepProgress(
  steps: readonly ServiceStep[],
  recorded: readonly RecordedStep[],
  now: number,
): StepProgress[] {
  const byOrder = new Map(recorded.map((r) => [r.order, r]));
  return steps.map((step) => {
    const r = byOrder.get(step.order);
    if (!r) return { step, state: 'next', elapsedMs: 0, level: 'ok' };
    const elapsedMs = Math.max(0, (r.finishedMs ?? now) - r.startedMs);
    return {
      step,
      state: r.finishedMs === null ? 'current' : 'done',
      elapsedMs,
      level: timerLevel(elapsedMs, step.minutes),
    };
  });
}

/** The step to start next: the first posted step not started yet, or null when all were. */
export function nextStepOrder(
  steps: readonly ServiceStep[],
  recorded: readonly RecordedStep[],
): number | null {
  const started = new Set(recorded.map((r) => r.order));
  return steps.find((s) => !started.has(s.order))?.order ?? null;
}
