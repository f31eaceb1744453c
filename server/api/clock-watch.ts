import type { EventEmitter } from 'node:events';
import type { Office } from '../commands/office.ts';
import type { Clock } from '../core/clock.ts';
import {
  clockStep,
  CLOCK_STEP_THRESHOLD_MS,
  describeStep,
  type ClockReading,
  type ClockStep,
} from '../core/clock-step.ts';
import { toLocalIso } from '../core/local-time.ts';
import type { Logger } from './http-server.ts';

/** Often enough that a step while the office is quiet is dated within seconds. */
export const CLOCK_CHECK_INTERVAL_MS = 5_000;

export interface ClockWatchOptions {
  office: Office;
  /** The office clock (the wall clock, which someone may step). */
  clock: Clock;
  log: Logger;
  /** A clock nobody can set; performance.now() by default. */
  monotonic?: () => number;
  /** The HTTP server: every request compares the clocks before it is handled. */
  requests?: EventEmitter;
  intervalMs?: number;
}

export interface ClockWatch {
  /** Compares the wall clock with the monotonic one since the last check. */
  check(): void;
  /** Stops the timer and the per-request check. */
  stop(): void;
}

/**
 * Watches the office PC's clock while the server runs: a step of more than a minute either
 * way is logged (one line) and recorded in the ledger as `clock.stepped`. The queue does not
 * depend on it (OfficeCalendar holds ticket times and the office day); it tells the people
 * reading the ledger and the log why the times around it look as they do.
 */
export function watchClock(options: ClockWatchOptions): ClockWatch {
  const { office, clock, log } = options;
  const monotonic = options.monotonic ?? (() => performance.now());
  const timeZone = () => office.ctx.config().timeZone;
  const read = (): ClockReading => ({ wallMs: clock.now(), monotonicMs: monotonic() });

  const lastIssued = office.ctx.store.tickets.latestIssuedMs();
  if (lastIssued !== null && lastIssued - clock.now() > CLOCK_STEP_THRESHOLD_MS) {
    log(
      `the clock reads ${toLocalIso(clock.now(), timeZone())}, before the last ticket issued ` +
        `(${toLocalIso(lastIssued, timeZone())}): new tickets queue after it and the office day ` +
        `stays ${office.ctx.calendar.day()} until the clock passes it; set the clock right`,
    );
  }

  let last = read();
  // Steps not yet in the ledger: a full or read-only disk must not lose one, and there is
  // nobody to hand the error to (a timer, or a request that is not about the clock), so it is
  // logged once and the step is recorded at the next check that can write.
  const unrecorded: { step: ClockStep; failureLogged: boolean }[] = [];

  const check = (): void => {
    const now = read();
    const step = clockStep(last, now);
    last = now;
    if (step) {
      log(
        `clock stepped ${describeStep(step.differenceMs)} (from ${toLocalIso(step.fromMs, timeZone())} ` +
          `to ${toLocalIso(step.toMs, timeZone())}); tickets keep their order and the office day is ` +
          `${office.ctx.calendar.day()}`,
      );
      unrecorded.push({ step, failureLogged: false });
    }
    while (unrecorded.length > 0) {
      const pending = unrecorded[0]!;
      try {
        office.clockSteps.record(pending.step);
      } catch (error) {
        if (!pending.failureLogged)
          log(
            `could not record the clock step in the ledger yet: ${error instanceof Error ? error.message : String(error)}`,
          );
        pending.failureLogged = true;
        return;
      }
      unrecorded.shift();
    }
  };

  const timer = setInterval(check, options.intervalMs ?? CLOCK_CHECK_INTERVAL_MS);
  timer.unref();
  options.requests?.prependListener('request', check);
  return {
    check,
    stop() {
      clearInterval(timer);
      options.requests?.off('request', check);
    },
  };
}
