import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

export interface CheckpointerOptions {
  intervalMs?: number;
  /** First restart delay after the worker fails; doubles up to `maxRetryMs`. */
  retryMs?: number;
  maxRetryMs?: number;
  log?: (line: string) => void;
  /** Called with false when the worker stops checkpointing and true when it is back. */
  onRunning?: (running: boolean) => void;
}

export interface Checkpointer {
  /** Whether a worker is open on the database and checkpointing now. */
  readonly running: boolean;
  /** Stops the worker (or the pending restart); resolves even if the worker already died. */
  stop(): Promise<void>;
}

/**
 * Moves SQLite's WAL checkpoints off the request path. By default the commit
 * that pushes the WAL past 1,000 pages copies it into the database itself, which
 * made every ~110th ticket take 5-13 ms instead of 0.2 ms. A worker thread with
 * its own connection checkpoints PASSIVE-ly (never blocking the writer) every
 * `intervalMs`.
 *
 * It is only an optimisation, so it must never take the server down: a worker
 * that cannot open the database, loses its file, or throws is reported in one log
 * line, the writer falls back to its own auto-checkpoint (`onRunning(false)`), and
 * the worker is restarted with backoff.
 */
export function startCheckpointer(file: string, options: CheckpointerOptions = {}): Checkpointer {
  const intervalMs = options.intervalMs ?? 500;
  const firstRetryMs = options.retryMs ?? 1000;
  const maxRetryMs = options.maxRetryMs ?? 60_000;
  const log = options.log ?? (() => {});
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');

  let worker: Worker | undefined;
  let restart: NodeJS.Timeout | undefined;
  let retryMs = firstRetryMs;
  let running = false;
  let stopped = false;
  let failure: string | undefined;

  const setRunning = (value: boolean) => {
    if (running === value) return;
    running = value;
    options.onRunning?.(value);
  };

  const spawn = () => {
    restart = undefined;
    failure = undefined;
    const current = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file, driver, intervalMs },
    });
    worker = current;
    // Never keeps a server process alive on its own; stop() refs it while it waits.
    current.unref();
    current.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        retryMs = firstRetryMs;
        setRunning(true);
      } else failure = message.message;
    });
    current.on('error', (error) => {
      failure = error.message;
    });
    current.on('exit', () => {
      worker = undefined;
      if (stopped) return;
      const wasRunning = running;
      setRunning(false);
      // One line per outage: a retry that fails the same way stays quiet.
      if (wasRunning || retryMs === firstRetryMs)
        log(
          `checkpointer stopped (${failure ?? 'worker exited'}); the writer checkpoints by itself; retrying in ${Math.round(retryMs / 1000)} s with backoff`,
        );
      restart = setTimeout(spawn, retryMs);
      restart.unref();
      retryMs = Math.min(retryMs * 2, maxRetryMs);
    });
  };
  spawn();

  return {
    get running() {
      return running;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (restart) clearTimeout(restart);
      const current = worker;
      if (!current) return;
      const exited = new Promise<void>((resolve) => current.once('exit', () => resolve()));
      current.ref();
      current.postMessage('stop');
      await exited;
    },
  };
}

type WorkerMessage = { type: 'ready' } | { type: 'failed'; message: string };

/**
 * Plain CommonJS: an eval'd worker has no TypeScript loader. Every failure is
 * posted to the parent and ends the worker normally, never as an uncaught error.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { existsSync } = require('node:fs');
let db;
let timer;
function fail(error) {
  clearInterval(timer);
  try { if (db) db.close(); } catch {}
  parentPort.postMessage({ type: 'failed', message: String(error && error.message || error) });
  parentPort.close();
}
try {
  const Database = require(workerData.driver);
  // fileMustExist: a worker must never create an empty database where the office's went missing.
  db = new Database(workerData.file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  parentPort.postMessage({ type: 'ready' });
} catch (error) {
  fail(error);
}
if (db) {
  timer = setInterval(() => {
    // Checkpointing into a file that was deleted under us only hides the loss.
    if (!existsSync(workerData.file)) return fail('the database file is gone');
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // A busy pass is retried next interval; the writer's safety net covers a long outage.
    }
  }, workerData.intervalMs);
  parentPort.on('message', (message) => {
    if (message !== 'stop') return;
    clearInterval(timer);
    db.close();
    parentPort.close();
  });
}
`;
