import { describe, expect, it } from 'vitest';
import { clockStep, describeStep } from '../../server/core/clock-step.ts';

const MINUTE = 60_000;
const TEN_AM = Date.parse('2026-11-25T10:00:00+07:00');

describe('clockStep', () => {
  it('sees no step while both clocks move together, or drift apart by a minute at most', () => {
    const before = { wallMs: TEN_AM, monotonicMs: 5_000 };
    expect(
      clockStep(before, { wallMs: TEN_AM + 2 * MINUTE, monotonicMs: 5_000 + 2 * MINUTE }),
    ).toBeNull();
    expect(clockStep(before, { wallMs: TEN_AM + MINUTE, monotonicMs: 5_000 })).toBeNull();
    expect(clockStep(before, { wallMs: TEN_AM - MINUTE, monotonicMs: 5_000 })).toBeNull();
  });

  it('names a step back of 30 minutes: from where the clock should read, to where it reads', () => {
    const step = clockStep(
      { wallMs: TEN_AM, monotonicMs: 1_000.25 },
      { wallMs: TEN_AM + 10_000 - 30 * MINUTE, monotonicMs: 11_000.25 },
    );
    expect(step).toEqual({
      fromMs: TEN_AM + 10_000,
      toMs: TEN_AM + 10_000 - 30 * MINUTE,
      differenceMs: -30 * MINUTE,
    });
  });

  it('names a step forward of just over a minute', () => {
    const step = clockStep(
      { wallMs: TEN_AM, monotonicMs: 0 },
      { wallMs: TEN_AM + MINUTE + 1, monotonicMs: 0 },
    );
    expect(step).toEqual({ fromMs: TEN_AM, toMs: TEN_AM + MINUTE + 1, differenceMs: MINUTE + 1 });
  });
});

describe('describeStep', () => {
  it('says which way and how far, in hours, minutes and seconds', () => {
    expect(describeStep(-30 * MINUTE)).toBe('back 30 min 0 s');
    expect(describeStep(2 * 3_600_000 + 5 * MINUTE + 10_000)).toBe('forward 2 h 5 min 10 s');
    expect(describeStep(-(10 * 3_600_000 + 30 * MINUTE))).toBe('back 10 h 30 min 0 s');
    expect(describeStep(61_000)).toBe('forward 1 min 1 s');
  });
});
