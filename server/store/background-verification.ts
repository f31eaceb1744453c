import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LedgerVerification } from '../contract/contract.ts';
import { COMPILED } from '../package-layout.ts';

/** One whole-chain check and the office time its snapshot was taken at. */
export interface CompletedVerification {
  verification: LedgerVerification;
  checkedMs: number;
}

export interface BackgroundVerificationOptions {
  /** A new check starts at most this often, and only when someone asks. */
  everyMs: number;
  /** The office clock, for the time the result is shown with. */
  now: () => number;
  /** A clock that never stands still or jumps, for the interval. */
  monotonic?: () => number;
}

/**
 * Runs `verifyLedger` (what `khiu verify` and GET /api/ledger/verify check) on a worker thread
 * with a read-only connection of its own, at most once per `everyMs`, and keeps the last
 * answer. The check is linear in the ledger (about 1 s per 50,000 entries here): on the
 * request thread a public page would stall the queue, and per request it would let anyone
 * load the server.
 */
export class BackgroundVerification {
  private last: CompletedVerification | null = null;
  private lastFailure: string | null = null;
  private running: Promise<void> | null = null;
  private startedAt = -Infinity;
  private readonly monotonic: () => number;

  constructor(
    private readonly file: string,
    private readonly options: BackgroundVerificationOptions,
  ) {
    this.monotonic = options.monotonic ?? (() => performance.now());
  }

  /**
   * The last completed check, starting a new one when the last started `everyMs` ago or more.
   * Before the first check has ever finished, waits up to `firstWaitMs` for it.
   */
  async latest(firstWaitMs: number): Promise<CompletedVerification | null> {
    this.startIfDue();
    if (this.last === null && this.running !== null && firstWaitMs > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        this.running,
        new Promise<void>((resolve) => (timer = setTimeout(resolve, firstWaitMs))),
      ]);
      clearTimeout(timer);
    }
    return this.last;
  }

  /** Why the last check could not run (not whether the ledger held); null when it ran. */
  get failure(): string | null {
    return this.lastFailure;
  }

  private startIfDue(): void {
    if (this.running !== null) return;
    if (this.monotonic() - this.startedAt < this.options.everyMs) return;
    this.startedAt = this.monotonic();
    const checkedMs = this.options.now();
    this.running = runVerification(this.file)
      .then(
        (verification) => {
          this.last = { verification, checkedMs };
          this.lastFailure = null;
        },
        (error: Error) => {
          this.lastFailure = error.message;
        },
      )
      .finally(() => {
        this.running = null;
      });
  }
}

/** One check on a worker thread; rejects when the worker cannot run it. */
function runVerification(file: string): Promise<LedgerVerification> {
  const require = createRequire(import.meta.url);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        // Compiled (dist/), the verifier is JavaScript beside this file; from the sources, tsx
        // (a development dependency) loads its TypeScript.
        tsx: COMPILED ? null : tsxApiUrl(require),
        module: new URL(`./ledger-verification.${COMPILED ? 'js' : 'ts'}`, import.meta.url).href,
        parent: import.meta.url,
      },
    });
    // Never keeps a server process alive on its own.
    worker.unref();
    let settled = false;
    worker.on('message', (message: WorkerMessage) => {
      settled = true;
      if (message.type === 'done') resolve(message.result);
      else reject(new Error(message.message));
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the verification worker exited with code ${code}`));
    });
  });
}

/** tsx's ESM API as a file URL: its CommonJS build cannot load itself from an eval'd worker. */
function tsxApiUrl(require: NodeJS.Require): string {
  const manifest = require.resolve('tsx/package.json');
  const exports = (
    require(manifest) as { exports: Record<string, { import?: { default: string } }> }
  ).exports;
  const entry = exports['./esm/api']?.import?.default;
  if (!entry) throw new Error('tsx has no ESM API (tsx/esm/api) to load the verification with');
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

type WorkerMessage =
  { type: 'done'; result: LedgerVerification } | { type: 'failed'; message: string };

/**
 * Plain CommonJS: an eval'd worker has no TypeScript loader of its own, so from the sources it
 * loads the verification module through tsx's API, and compiled with a plain import. Read-only and fileMustExist: it never creates or
 * changes anything, like `khiu verify` beside the running server.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { verifyLedger } = workerData.tsx
    ? await (await import(workerData.tsx)).tsImport(workerData.module, workerData.parent)
    : await import(workerData.module);
  const Database = require(workerData.driver);
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    parentPort.postMessage({ type: 'done', result: verifyLedger(db) });
  } finally {
    db.close();
  }
})().catch((error) => {
  parentPort.postMessage({ type: 'failed', message: String((error && error.message) || error) });
});
`;
