import { spawnServe } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { LOAD_TEST_SERVE_ARGS } from '../helpers/load-rate.ts';
import { buildServer } from '../../scripts/build-server.mjs';

export const BENCH_ADMIN_PASSWORD = 'bench-admin-password-1';

/**
 * `compiled`: dist/server/cli/main.js with plain node and today's flags, what `npm start` and
 * `npm run khiu` run (built first when a source changed); `tsx`: the TypeScript sources through
 * tsx with the flags of that time, the way the server ran before it was compiled, kept as the
 * baseline of the memory and start figures.
 */
export type ServerRuntime = 'compiled' | 'tsx';

/** The V8 flags the server ran with through tsx, before --optimize-for-size. */
const TSX_HEAP_FLAGS = ['--max-semi-space-size=4'];

export interface ServerUnderTest {
  url: string;
  /** The server's own node process (not a wrapper), so /proc/PID is the server. */
  pid: number;
  stop(): Promise<void>;
}

export interface StartServerOptions {
  runtime?: ServerRuntime;
  /** An existing data directory, kept after stop; default: a fresh one, removed after stop. */
  dataDir?: string;
  /** More Node flags for the server process. */
  nodeArgs?: readonly string[];
}

/** Builds dist/server when a source is newer than the last build; once per bench run. */
let built: Promise<unknown> | undefined;
export function ensureCompiledServer(): Promise<unknown> {
  built ??= buildServer({ ifStale: true });
  return built;
}

/**
 * Starts `khiu serve` as a child process on a fresh data directory, so the load
 * generator never shares the server's event loop. Resolves at the listening line.
 */
export async function startServer(
  label: string,
  options: StartServerOptions = {},
): Promise<ServerUnderTest> {
  const runtime = options.runtime ?? 'compiled';
  if (runtime === 'compiled') await ensureCompiledServer();
  const temp = options.dataDir === undefined ? makeTempDir('khiu-bench-') : undefined;
  const cleanup = temp?.cleanup ?? (() => {});
  try {
    const server = await spawnServe({
      dataDir: options.dataDir ?? temp!.dir,
      runtime,
      ...(runtime === 'tsx' ? { heapFlags: TSX_HEAP_FLAGS } : {}),
      ...(options.nodeArgs ? { nodeArgs: options.nodeArgs } : {}),
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
