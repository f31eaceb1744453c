import { spawnServe } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { LOAD_TEST_SERVE_ARGS } from '../helpers/load-rate.ts';

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
  try {
    const server = await spawnServe({
      dataDir: dir,
      env: { KHIU_ADMIN_PASSWORD: BENCH_ADMIN_PASSWORD },
      // The load generator is one address issuing thousands of tickets a second.
      args: LOAD_TEST_SERVE_ARGS,
      onStderr: (text) => {
        for (const line of text.split('\n')) {
          if (line.trim()) process.stderr.write(`[server ${label}] ${line}\n`);
        }
      },
    });
    return {
      url: server.url,
      pid: server.child.pid!,
      stop: async () => {
        await server.stop();
        cleanup();
      },
    };
  } catch (error) {
    cleanup();
    throw error;
  }
}
