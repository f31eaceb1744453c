import type { TicketPrintData } from './ticket-print-data.ts';
import type { PrinterLink } from './printer-link.ts';
import { canPrint } from './printer-status.ts';

export interface PrintJob {
  id: string;
  data: TicketPrintData;
}

/** How a job ended. Every job enqueued ends in exactly one of these. */
export type JobOutcome =
  | { jobId: string; outcome: 'printed'; attempts: number; reprint: boolean }
  | { jobId: string; outcome: 'failed'; attempts: number; reason: string };

export interface AttemptFailure {
  jobId: string;
  attempt: number;
  reason: string;
}

export interface PrintQueueOptions {
  link: PrinterLink;
  encode: (data: TicketPrintData) => Uint8Array;
  onSettled: (outcome: JobOutcome) => void;
  onAttemptFailed?: (failure: AttemptFailure) => void;
  /** How often a waiting job asks the printer again. */
  pollIntervalMs?: number;
  /**
   * A ticket is for the citizen at the kiosk now; after this long without
   * paper the job fails and the kiosk's on-screen number is what they keep.
   */
  giveUpAfterMs?: number;
  now?: () => number;
}

interface QueuedJob extends PrintJob {
  enqueuedAt: number;
  attempts: number;
  /** True once bytes of this ticket reached the printer, so the next copy is a reprint. */
  written: boolean;
  lastReason: string | null;
}

/**
 * Prints tickets one at a time, in the order they were issued. A job waits
 * while the printer is out of paper, open or offline; a job whose printing
 * went wrong is printed again when the printer is back, marked
 * "พิมพ์ซ้ำ / REPRINT" so nobody mistakes it for a second ticket.
 */
export class PrintQueue {
  private readonly jobs: QueuedJob[] = [];
  private running = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];
  private wake: (() => void) | null = null;
  /** Why the printer last refused work; jobs that waited behind the head fail with it. */
  private lastProblem: string | null = null;
  private readonly pollIntervalMs: number;
  private readonly giveUpAfterMs: number;
  private readonly now: () => number;

  constructor(private readonly options: PrintQueueOptions) {
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.giveUpAfterMs = options.giveUpAfterMs ?? 120_000;
    this.now = options.now ?? Date.now;
    // Automatic Status Back and reconnects wake a waiting job early.
    options.link.reader.onStatus((status) => {
      if (canPrint(status)) this.wake?.();
    });
  }

  get pending(): number {
    return this.jobs.length;
  }

  enqueue(job: PrintJob): void {
    if (this.stopped) {
      this.options.onSettled({
        jobId: job.id,
        outcome: 'failed',
        attempts: 0,
        reason: 'queue_stopped',
      });
      return;
    }
    this.jobs.push({
      ...job,
      enqueuedAt: this.now(),
      attempts: 0,
      written: false,
      lastReason: null,
    });
    if (!this.running) void this.run();
  }

  /** Resolves when every job enqueued so far has settled. */
  whenIdle(): Promise<void> {
    if (this.jobs.length === 0 && !this.running) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Fails whatever is still waiting, so no ticket is left unaccounted for at shutdown. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.whenIdle();
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.jobs.length > 0) {
        const job = this.jobs[0]!;
        const outcome = await this.step(job);
        if (outcome) {
          this.jobs.shift();
          this.options.onSettled(outcome);
        }
      }
    } finally {
      this.running = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const w of waiters) w();
    }
  }

  /** One try at the head job: an outcome when it is settled, null to try again. */
  private async step(job: QueuedJob): Promise<JobOutcome | null> {
    const failed = (reason: string): JobOutcome => ({
      jobId: job.id,
      outcome: 'failed',
      attempts: job.attempts,
      reason,
    });
    if (this.stopped)
      return failed(job.lastReason ? `queue_stopped after ${job.lastReason}` : 'queue_stopped');
    if (this.now() - job.enqueuedAt > this.giveUpAfterMs)
      return failed(job.lastReason ?? this.lastProblem ?? 'timeout');

    const before = await this.options.link.queryStatus();
    if (!canPrint(before)) {
      job.lastReason = this.lastProblem = `printer_${before.state}`;
      await this.pause();
      return null;
    }

    const reprint = job.data.reprint || job.written;
    let bytes: Uint8Array;
    try {
      bytes = this.options.encode({ ...job.data, reprint });
    } catch (err) {
      // Bad ticket data will not get better by waiting.
      return failed(`encode_error: ${(err as Error).message}`);
    }

    job.attempts++;
    try {
      job.written = true;
      await this.options.link.write(bytes);
    } catch (err) {
      return this.attemptFailed(job, `transport_error: ${(err as Error).message}`);
    }

    // Paper running out or the cover opening during this ticket shows up now.
    const after = await this.options.link.queryStatus(bytes.length);
    if (!canPrint(after)) return this.attemptFailed(job, `printer_${after.state}`);
    this.lastProblem = null;
    return { jobId: job.id, outcome: 'printed', attempts: job.attempts, reprint };
  }

  private async attemptFailed(job: QueuedJob, reason: string): Promise<null> {
    job.lastReason = this.lastProblem = reason;
    this.options.onAttemptFailed?.({ jobId: job.id, attempt: job.attempts, reason });
    await this.pause();
    return null;
  }

  private pause(): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.pollIntervalMs);
      const self = this;
      function done(): void {
        clearTimeout(timer);
        if (self.wake === done) self.wake = null;
        resolve();
      }
      this.wake = done;
    });
  }
}
