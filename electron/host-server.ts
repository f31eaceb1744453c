import { spawnServe } from '../server/cli/serve-process.ts';

export interface HostServer {
  url: string;
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
}): Promise<HostServer> {
  const server = await spawnServe({ ...options, node: options.node ?? 'node' });
  return { url: server.url, stop: server.stop };
}
