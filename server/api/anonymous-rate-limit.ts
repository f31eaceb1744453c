import { KhiuError } from '../core/errors.ts';
import { TokenBuckets, type Rate } from './token-buckets.ts';

/**
 * A busy kiosk issues a ticket every few seconds and its agent reports each print; a person
 * taps at most a few times a second. 5 a second with bursts of 20 leaves that room ten times
 * over while a flood from one address gets 429 after its first 20.
 */
export const DEFAULT_ANONYMOUS_RATE: Rate = { perSecond: 5, burst: 20 };

/**
 * The endpoints anyone on the LAN may call without signing in (or, for agents, before their
 * station token is checked), each with a bucket of its own per client address, so a flood of
 * device reports does not stop the same PC's kiosk from issuing tickets.
 */
const LIMITED: readonly { group: string; method: string; path: RegExp }[] = [
  { group: 'issue', method: 'POST', path: /^\/api\/tickets$/ },
  { group: 'rating', method: 'POST', path: /^\/api\/tickets\/[^/]+\/rating$/ },
  { group: 'rating', method: 'POST', path: /^\/api\/counters\/[^/]+\/rating$/ },
  { group: 'survey', method: 'POST', path: /^\/api\/tickets\/[^/]+\/survey$/ },
  { group: 'print-report', method: 'POST', path: /^\/api\/tickets\/[^/]+\/print-report$/ },
  // A citizen's complaint from the ticket page: a write anyone holding a ticket id may make.
  { group: 'complaint', method: 'POST', path: /^\/api\/tickets\/[^/]+\/complaint$/ },
  { group: 'device-report', method: 'POST', path: /^\/api\/devices\/report$/ },
  // Reads anyone may make that cost more than a lookup: a day's line, the checkpoint series.
  { group: 'order-check', method: 'GET', path: /^\/api\/tickets\/[^/]+\/order-check$/ },
  { group: 'checkpoints', method: 'GET', path: /^\/api\/ledger\/checkpoints$/ },
  // Cached and rebuilt at most every 2 s, but still a report over up to a month of tickets.
  { group: 'transparency', method: 'GET', path: /^\/api\/transparency$/ },
  // A coarse request rate only: the sign-in limiter counts failed passwords on its own.
  { group: 'session', method: 'POST', path: /^\/api\/session$/ },
];

/** 429 with the seconds to wait, which the server sends as `Retry-After`. */
export class RateLimited extends KhiuError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'rate_limited',
      `too many requests from this address; try again in ${retryAfterSeconds} s`,
      429,
    );
  }
}

export class AnonymousRateLimit {
  private readonly buckets: TokenBuckets;

  constructor(rate: Rate, now: () => number) {
    this.buckets = new TokenBuckets(rate, now);
  }

  /** Throws RateLimited when `address` has used up its requests to this endpoint. */
  check(method: string, pathname: string, address: string): void {
    const limited = LIMITED.find((l) => l.method === method && l.path.test(pathname));
    if (!limited) return;
    const waitMs = this.buckets.take(`${limited.group} ${address}`);
    if (waitMs > 0) throw new RateLimited(Math.max(1, Math.ceil(waitMs / 1000)));
  }
}
