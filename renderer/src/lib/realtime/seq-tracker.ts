/** What to do with an event, given the ledger seq it carries. */
export type SeqVerdict = 'apply' | 'stale' | 'gap';

/**
 * Follows the ledger seq of the realtime stream. The server sends a snapshot on
 * every (re)connect, then events in ledger order. An event at or below what we
 * already reflect is stale (ignore it); one that skips a seq means we may have
 * missed something, so the caller applies it and asks for a fresh snapshot.
 * Some ledger entries (a new user, a settings change) publish no event, so a gap
 * costs one extra snapshot, never a wrong screen.
 */
export class SeqTracker {
  private last: number | null = null;

  /** A snapshot reflects everything up to and including `seq`. */
  reset(seq: number): void {
    this.last = seq;
  }

  /** Forget the position (the connection dropped): nothing is applied until the next snapshot. */
  clear(): void {
    this.last = null;
  }

  get position(): number | null {
    return this.last;
  }

  accept(seq: number): SeqVerdict {
    if (this.last === null) return 'stale';
    if (seq <= this.last) return 'stale';
    const verdict: SeqVerdict = seq === this.last + 1 ? 'apply' : 'gap';
    this.last = seq;
    return verdict;
  }
}
