import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { startServer } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, serviceRotation } from './office-api.ts';
import { runClosedLoop } from './closed-loop.ts';
import { residentMb } from './process-memory.ts';

const TICKETS = 100_000;
const CONNECTIONS = 32;
const TIME_LIMIT_MS = 180_000;
const PROGRESS_EVERY = 10_000;

/**
 * server_rss_mb: the server process's resident memory after 100,000 tickets over
 * HTTP; the baseline is the same process's RSS right after it started.
 */
export async function measureServerMemory(): Promise<Figure> {
  const server = await startServer('server-memory');
  const client = new HttpClient(server.url, CONNECTIONS);
  try {
    const atStart = residentMb(server.pid);
    note(`server RSS right after start: ${atStart.toFixed(1)} MiB`);
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
      `issued ${result.completed} tickets (${result.errors} errors) in ${(result.elapsedMs / 1000).toFixed(1)} s = ${result.perSecond.toFixed(0)}/s with ${CONNECTIONS} connections; RSS ${after.toFixed(1)} MiB`,
    );
    if (result.completed < TICKETS) {
      note(
        `WARNING: only ${result.completed} of ${TICKETS} tickets within ${TIME_LIMIT_MS / 1000} s`,
      );
    }
    if (result.firstError) note(`first error: ${result.firstError}`);
    return { name: 'server_rss_mb', value: after, unit: 'MiB', baseline: atStart };
  } finally {
    client.close();
    await server.stop();
  }
}
