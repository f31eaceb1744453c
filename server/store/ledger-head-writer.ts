import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Db } from './database.ts';
import { formatLedgerHead, readLedgerHead, type LedgerHead } from './ledger-head.ts';

export interface LedgerHeadWriterOptions {
  /** How often the head is looked at; the file is at most about this far behind a commit. */
  intervalMs?: number;
  log?: (line: string) => void;
}

export interface LedgerHeadWriter {
  /** What the file holds now (null before the first write to a new office). */
  readonly written: LedgerHead | null;
  /** Writes the final head and stops; call before the database closes. */
  stop(): Promise<void>;
}

/**
 * Keeps `ledger.head` (ledger-head.ts) up with the ledger, off the request path: a timer
 * looks at the head and, when it moved, writes the file through a temporary file and a rename,
 * so the file is always a whole head, old or new.
 *
 * The file must never be ahead of what the database holds on disk, or a power cut would leave
 * a "cut tail" that nobody cut: with `synchronous = NORMAL` a commit is durable only once the
 * WAL is synced, so the WAL (and the database, for what a checkpoint already moved there) is
 * synced before the file is written.
 *
 * A write that fails (a full disk, a file in the way) is logged once and retried on the next
 * tick; it never throws into the server. A ledger that got shorter, or whose entry at the
 * written seq changed, while the server ran is logged and the file is left as it was: it is
 * the evidence `verify` needs.
 */
export function startLedgerHeadWriter(
  db: Db,
  file: string,
  options: LedgerHeadWriterOptions = {},
): LedgerHeadWriter {
  const intervalMs = options.intervalMs ?? 250;
  const log = options.log ?? (() => {});
  const headNow = db.prepare('SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1');
  const hashAt = db.prepare('SELECT hash FROM ledger WHERE seq = ?').pluck();
  let written = readLedgerHead(file);
  let failing = false;
  let diverged = false;
  let stopped = false;
  let pass: Promise<void> = Promise.resolve();

  const writeIfMoved = async (): Promise<void> => {
    if (!db.open) return;
    const head = headNow.get() as LedgerHead | undefined;
    if (!head || (written && head.seq === written.seq && head.hash === written.hash)) return;
    if (written && hashAt.get(written.seq) !== written.hash) {
      if (!diverged)
        log(
          `ledger.head: the ledger no longer holds entry ${written.seq} as recorded (it now ends at entry ${head.seq}); ledger.head is kept as it is: run khiu verify`,
        );
      diverged = true;
      return;
    }
    try {
      await syncDatabase(db.name);
      await replaceFile(file, formatLedgerHead(head));
      written = head;
      if (failing) log(`ledger.head: written again (entry ${head.seq})`);
      failing = false;
    } catch (error) {
      if (!failing)
        log(
          `ledger.head: cannot write ${file} (${(error as Error).message}); retrying every ${intervalMs} ms`,
        );
      failing = true;
    }
  };

  // One pass at a time: a slow disk must not stack writes of the same file.
  const tick = (): Promise<void> => (pass = pass.then(writeIfMoved));
  const timer = setInterval(() => void tick(), intervalMs);
  timer.unref();

  return {
    get written() {
      return written;
    },
    async stop() {
      if (stopped) return pass;
      stopped = true;
      clearInterval(timer);
      await tick();
    },
  };
}

/** Syncs the WAL and the database file, so everything committed so far survives a power cut. */
async function syncDatabase(databaseFile: string): Promise<void> {
  for (const path of [`${databaseFile}-wal`, databaseFile]) {
    let handle;
    try {
      handle = await open(path, 'r');
    } catch (error) {
      // No WAL: the last checkpoint moved everything into the database and removed it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    try {
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }
}

/** Writes `text` to `file` whole or not at all: a synced temporary file renamed over it. */
async function replaceFile(file: string, text: string): Promise<void> {
  const draft = `${file}.tmp`;
  try {
    const handle = await open(draft, 'w', 0o644);
    try {
      await handle.writeFile(text);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    await rename(draft, file);
  } catch (error) {
    await rm(draft, { force: true }).catch(() => {});
    throw error;
  }
  await syncDirectory(dirname(file));
}

/** The rename itself survives a power cut only once the directory is synced (not on Windows). */
async function syncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
