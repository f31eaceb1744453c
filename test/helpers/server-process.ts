import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../../server/cli/node-flags.ts';
import { spawnServe, type ServeProcess } from '../../server/cli/serve-process.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run khiu -- <args>`'s entry point directly with node, so a signal reaches the server itself. */
export function runKhiu(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, [...SERVER_NODE_FLAGS, 'server/cli/main.ts', ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts `serve --port 0 [args]` on `dataDir` and resolves once it prints its one listening line. */
export function startServerProcess(
  dataDir: string,
  env: Record<string, string> = {},
  args: readonly string[] = [],
): Promise<ServeProcess> {
  return spawnServe({ dataDir, env, args, onStderr: () => {} });
}

export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

/** Runs a CLI command to completion. */
export async function runKhiuToEnd(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = runKhiu(args);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const code = await exited(child);
  return { code, stdout, stderr };
}
