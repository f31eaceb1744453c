import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { startServer } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIdsAt, serviceRotation } from './office-api.ts';
import { runClosedLoop, type ClosedLoopResult } from './closed-loop.ts';
import { interleave } from './interleave.ts';

const CONCURRENCIES = [16, 32, 64];
const PROBE_MS = 3_000;
/** 5 windows of 2 s each way: 10 s of tickets, 10 s of health checks. */
const ROUNDS = 5;
const WINDOW_MS = 2_000;
const WARMUP_MS = 1_500;
/** Far above what 2 s can reach; the time bound ends each window. */
const MAX_OPERATIONS = 1_000_000;

type Operation = () => Promise<boolean>;

function issueOperation(client: HttpClient, serviceIds: number[]): Operation {
  const nextService = serviceRotation(serviceIds);
  return async () =>
    (await client.send('POST', '/api/tickets', { serviceId: nextService() })).status === 201;
}

const healthOperation =
  (client: HttpClient): Operation =>
  async () =>
    (await client.send('GET', '/api/health')).status === 200;

const loop = (concurrency: number, durationMs: number, operation: Operation) =>
  runClosedLoop({ concurrency, durationMs, maxOperations: MAX_OPERATIONS, operation });

function total(results: ClosedLoopResult[]): ClosedLoopResult {
  const completed = results.reduce((sum, r) => sum + r.completed, 0);
  const elapsedMs = results.reduce((sum, r) => sum + r.elapsedMs, 0);
  const firstError = results.find((r) => r.firstError)?.firstError;
  return {
    completed,
    errors: results.reduce((sum, r) => sum + r.errors, 0),
    elapsedMs,
    perSecond: (completed * 1000) / elapsedMs,
    ...(firstError ? { firstError } : {}),
  };
}

const describeLoop = (r: ClosedLoopResult) =>
  `${r.perSecond.toFixed(0)}/s (${r.completed} ok, ${r.errors} errors in ${(r.elapsedMs / 1000).toFixed(1)} s)${r.firstError ? ` first error: ${r.firstError}` : ''}`;

/** The concurrency that issues most tickets in a short probe, on a throwaway server. */
async function bestConcurrency(): Promise<number> {
  const probe = await startServer('issue-throughput-probe');
  const client = new HttpClient(probe.url, Math.max(...CONCURRENCIES));
  try {
    const issue = issueOperation(client, await activeServiceIdsAt(probe.url));
    await loop(16, WARMUP_MS, issue);
    let best = { concurrency: CONCURRENCIES[0]!, perSecond: 0 };
    for (const concurrency of CONCURRENCIES) {
      const result = await loop(concurrency, PROBE_MS, issue);
      note(`issue throughput probe, ${concurrency} connections: ${describeLoop(result)}`);
      if (result.perSecond > best.perSecond) best = { concurrency, perSecond: result.perSecond };
    }
    return best.concurrency;
  } finally {
    client.close();
    await probe.stop();
  }
}

/**
 * issue_max_per_s: tickets per second from a closed loop of keep-alive connections
 * on a fresh server; the baseline is GET /api/health on the same server with the
 * same loop (the HTTP ceiling), in windows alternating with the tickets.
 */
export async function measureIssueThroughput(): Promise<Figure> {
  const concurrency = await bestConcurrency();
  const server = await startServer('issue-throughput');
  const client = new HttpClient(server.url, concurrency);
  try {
    const issue = issueOperation(client, await activeServiceIdsAt(server.url));
    const health = healthOperation(client);
    await loop(concurrency, WARMUP_MS, issue);
    await loop(concurrency, WARMUP_MS, health);
    const runs = await interleave(
      ROUNDS,
      () => loop(concurrency, WINDOW_MS, issue),
      () => loop(concurrency, WINDOW_MS, health),
    );
    const tickets = total(runs.measured);
    const ceiling = total(runs.baseline);
    note(`issue throughput, ${concurrency} connections: ${describeLoop(tickets)}`);
    note(
      `  per ${WINDOW_MS / 1000} s window: ${runs.measured.map((r) => r.perSecond.toFixed(0)).join(' ')} /s`,
    );
    note(`health throughput, ${concurrency} connections: ${describeLoop(ceiling)}`);
    return {
      name: 'issue_max_per_s',
      value: tickets.perSecond,
      unit: 'tickets/s',
      baseline: ceiling.perSecond,
    };
  } finally {
    client.close();
    await server.stop();
  }
}
