import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { startServer } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, serviceRotation } from './office-api.ts';
import { runOpenLoop, type OpenLoopResult } from './open-loop.ts';
import { runClosedLoop } from './closed-loop.ts';
import { SqliteInsertBaseline } from './sqlite-insert-baseline.ts';
import { interleave } from './interleave.ts';
import { describe, percentile } from './percentile.ts';

const RATE_PER_S = 200;
/** 5 windows of 2 s each way: 10 s at 200/s over HTTP, 10 s of bare inserts. */
const ROUNDS = 5;
const WINDOW_MS = 2_000;
const CONNECTIONS = 64;
const WARMUP_TICKETS = 500;

const merge = (results: OpenLoopResult[]) => ({
  latencies: results.flatMap((r) => r.latencies),
  errors: results.reduce((sum, r) => sum + r.errors, 0),
  firstError: results.find((r) => r.firstError)?.firstError,
});

/**
 * issue_p99_ms: POST /api/tickets on an open-loop timetable of 200/s, against a
 * bare SQLite insert on the same timetable; both measured from scheduled time.
 */
export async function measureIssueLatency(): Promise<Figure> {
  const server = await startServer('issue-latency');
  const client = new HttpClient(server.url, CONNECTIONS);
  const sqlite = SqliteInsertBaseline.open();
  try {
    const nextService = serviceRotation(await activeServiceIds(client));
    const issue = async () => {
      await client.expect(201, 'POST', '/api/tickets', { serviceId: nextService() });
    };
    // Let the server's JIT and SQLite's page cache settle before the timetable starts.
    await runClosedLoop({
      concurrency: 4,
      durationMs: 5_000,
      maxOperations: WARMUP_TICKETS,
      operation: async () => (await issue(), true),
    });
    const window = (operation: () => Promise<void>) => () =>
      runOpenLoop({ rate: RATE_PER_S, durationMs: WINDOW_MS, drainTimeoutMs: 10_000, operation });
    const runs = await interleave(ROUNDS, window(issue), window(sqlite.insert));
    const http = merge(runs.measured);
    const bare = merge(runs.baseline);
    note(`issue latency baseline (bare insert, from scheduled time): ${describe(bare.latencies)}`);
    note(
      `issue latency over HTTP at ${RATE_PER_S}/s: ${describe(http.latencies)} errors=${http.errors}`,
    );
    note(
      `  p99 per ${WINDOW_MS / 1000} s window: ${runs.measured.map((r) => percentile(r.latencies, 99).toFixed(1)).join(' ')} ms`,
    );
    if (http.errors > 0) {
      note(
        `WARNING: ${http.errors} issue requests failed; p99 is over the successful ones. First: ${http.firstError}`,
      );
    }
    return {
      name: 'issue_p99_ms',
      value: percentile(http.latencies, 99),
      unit: 'ms',
      baseline: percentile(bare.latencies, 99),
    };
  } finally {
    sqlite.close();
    client.close();
    await server.stop();
  }
}
