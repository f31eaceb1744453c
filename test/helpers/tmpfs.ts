import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CleanupStack } from './cleanup-stack.ts';

/**
 * A real tmpfs of `size` (as mount's -o size= takes it: 4m, 512k), mounted on a fresh directory
 * under the OS temp dir, for the tests of a full or read-only disk (they run as root, here and
 * in .ci/run). Unmounting and removing the mount point is pushed on `cleanups` before this
 * returns, so it happens even when the test fails; push the server after this, so it is
 * stopped first.
 */
export function mountTmpfs(size: string, cleanups: CleanupStack): { dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'khiu-tmpfs-'));
  cleanups.push(() => rmdirSync(dir));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0755`, 'tmpfs', dir]);
  cleanups.push(() => unmount(dir));
  return { dir };
}

/** Makes the tmpfs (or bind mount) at `dir` read-only, as a failing disk or a careless fstab does. */
export function remountReadOnly(dir: string, bind = false): void {
  execFileSync('mount', ['-o', bind ? 'remount,ro,bind' : 'remount,ro', dir]);
}

/**
 * Mounts `path` (a file or directory) over itself; pushes its unmounting on `cleanups`.
 * Remounted read-only, it is one read-only file in a writable directory.
 */
export function bindMount(path: string, cleanups: CleanupStack): void {
  execFileSync('mount', ['--bind', path, path]);
  cleanups.push(() => unmount(path));
}

function unmount(dir: string): void {
  try {
    execFileSync('umount', [dir]);
  } catch {
    // Still busy (a process the test could not stop): detach it now, so nothing stays mounted.
    execFileSync('umount', ['-l', dir]);
  }
}
