import type { OfficeContext } from './office-context.ts';
import { SETTING_LAST_CLOCK_STEP } from './office-context.ts';
import type { ClockStep } from '../core/clock-step.ts';
import { toLocalIso } from '../core/local-time.ts';

/**
 * A step of the office PC's clock goes into the ledger: the times in the entries around it
 * are read in its light (a ticket issued "before" the one above it in the chain was issued
 * while the clock read early). No table row changes with a step, so its entry carries a
 * setting that holds the latest one.
 */
export class ClockStepCommands {
  constructor(private readonly ctx: OfficeContext) {}

  /** Records `step` as a `clock.stepped` ledger entry; returns its seq. */
  record(step: ClockStep): number {
    const timeZone = this.ctx.config().timeZone;
    return this.ctx.run(() => {
      const { store } = this.ctx;
      store.settings.set(SETTING_LAST_CLOCK_STEP, {
        from: toLocalIso(step.fromMs, timeZone),
        to: toLocalIso(step.toMs, timeZone),
        differenceMs: step.differenceMs,
      });
      return store.ledger.record(
        step.toMs,
        'clock.stepped',
        'setting',
        SETTING_LAST_CLOCK_STEP,
        { kind: 'system', reason: 'clock_stepped' },
        { fromMs: step.fromMs, toMs: step.toMs, differenceMs: step.differenceMs },
      );
    });
  }
}
