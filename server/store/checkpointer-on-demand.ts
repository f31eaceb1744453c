import { statSync } from 'node:fs';
import { startCheckpointer, type Checkpointer, type CheckpointerOptions } from './checkpointer.ts';

export interface CheckpointDemandOptions {
  /** How often the WAL file is looked at (a stat); also the worker's checkpoint interval. */
  pollMs?: number;
  /** The worker starts once the WAL was written in this many looks in a row. */
  busyPolls?: number;
  /** It stops after the WAL was not written for this long. */
  idleMs?: number;
}

/** What the server runs with: 2 s of steady writing starts the worker, 30 s without stops it. */
export const DEFAULT_CHECKPOINT_DEMAND: Required<CheckpointDemandOptions> = {
  pollMs: 500,
  busyPolls: 4,
  idleMs: 30_000,
};

/**
 * The checkpoint worker (checkpointer.ts) only while the database is written steadily. The
 * worker is a second V8 isolate with its own SQLite connection, about 13 MiB of RSS: an
 * office's server spends most hours (nights, lunch, a quiet morning) with nothing to
 * checkpoint, and at an office's pace (a few commits a minute) the writer's own
 * auto-checkpoint, 5-13 ms each time the WAL passes ~1,000 pages, comes minutes apart. The
 * worker earns its memory under steady load, where those pauses would land on every ~110th
 * request.
 *
 * Whether the database is being written is read from the WAL file's modification time, so
 * every writer counts (commands, sessions, pruning) without the store reporting to this.
 * `onRunning` is called as the worker starts and stops (or fails), so the caller can hand
 * auto-checkpoints back to the writer.
 */
export function startCheckpointerOnDemand(
  file: string,
  options: CheckpointerOptions & CheckpointDemandOptions = {},
): Checkpointer {
  const pollMs = options.pollMs ?? DEFAULT_CHECKPOINT_DEMAND.pollMs;
  const busyPolls = options.busyPolls ?? DEFAULT_CHECKPOINT_DEMAND.busyPolls;
  const idleMs = options.idleMs ?? DEFAULT_CHECKPOINT_DEMAND.idleMs;
  const wal = `${file}-wal`;
  let lastMtime = walMtime(wal);
  let busyStreak = 0;
  let lastWriteAt = performance.now();
  let worker: Checkpointer | undefined;
  let stopping: Promise<void> | undefined;

  const look = () => {
    const mtime = walMtime(wal);
    const written = mtime !== lastMtime;
    lastMtime = mtime;
    const now = performance.now();
    if (written) {
      lastWriteAt = now;
      busyStreak += 1;
    } else busyStreak = 0;
    if (!worker && !stopping && busyStreak >= busyPolls) {
      const started: Checkpointer = startCheckpointer(file, {
        ...options,
        intervalMs: pollMs,
        // A worker being stopped may still say it is ready: only the current one speaks.
        onRunning: (running) => {
          if (worker === started) options.onRunning?.(running);
        },
      });
      worker = started;
    } else if (worker && now - lastWriteAt >= idleMs) {
      const idle = worker;
      worker = undefined;
      // Reported at once: the writer takes the checkpoints back from here on.
      if (idle.running) options.onRunning?.(false);
      stopping = idle.stop().finally(() => (stopping = undefined));
    }
  };
  const timer = setInterval(look, pollMs);
  timer.unref();

  return {
    get running() {
      return worker?.running ?? false;
    },
    async stop() {
      clearInterval(timer);
      const current = worker;
      worker = undefined;
      await Promise.all([current?.stop(), stopping]);
    },
  };
}

/** The WAL's modification time in ns, or null while there is none (or no directory). */
function walMtime(wal: string): bigint | null {
  try {
    return statSync(wal, { bigint: true }).mtimeNs;
  } catch {
    return null;
  }
}
