/**
 * Telling a stepped wall clock from time passing: between two readings the wall clock
 * (Date.now) should move as far as a monotonic clock (performance.now), which nobody can set.
 * Pure: the readings are passed in.
 */

/** Beyond this, either way, a difference between the two clocks is a step, not drift. */
export const CLOCK_STEP_THRESHOLD_MS = 60_000;

export interface ClockReading {
  /** The wall clock, epoch milliseconds. */
  wallMs: number;
  /** A monotonic clock in milliseconds from any origin. */
  monotonicMs: number;
}

export interface ClockStep {
  /** What the wall clock would read now had it not been stepped. */
  fromMs: number;
  /** What it reads now. */
  toMs: number;
  /** toMs - fromMs: negative when the clock was stepped back. */
  differenceMs: number;
}

/** The step of the wall clock between two readings, or null when it kept time within the threshold. */
export function clockStep(
  previous: ClockReading,
  current: ClockReading,
  thresholdMs: number = CLOCK_STEP_THRESHOLD_MS,
): ClockStep | null {
  // Whole milliseconds, as the wall clock and the ledger count them.
  const fromMs = Math.round(previous.wallMs + (current.monotonicMs - previous.monotonicMs));
  const differenceMs = current.wallMs - fromMs;
  if (Math.abs(differenceMs) <= thresholdMs) return null;
  return { fromMs, toMs: current.wallMs, differenceMs };
}

/** "back 30 min 0 s", "forward 2 h 5 min 10 s": a step for a person to read. */
export function describeStep(differenceMs: number): string {
  const seconds = Math.round(Math.abs(differenceMs) / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor((seconds % 3600) / 60), seconds % 60];
  const parts = [h > 0 ? `${h} h` : '', h > 0 || m > 0 ? `${m} min` : '', `${s} s`];
  return `${differenceMs < 0 ? 'back' : 'forward'} ${parts.filter((p) => p).join(' ')}`;
}
