import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { ensureCompiledServer, startServer, type ServerRuntime } from './server-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { percentile } from './percentile.ts';
import { SERVER_HEAP_FLAGS } from '../../server/cli/node-flags.ts';
import { COMPILED_CLI, PACKAGE_ROOT } from '../../server/package-layout.ts';

/** 50 weeks of 400 tickets a weekday: 100,000 tickets with their ledger entries. */
const WEEKS = '50';
const PER_DAY = '400';
/** Starts of each runtime, alternating, so a busy moment on the machine hits both. */
const ROUNDS = 5;

/**
 * serve_start_ms: from spawning the compiled `khiu serve` to its "khiu listening" line, on a
 * data directory with 100,000 tickets (seed-demo: real commands, a full ledger), the median
 * of five starts; the baseline is the same for the TypeScript sources through tsx.
 */
export async function measureServeStart(): Promise<Figure> {
  await ensureCompiledServer();
  const { dir, cleanup } = makeTempDir('khiu-bench-start-');
  try {
    const seeded = performance.now();
    await seedDemo(dir);
    note(`seeded 100,000 tickets in ${((performance.now() - seeded) / 1000).toFixed(1)} s`);
    const times: Record<ServerRuntime, number[]> = { compiled: [], tsx: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const runtime of ['tsx', 'compiled'] as const) {
        const begin = performance.now();
        const server = await startServer(`start-${runtime}`, { runtime, dataDir: dir });
        times[runtime].push(performance.now() - begin);
        await server.stop();
      }
    }
    for (const runtime of ['tsx', 'compiled'] as const)
      note(`${runtime} starts: ${times[runtime].map((ms) => ms.toFixed(0)).join(', ')} ms`);
    return {
      name: 'serve_start_ms',
      value: percentile(times.compiled, 50),
      unit: 'ms',
      baseline: percentile(times.tsx, 50),
    };
  } finally {
    cleanup();
  }
}

function seedDemo(dataDir: string): Promise<void> {
  const args = ['seed-demo', '--data', dataDir, '--weeks', WEEKS, '--per-day', PER_DAY];
  const child = spawn(process.execPath, [...SERVER_HEAP_FLAGS, COMPILED_CLI, ...args], {
    cwd: PACKAGE_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed-demo exited with ${code}: ${stderr}`)),
    );
  });
}
