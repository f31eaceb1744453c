import { OfficeRefusal } from './office-http.ts';

export interface OutboxOptions {
  log: (line: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

interface Entry {
  what: string;
  send: () => Promise<void>;
}

/**
 * Print reports must reach the server even when it is restarting: each is
 * sent in order and retried with backoff until it is delivered or the server
 * refuses it (a refusal will not change on retry, so it is logged and dropped).
 */
export class ReportOutbox {
  private readonly entries: Entry[] = [];
  private running = false;
  private closed = false;
  private idle: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;
  private wakeSleeper: (() => void) | null = null;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(private readonly options: OutboxOptions) {
    this.initialDelayMs = options.initialDelayMs ?? 200;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
  }

  get pending(): number {
    return this.entries.length;
  }

  add(what: string, send: () => Promise<void>): void {
    if (this.closed) {
      this.options.log(`not sent (agent stopping): ${what}`);
      return;
    }
    this.entries.push({ what, send });
    if (!this.running) void this.run();
  }

  /** Retries now instead of after the backoff (the server just came back). */
  retryNow(): void {
    this.wakeSleeper?.();
  }

  /** Waits until everything is delivered or `timeoutMs` passes; resolves with how many were not delivered. */
  async flush(timeoutMs: number): Promise<number> {
    if (this.entries.length > 0) {
      let timeout: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.idle.push(resolve)),
        new Promise<void>((resolve) => (timeout = setTimeout(resolve, timeoutMs))),
      ]);
      clearTimeout(timeout);
    }
    return this.entries.length;
  }

  /** Stops retrying; whatever is left is logged, so a lost report is at least visible. */
  close(): void {
    this.closed = true;
    this.wakeSleeper?.();
    for (const e of this.entries.splice(0)) this.options.log(`undelivered: ${e.what}`);
  }

  private async run(): Promise<void> {
    this.running = true;
    let delay = this.initialDelayMs;
    while (this.entries.length > 0 && !this.closed) {
      const entry = this.entries[0]!;
      try {
        await entry.send();
        this.entries.shift();
        delay = this.initialDelayMs;
      } catch (err) {
        if (err instanceof OfficeRefusal) {
          this.entries.shift();
          this.options.log(`server refused ${entry.what}: ${err.message}`);
          continue;
        }
        this.options.log(`retrying in ${delay} ms: ${entry.what}: ${(err as Error).message}`);
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.maxDelayMs);
      }
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        if (this.timer) clearTimeout(this.timer);
        this.timer = null;
        this.wakeSleeper = null;
        resolve();
      };
      this.timer = setTimeout(done, ms);
      this.wakeSleeper = done;
    });
  }
}
