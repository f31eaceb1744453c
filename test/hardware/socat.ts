import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A pair of linked pseudo-terminals from socat: what one end writes, the other reads. */
export interface PtyPair {
  a: string;
  b: string;
  /** Kills socat: both ends vanish, as when a USB-serial adapter is pulled. */
  kill(): Promise<void>;
  /** Starts socat again on the same paths: the adapter is plugged back in. */
  restart(): Promise<void>;
}

const live = new Set<ChildProcess>();

async function waitFor(check: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > 5000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function ptyPair(): Promise<PtyPair> {
  const dir = mkdtempSync(join(tmpdir(), 'khiu-pty-'));
  const a = join(dir, 'a');
  const b = join(dir, 'b');
  let proc: ChildProcess | null = null;
  const start = async (): Promise<void> => {
    proc = spawn('socat', [`pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
      stdio: 'ignore',
    });
    live.add(proc);
    await waitFor(() => existsSync(a) && existsSync(b), `socat to create ${a} and ${b}`);
  };
  const kill = async (): Promise<void> => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null) return;
    const exited = new Promise((r) => p.once('exit', r));
    p.kill('SIGTERM');
    await exited;
    live.delete(p);
    await waitFor(() => !existsSync(a) && !existsSync(b), 'socat to remove its links');
  };
  await start();
  return { a, b, kill, restart: start };
}

/** Kills every socat this test file started (for afterAll). */
export async function killAllSocat(): Promise<void> {
  for (const p of live) {
    if (p.exitCode === null) {
      const exited = new Promise((r) => p.once('exit', r));
      p.kill('SIGTERM');
      await exited;
    }
  }
  live.clear();
}
