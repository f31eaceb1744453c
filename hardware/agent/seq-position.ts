/** What to do with an event, given the ledger seq it carries. */
export type SeqVerdict = 'apply' | 'stale' | 'gap';

/**
 * Follows the ledger seq of the realtime stream. The server sends a snapshot
 * on every (re)connect, then events in ledger order. An event at or below what
 * the last snapshot reflects is stale; one that skips a seq means something
 * may have been missed, so the agent applies it and asks for a fresh snapshot.
 * Some ledger entries (a new user, a settings change) publish no event, so a
 * gap costs one extra snapshot, never a wrong board. (The renderer keeps its
 * own copy: hardware/ imports nothing of the renderer.)
 */
export class SeqPosition {
  private last: number | null = null;

  reset(seq: number): void {
    this.last = seq;
  }

  /** The connection dropped: nothing is applied until the next snapshot. */
  clear(): void {
    this.last = null;
  }

  accept(seq: number): SeqVerdict {
    if (this.last === null || seq <= this.last) return 'stale';
    const verdict: SeqVerdict = seq === this.last + 1 ? 'apply' : 'gap';
    this.last = seq;
    return verdict;
  }
}
