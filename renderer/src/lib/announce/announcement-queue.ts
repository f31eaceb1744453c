/** Plays one clip to the end; rejects when it cannot. */
export interface ClipPlayer {
  play(clip: string): Promise<void>;
}

/** What a screen hears from the queue, so what it shows follows what is being said. */
export interface AnnouncementHooks<T> {
  /** An item is about to be read; its first clip waits for the returned promise (the screen shows it first). */
  started?: (item: T) => void | Promise<void>;
  /** The item's last clip has finished. */
  finished?: (item: T) => void;
  /** The items waiting their turn changed (oldest first). */
  waitingChanged?: (waiting: readonly T[]) => void;
}

interface Pending<T> {
  item: T;
  /** Asked when the item's turn comes, so a setting changed meanwhile applies to it. */
  clips: () => string[];
}

/**
 * Calls are announced one after another, never over each other: a call that
 * arrives while another is being read waits its turn. A clip that fails to play
 * is reported and skipped, so one bad file cannot silence the hall.
 */
export class AnnouncementQueue<T> {
  private readonly pending: Pending<T>[] = [];
  private running = false;
  private speaking: T | null = null;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly player: ClipPlayer,
    private readonly onClipError: (clip: string, error: unknown) => void,
    private readonly pauseBetweenMs = 600,
    private readonly hooks: AnnouncementHooks<T> = {},
  ) {}

  get length(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  /** The item being read now (also during the pause after it), or null. */
  get current(): T | null {
    return this.speaking;
  }

  get waiting(): T[] {
    return this.pending.map((p) => p.item);
  }

  enqueue(item: T, clips: string[] | (() => string[])): void {
    this.pending.push({ item, clips: typeof clips === 'function' ? clips : () => clips });
    this.hooks.waitingChanged?.(this.waiting);
    if (!this.running) void this.drain();
  }

  /** Resolves when nothing is playing or waiting. */
  idle(): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.pending.length > 0) {
      const next = this.pending.shift()!;
      this.speaking = next.item;
      this.hooks.waitingChanged?.(this.waiting);
      const clips = next.clips();
      await this.hooks.started?.(next.item);
      for (const clip of clips) {
        try {
          await this.player.play(clip);
        } catch (error) {
          this.onClipError(clip, error);
        }
      }
      this.hooks.finished?.(next.item);
      if (this.pending.length > 0 && this.pauseBetweenMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.pauseBetweenMs));
      }
    }
    this.speaking = null;
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
