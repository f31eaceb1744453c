import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { startServer, type ServerRuntime } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, serviceRotation } from './office-api.ts';
import { runClosedLoop } from './closed-loop.ts';
import { residentMb } from './process-memory.ts';

const TICKETS = 100_000;
const CONNECTIONS = 32;
const TIME_LIMIT_MS = 180_000;
const PROGRESS_EVERY = 10_000;
/** Long enough for start-up garbage to be collected and the first checkpoint to run. */
const IDLE_SETTLE_MS = 5_000;

/**
 * server_rss_idle_mb: the compiled server's resident memory a few seconds after it started
 * on a fresh data directory, with nobody connected; the baseline is the same for the
 * TypeScript sources through tsx, started the same way in the same run.
 */
export async function measureIdleServerMemory(): Promise<Figure> {
  const idle = async (runtime: ServerRuntime): Promise<number> => {
    const server = await startServer(`idle-${runtime}`, { runtime });
    try {
      await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
      const rss = residentMb(server.pid);
      note(`${runtime} server RSS idle: ${rss.toFixed(1)} MiB`);
      return rss;
    } finally {
      await server.stop();
    }
  };
  const baseline = await idle('tsx');
  const value = await idle('compiled');
  return { name: 'server_rss_idle_mb', value, unit: 'MiB', baseline };
}

/**
 * server_rss_mb: the compiled server's resident memory after 100,000 tickets over HTTP; the
 * baseline is the same load on the TypeScript sources through tsx in the same run.
 */
export async function measureServerMemory(): Promise<Figure> {
  const baseline = await rssAfterLoad('tsx');
  const value = await rssAfterLoad('compiled');
  return { name: 'server_rss_mb', value, unit: 'MiB', baseline };
}

async function rssAfterLoad(runtime: ServerRuntime): Promise<number> {
  const server = await startServer(`server-memory-${runtime}`, { runtime });
  const client = new HttpClient(server.url, CONNECTIONS);
  try {
    note(`${runtime} server RSS right after start: ${residentMb(server.pid).toFixed(1)} MiB`);
    const nextService = serviceRotation(await activeServiceIds(client));
    let reported = 0;
    let lastAt = 0;
    const result = await runClosedLoop({
      concurrency: CONNECTIONS,
      durationMs: TIME_LIMIT_MS,
      maxOperations: TICKETS,
      operation: async () =>
        (await client.send('POST', '/api/tickets', { serviceId: nextService() })).status === 201,
      onProgress: (completed, elapsedMs) => {
        if (completed - reported < PROGRESS_EVERY) return;
        const rate = ((completed - reported) * 1000) / (elapsedMs - lastAt);
        note(
          `  ${completed} tickets after ${(elapsedMs / 1000).toFixed(1)} s (last ${PROGRESS_EVERY}: ${rate.toFixed(0)}/s), RSS ${residentMb(server.pid).toFixed(1)} MiB`,
        );
        reported = completed;
        lastAt = elapsedMs;
      },
    });
    const after = residentMb(server.pid);
    note(
      `${runtime}: issued ${result.completed} tickets (${result.errors} errors) in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.perSecond.toFixed(0)}/s with ${CONNECTIONS} connections; RSS ${after.toFixed(1)} MiB`,
    );
    if (result.completed < TICKETS) {
      note(
        `WARNING: only ${result.completed} of ${TICKETS} tickets within ${TIME_LIMIT_MS / 1000} s`,
      );
    }
    if (result.firstError) note(`first error: ${result.firstError}`);
    return after;
  } finally {
    client.close();
    await server.stop();
  }
}
