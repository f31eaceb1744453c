/**
 * Answers of GET /api/transparency, one per range, as the JSON text sent. An answer is reused
 * while its version (the office day, the ledger head, the last chain check) is unchanged, so
 * it is never stale; after a change it is rebuilt, but at most once per `holdMs`, so a flood
 * of readers during a busy morning costs one build per range every `holdMs`, and what they
 * see is at most `holdMs` behind the ledger.
 */
export class TransparencyCache<K extends string> {
  private readonly entries = new Map<K, { version: string; builtAt: number; body: string }>();

  constructor(
    private readonly holdMs: number,
    /** Real time, not the office clock: a test's frozen clock must not freeze the cache. */
    private readonly monotonic: () => number = () => performance.now(),
  ) {}

  get(key: K, version: string, build: () => string): string {
    const entry = this.entries.get(key);
    const now = this.monotonic();
    if (entry && (entry.version === version || now - entry.builtAt < this.holdMs))
      return entry.body;
    const body = build();
    this.entries.set(key, { version, builtAt: now, body });
    return body;
  }
}
