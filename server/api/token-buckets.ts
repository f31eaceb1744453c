/** A sustained rate with room for a burst: `burst` at once, then `perSecond`. */
export interface Rate {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  atMs: number;
}

/**
 * One token bucket per key (a client address, a route). Memory is bounded: past `maxKeys`
 * the least recently used bucket is dropped, which at worst gives that key a full bucket
 * again; a full bucket and a missing one are the same thing.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly rate: Rate,
    private readonly now: () => number,
    private readonly maxKeys = 10_000,
  ) {
    if (!(rate.perSecond > 0) || !(rate.burst >= 1))
      throw new Error(`a rate needs perSecond > 0 and burst >= 1 (got ${JSON.stringify(rate)})`);
  }

  /** Takes one token: 0 when allowed, else the milliseconds until one is available. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.rate.burst;
    if (bucket) {
      tokens = Math.min(
        this.rate.burst,
        bucket.tokens + ((now - bucket.atMs) / 1000) * this.rate.perSecond,
      );
      // Re-inserted below, so the Map's order is least recently used first.
      this.buckets.delete(key);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, atMs: now });
      return Math.ceil(((1 - tokens) / this.rate.perSecond) * 1000);
    }
    this.buckets.set(key, { tokens: tokens - 1, atMs: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
    return 0;
  }

  get size(): number {
    return this.buckets.size;
  }
}
