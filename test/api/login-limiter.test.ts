import { describe, expect, it } from 'vitest';
import { LoginLimiter, type Attempt } from '../../server/api/login-limiter.ts';

const MINUTE = 60_000;

function limiter() {
  let now = 0;
  const l = new LoginLimiter(() => now);
  const reserve = (name: string, address: string): Attempt => {
    const r = l.reserve(name, address);
    if (!('attempt' in r)) throw new Error(`refused for ${r.retryAfterMs} ms`);
    return r.attempt;
  };
  return { l, reserve, advance: (ms: number) => (now += ms) };
}

describe('the sign-in limiter', () => {
  it('counts attempts still being checked, so a sixth parallel guess is refused', () => {
    const { l, reserve } = limiter();
    for (let i = 0; i < 5; i += 1) reserve('somchai', '10.0.0.9');
    expect(l.reserve('somchai', '10.0.0.9').retryAfterMs).toBe(15 * MINUTE);
  });

  it('clears failures on success but keeps attempts of others still being checked', () => {
    const { l, reserve } = limiter();
    const guesses = [0, 1, 2].map(() => reserve('somchai', '10.0.0.9'));
    guesses.forEach((g) => l.settle(g, false));
    const pending = reserve('somchai', '10.0.0.8');
    l.settle(reserve('somchai', '10.0.0.7'), true);
    // The three failures are forgiven; the attempt still pending counts until it settles.
    for (let i = 0; i < 4; i += 1) l.settle(reserve('somchai', '10.0.0.6'), false);
    expect(l.reserve('somchai', '10.0.0.6').retryAfterMs).toBeGreaterThan(0);
    l.settle(pending, false);
  });

  it('forgets failures once the 15-minute window has passed', () => {
    const { l, reserve, advance } = limiter();
    for (let i = 0; i < 5; i += 1) l.settle(reserve('somchai', '10.0.0.9'), false);
    advance(15 * MINUTE - 1);
    expect(l.reserve('somchai', '10.0.0.9').retryAfterMs).toBe(1);
    advance(1);
    expect('attempt' in l.reserve('somchai', '10.0.0.9')).toBe(true);
  });

  it('limits one address to 20 attempts across names', () => {
    const { l, reserve } = limiter();
    for (let i = 0; i < 20; i += 1) l.settle(reserve(`user-${i}`, '10.0.0.9'), false);
    expect(l.reserve('someone-else', '10.0.0.9').retryAfterMs).toBeGreaterThan(0);
    expect('attempt' in l.reserve('someone-else', '10.0.0.10')).toBe(true);
  });
});
