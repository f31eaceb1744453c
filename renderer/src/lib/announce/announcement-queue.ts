/** Plays one clip to the end; rejects when it cannot. */
export interface ClipPlayer {
  play(clip: string): Promise<void>;
}

export interface QueuedAnnouncement {
  clips: string[];
}

/**
 * Calls are announced one after another, never over each other: a call that
 * arrives while another is being read waits its turn. A clip that fails to play
 * is reported and skipped, so one bad file cannot silence the hall.
 */
export class AnnouncementQueue {
  private readonly pending: QueuedAnnouncement[] = [];
  private running = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly player: ClipPlayer,
    private readonly onClipError: (clip: string, error: unknown) => void,
    private readonly pauseBetweenMs = 600,
  ) {}

  get length(): number {
    return this.pending.length + (this.running ? 1 : 0);
  }

  enqueue(clips: string[]): void {
    this.pending.push({ clips });
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
      for (const clip of next.clips) {
        try {
          await this.player.play(clip);
        } catch (error) {
          this.onClipError(clip, error);
        }
      }
      if (this.pending.length > 0 && this.pauseBetweenMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, this.pauseBetweenMs));
      }
    }
    this.running = false;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}
