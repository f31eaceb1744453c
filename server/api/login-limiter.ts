/**
 * Counts failed sign-ins per username and per client address in a sliding
 * window; past the limit, further attempts are refused until the window passes.
 * Kept in memory: a restart forgives, which is acceptable for an office LAN.
 */
export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly now: () => number,
    private readonly maxPerUser = 5,
    private readonly maxPerAddress = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until another attempt is allowed, or 0. */
  retryAfterMs(username: string, address: string): number {
    return Math.max(
      this.wait(`u:${username}`, this.maxPerUser),
      this.wait(`a:${address}`, this.maxPerAddress),
    );
  }

  fail(username: string, address: string): void {
    for (const key of [`u:${username}`, `a:${address}`]) {
      const list = this.recent(key);
      list.push(this.now());
      this.failures.set(key, list);
    }
  }

  succeed(username: string): void {
    this.failures.delete(`u:${username}`);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length === 0) this.failures.delete(key);
    return list;
  }

  private wait(key: string, max: number): number {
    const list = this.recent(key);
    if (list.length < max) return 0;
    return list[list.length - max]! + this.windowMs - this.now();
  }
}
