/**
 * Limits password guesses. Every attempt is reserved before its password is checked and
 * settled after, so parallel requests cannot all slip past a check made before any of them
 * failed: N parallel guesses cost at most the limit's worth of scrypt checks.
 *
 * Three buckets, each a sliding window of reserved or failed attempts:
 * - per address (20): one machine spraying many names;
 * - per name from addresses the name has never signed in from (5, shared by all of them):
 *   the brute-force bound on a name;
 * - per (name, address) for an address the name has signed in from before (5): the
 *   counter PC its owner uses every day.
 * So anyone can lock a name out of the shared bucket by guessing, but not out of the
 * addresses where its owner already works, unless they take over that address; and an
 * attacker's guesses at a name stay bounded by 5 per window plus 5 per such address.
 *
 * Kept in memory: a restart forgives failures and forgets known addresses, which is
 * acceptable for an office LAN (docs/security.md).
 */
export interface Attempt {
  readonly id: number;
  readonly keys: readonly [address: string, name: string];
  readonly username: string;
  readonly address: string;
}

export type Reservation = { attempt: Attempt; retryAfterMs: 0 } | { retryAfterMs: number };

/** One counted attempt: reserved (its password still being checked) or failed. */
interface Entry {
  id: number;
  at: number;
  pending: boolean;
}

const KNOWN_ADDRESSES_PER_NAME = 8;
/** A known address is forgotten a month after its last successful sign-in. */
const KNOWN_FOR_MS = 30 * 24 * 60 * 60_000;
/** How many keys may sit in memory before expired ones are swept. */
const SWEEP_ABOVE = 10_000;

export class LoginLimiter {
  private readonly entries = new Map<string, Entry[]>();
  private readonly known = new Map<string, Map<string, number>>();
  private nextId = 1;

  constructor(
    private readonly now: () => number,
    private readonly maxPerName = 5,
    private readonly maxPerAddress = 20,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Counts an attempt now, before its password is checked; or says how long to wait. */
  reserve(username: string, address: string): Reservation {
    const keys: Attempt['keys'] = [
      `a:${address}`,
      this.isKnown(username, address) ? `k:${username}\u0000${address}` : `u:${username}`,
    ];
    const wait = Math.max(
      this.wait(keys[0], this.maxPerAddress),
      this.wait(keys[1], this.maxPerName),
    );
    if (wait > 0) return { retryAfterMs: wait };
    if (this.entries.size > SWEEP_ABOVE) this.sweep();
    const entry: Entry = { id: this.nextId++, at: this.now(), pending: true };
    for (const key of keys) this.entries.set(key, [...this.recent(key), { ...entry }]);
    return { attempt: { id: entry.id, keys, username, address }, retryAfterMs: 0 };
  }

  /**
   * A failure keeps its reservation as a failure. A success releases it, clears the
   * failures of the name's bucket it was counted in (attempts still being checked stay),
   * and makes the address known for the name.
   */
  settle(attempt: Attempt, succeeded: boolean): void {
    const [addressKey, nameKey] = attempt.keys;
    if (!succeeded) {
      for (const key of attempt.keys)
        for (const entry of this.recent(key)) if (entry.id === attempt.id) entry.pending = false;
      return;
    }
    this.keep(addressKey, (e) => e.id !== attempt.id);
    this.keep(nameKey, (e) => e.id !== attempt.id && e.pending);
    this.remember(attempt.username, attempt.address);
  }

  private keep(key: string, predicate: (entry: Entry) => boolean): void {
    const rest = this.recent(key).filter(predicate);
    if (rest.length > 0) this.entries.set(key, rest);
    else this.entries.delete(key);
  }

  private isKnown(username: string, address: string): boolean {
    const at = this.known.get(username)?.get(address);
    return at !== undefined && this.now() - at < KNOWN_FOR_MS;
  }

  private remember(username: string, address: string): void {
    const addresses = this.known.get(username) ?? new Map<string, number>();
    addresses.delete(address);
    addresses.set(address, this.now());
    // Oldest first (insertion order): a name keeps its most recent few addresses.
    while (addresses.size > KNOWN_ADDRESSES_PER_NAME) {
      addresses.delete(addresses.keys().next().value!);
    }
    this.known.set(username, addresses);
  }

  private recent(key: string): Entry[] {
    const cutoff = this.now() - this.windowMs;
    const list = (this.entries.get(key) ?? []).filter((e) => e.at > cutoff);
    if (list.length === 0) this.entries.delete(key);
    else this.entries.set(key, list);
    return list;
  }

  private wait(key: string, max: number): number {
    const list = this.recent(key);
    if (list.length < max) return 0;
    return Math.max(1, list[list.length - max]!.at + this.windowMs - this.now());
  }

  private sweep(): void {
    for (const key of [...this.entries.keys()]) this.recent(key);
  }
}
