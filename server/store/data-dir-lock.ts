import { linkSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One writer per data directory (DESIGN.md: one writer). Two servers on one `khiu.db` each keep
 * their own caches and publish only their own events, so screens miss changes and a cached
 * setting goes stale; SQLite's own locking keeps the file consistent but not the office.
 *
 * The lock is a file `khiu.lock` holding the owner's pid and machine name and, on Linux, the
 * boot and the process's start time. It is removed on close. A lock left by a process that is gone (killed,
 * crashed, power cut) is taken over: the owner counts as running only if `process.kill(pid, 0)`
 * finds it and, where /proc tells us, it is the same process on the same boot (after a reboot
 * the recorded pid usually belongs to some other program).
 *
 * Read-only commands (verify, backup) do not take it: they never write and SQLite lets them
 * read beside the server.
 */
export const LOCK_FILE = 'khiu.lock';

export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    /** Set when the lock was taken on another machine (a shared network folder). */
    readonly host?: string,
  ) {
    super(
      host
        ? `${dataDir} is already served by another Khiu server (pid ${pid} on ${host}); stop it first, or remove ${LOCK_FILE} if that machine's server is gone`
        : `${dataDir} is already served by another Khiu server (pid ${pid}); stop it first, or give this one another --data`,
    );
    this.name = 'DataDirLocked';
  }
}

export interface DataDirLock {
  readonly file: string;
  /** Removes the lock file if it is still ours; safe to call twice. */
  release(): void;
}

interface Owner {
  pid: number;
  host?: string;
  boot?: string;
  start?: string;
}

/** Lock files this process holds: a second server in the same process is refused as well. */
const held = new Set<string>();

/**
 * Takes the lock on `dataDir` (which must exist) or throws DataDirLocked naming the owner's pid.
 * Other errors (a read-only or full disk) are thrown as they are, for the caller to explain.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const file = join(dataDir, LOCK_FILE);
  const { pid, boot, start } = describe(process.pid);
  const mine: Owner = { pid, host: hostname(), boot, start };
  // Two rounds: the second follows taking over a stale lock.
  for (let round = 0; round < 2; round += 1) {
    if (tryCreate(file, mine)) {
      held.add(file);
      return {
        file,
        release() {
          if (!held.delete(file)) return;
          // Never remove a lock someone else took after ours was (wrongly) judged stale.
          if (readOwner(file)?.owner?.pid === process.pid) unlinkSync(file);
        },
      };
    }
    const found = readOwner(file);
    if (found?.owner && isRunning(found.owner, file))
      throw new DataDirLocked(dataDir, found.owner.pid, elsewhere(found.owner));
    if (found) removeStale(file, found.text);
  }
  const owner = readOwner(file)?.owner;
  throw new DataDirLocked(dataDir, owner?.pid ?? 0, owner && elsewhere(owner));
}

/**
 * Removes the lock judged stale, and only that one: it is renamed aside (atomic) and compared
 * with what was judged. If another server took the stale lock over between our reading and our
 * rename, the file aside is that server's live lock, and it is put back.
 */
function removeStale(file: string, judged: string): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  try {
    if (readFileSync(aside, 'utf8') !== judged) linkSync(aside, file);
  } catch (error) {
    // No hard links here: put it back by name (only a third server starting at this very
    // moment could be in between).
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    renameSync(aside, file);
    return;
  } finally {
    rmSync(aside, { force: true });
  }
}

/**
 * Creates `file` with its whole content or not at all: written under this process's own name
 * first, then hard-linked into place, which fails if the name exists (as the `wx` flag does).
 * A `wx` create then a write could leave an empty lock (a kill, a full disk) for another server
 * to misjudge; it is used only where the file system has no hard links (FAT, exFAT).
 */
function tryCreate(file: string, owner: Owner): boolean {
  const draft = `${file}.${process.pid}`;
  try {
    // Plain 'w': a draft with our pid can only be left over from a dead process.
    writeFileSync(draft, format(owner));
    try {
      linkSync(draft, file);
    } catch (error) {
      if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
      writeFileSync(file, format(owner), { flag: 'wx' });
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(draft, { force: true });
  }
}

/** What link(2) answers on a file system without hard links. */
export const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);

function format(owner: Owner): string {
  return (
    `pid ${owner.pid}\n` +
    (owner.host ? `host ${owner.host}\n` : '') +
    (owner.boot ? `boot ${owner.boot}\n` : '') +
    (owner.start ? `start ${owner.start}\n` : '')
  );
}

/** The lock's text and, if it names a pid, its owner; undefined when there is no lock. */
function readOwner(file: string): { text: string; owner?: Owner } | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const fields = new Map(
    text
      .split('\n')
      .map((line) => line.split(' ', 2) as [string, string | undefined])
      .filter((pair): pair is [string, string] => pair[1] !== undefined),
  );
  const pid = Number(fields.get('pid'));
  // Not our format: nothing we wrote, so nothing running holds it.
  if (!Number.isInteger(pid) || pid <= 0) return { text };
  return {
    text,
    owner: { pid, host: fields.get('host'), boot: fields.get('boot'), start: fields.get('start') },
  };
}

/** The other machine's name, when the lock was taken on another machine. */
function elsewhere(owner: Owner): string | undefined {
  return owner.host && owner.host !== hostname() ? owner.host : undefined;
}

function isRunning(owner: Owner, file: string): boolean {
  // A server on another machine (the data on a shared folder) cannot be asked from here:
  // counted as running, and the message says how to clear it if it is not.
  if (elsewhere(owner)) return true;
  if (owner.pid === process.pid) return held.has(file);
  try {
    // Signal 0 delivers nothing; it only asks whether the process exists.
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user (another account's server).
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = describe(owner.pid);
  if (owner.boot && now.boot && owner.boot !== now.boot) return false;
  if (owner.start && now.start && owner.start !== now.start) return false;
  // A killed server whose parent has not reaped it yet still answers signal 0.
  if (now.state === 'Z' || now.state === 'X') return false;
  return true;
}

/** The pid, and on Linux the boot id, the process's start time (clock ticks since boot) and state. */
function describe(pid: number): Owner & { state?: string } {
  const stat = readProc(`/proc/${pid}/stat`);
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ')'
  // start at field 3 (the state), so starttime (field 22) is the 20th of them.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    pid,
    boot: readProc('/proc/sys/kernel/random/boot_id'),
    start: fields?.[19],
    state: fields?.[0],
  };
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim();
  } catch {
    // Not Linux (Windows or macOS office PCs): the pid check alone decides.
    return undefined;
  }
}
