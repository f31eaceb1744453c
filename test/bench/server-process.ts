import { spawn, type ChildProcess } from 'node:child_process';
import { SERVER_NODE_FLAGS } from '../../server/cli/node-flags.ts';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../helpers/temp-dir.ts';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';

export interface ServerUnderTest {
  url: string;
  /** The server's own node process (not a wrapper), so /proc/PID is the server. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `khiu serve` as a child process on a fresh data directory, so the load
 * generator never shares the server's event loop. Resolves at the listening line.
 */
export async function startServer(label: string): Promise<ServerUnderTest> {
  const { dir, cleanup } = makeTempDir('khiu-bench-');
  const child = spawn(
    process.execPath,
    [
      ...SERVER_NODE_FLAGS,
      'server/cli/main.ts',
      'serve',
      '--port',
      '0',
      '--host',
      '127.0.0.1',
      '--data',
      dir,
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, KHIU_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stderr!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim()) process.stderr.write(`[server ${label}] ${line}\n`);
    }
  });
  const stop = async (): Promise<void> => {
    await terminate(child);
    cleanup();
  };
  try {
    const url = await listeningUrl(child);
    return { url, pid: child.pid!, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listeningUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(new Error('server did not start in time')),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null) => fail(new Error(`server exited early (code ${code})`));
    function fail(error: Error) {
      clearTimeout(timer);
      child.off('exit', onExit);
      lines.close();
      reject(error);
    }
    child.once('exit', onExit);
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      const match = /^khiu listening on (http:\/\/\S+)$/.exec(line);
      if (match) resolve(match[1]!);
      else reject(new Error(`unexpected first line from the server: ${line}`));
      // Keep draining stdout so the child never blocks on a full pipe.
      lines.on('line', () => {});
    });
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
