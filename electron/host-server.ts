import { spawnServe } from '../server/cli/serve-process.ts';

export interface HostServer {
  url: string;
  /** The server process's id, for the log. */
  pid: number | undefined;
  /** Resolves when the server process ends, stopped or not, with its exit code or signal. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

/**
 * Starts the office server as a Node child process. It cannot run inside Electron:
 * better-sqlite3 is compiled for Node's ABI. `node` is the system Node (not
 * process.execPath, which in Electron is Electron itself).
 */
export async function startHostServer(options: {
  dataDir: string;
  port: number;
  host: string;
  node?: string;
  /**
   * `compiled`: the server `npm run build:server` wrote to dist/server (what an installed app
   * ships, without the TypeScript loader); `tsx`: the sources (a development checkout).
   */
  runtime?: 'compiled' | 'tsx';
  onStderr?: (text: string) => void;
}): Promise<HostServer> {
  const server = await spawnServe({ ...options, node: options.node ?? 'node' });
  const { child } = server;
  const exited = new Promise<string>((resolve) => {
    const describe = (): string =>
      child.signalCode ? `signal ${child.signalCode}` : `code ${child.exitCode}`;
    if (child.exitCode !== null || child.signalCode !== null) resolve(describe());
    else child.once('exit', () => resolve(describe()));
  });
  return { url: server.url, pid: child.pid, exited, stop: server.stop };
}
