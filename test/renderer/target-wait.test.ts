import { describe, expect, it } from 'vitest';
import { pastTargetWait } from '../../renderer/src/lib/format/target-wait.ts';

describe('a wait against the service target', () => {
  const since = Date.UTC(2026, 11, 1, 2, 0);
  it('is past the target only once it is longer than the posted minutes', () => {
    expect(pastTargetWait(since, 15, since + 15 * 60_000)).toBe(false);
    expect(pastTargetWait(since, 15, since + 15 * 60_000 + 1)).toBe(true);
  });
  it('is never past a target the office has not posted', () => {
    expect(pastTargetWait(since, 0, since + 10 * 3_600_000)).toBe(false);
  });
});
