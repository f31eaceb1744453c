import type { Rate } from '../../server/api/token-buckets.ts';

/**
 * The per-address limit of the anonymous endpoints (5 a second, bursts of 20) is for people
 * and kiosks. Benchmarks and tests that play a hall of kiosks from one address (127.0.0.1)
 * raise it explicitly with this; test/api/perimeter-rate.test.ts holds the default.
 */
export const LOAD_TEST_ANONYMOUS_RATE: Rate = { perSecond: 1_000_000, burst: 1_000_000 };

/** The same for `khiu serve` in a child process. */
export const LOAD_TEST_SERVE_ARGS: readonly string[] = [
  '--anonymous-rate',
  String(LOAD_TEST_ANONYMOUS_RATE.perSecond),
  '--anonymous-burst',
  String(LOAD_TEST_ANONYMOUS_RATE.burst),
];
