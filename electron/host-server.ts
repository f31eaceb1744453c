import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SERVER_NODE_FLAGS } from '../server/cli/node-flags.ts';

const REPO_ROOT = fileURLToPath(new URL('../', import.meta.url));

export interface HostServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the office server as a Node child process. It cannot run inside Electron:
 * better-sqlite3 is compiled for Node's ABI. `node` is the system Node (not
 * process.execPath, which in Electron is Electron itself).
 */
export function startHostServer(options: {
  dataDir: string;
  port: number;
  host: string;
  node?: string;
}): Promise<HostServer> {
  const child = spawn(
    options.node ?? 'node',
    [
      ...SERVER_NODE_FLAGS,
      'server/cli/main.ts',
      'serve',
      '--port',
      String(options.port),
      '--host',
      options.host,
      '--data',
      options.dataDir,
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onExit = (code: number | null) =>
      reject(new Error(`office server exited (${code}) before it was ready`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const match = /khiu listening on (http:\/\/\S+)\n/.exec(buffered);
      if (!match) return;
      child.off('exit', onExit);
      resolve({ url: match[1]!, stop: () => stop(child) });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
