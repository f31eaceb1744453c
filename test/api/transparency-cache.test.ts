import { describe, expect, it } from 'vitest';
import { TransparencyCache } from '../../server/api/transparency-cache.ts';

describe('the cache of the public record', () => {
  it('reuses an answer while nothing changed, holds it briefly after a change, then rebuilds', () => {
    let now = 0;
    let builds = 0;
    const cache = new TransparencyCache<'today' | 'week'>(2000, () => now);
    const build = () => `body ${++builds}`;
    expect(cache.get('today', 'v1', build)).toBe('body 1');
    now = 60_000;
    expect(cache.get('today', 'v1', build)).toBe('body 1');
    // Each range has its own answer.
    expect(cache.get('week', 'v1', build)).toBe('body 2');
    expect(cache.get('today', 'v2', build)).toBe('body 3');
    now += 1000;
    expect(cache.get('today', 'v3', build)).toBe('body 3');
    now += 1000;
    expect(cache.get('today', 'v3', build)).toBe('body 4');
    expect(builds).toBe(4);
  });
});
