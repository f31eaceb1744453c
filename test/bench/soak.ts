/**
 * soak (issue 13, "Flat memory over a long day"): the compiled office server and the compiled
 * device agent as separate processes, as an office runs them, through a sustained stream of
 * tickets: a paired kiosk issuing (with clientRequestIds, as the kiosk screen does), four
 * counters calling, starting and finishing, 30 live hall displays, and the agent printing every
 * ticket on its virtual printer (a PNG each, the last 200 kept). After a warm-up of 5,000
 * tickets, the resident memory of both processes is read once a second through 10,000 more
 * tickets, and the growth figure is the least-squares slope of those readings per 10,000
 * tickets (the difference of the two ends goes to stderr beside it). Then a manager reads the
 * whole day's tickets and the ledger check, and what the server keeps of that is the third
 * figure.
 *
 * KHIU_SOAK_HEAP_SNAPSHOTS=1 also writes a heap snapshot of each process after the warm-up and
 * at the end (soak-heap-diff.ts compares them); the snapshots cost memory of their own, so
 * the figures of such a run are not comparable and are not printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import type { Counter, Ticket } from '../../server/contract/contract.ts';
import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { BENCH_ADMIN_PASSWORD, ensureCompiledServer, startServer } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, counters as listCounters, serviceRotation } from './office-api.ts';
import { DisplayClients } from './display-clients.ts';
import { residentMb } from './process-memory.ts';
import { slope, type Point } from './linear-trend.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { SERVER_HEAP_FLAGS } from '../../server/cli/node-flags.ts';
import { COMPILED_CLI, PACKAGE_ROOT } from '../../server/package-layout.ts';

/**
 * RSS rises for the first ~4,000 tickets of this mix while V8's old generation and glibc's
 * heap size themselves (2,000 → 4,000: +10 MiB; 4,000 → 12,000: +4 MiB), then holds.
 */
const WARMUP_TICKETS = 5_000;
const MEASURED_TICKETS = 10_000;
/** About ten times a busy office's pace, so 10,000 tickets take minutes, not a day. */
const TICKETS_PER_SECOND = 25;
const DISPLAYS = 30;
const STATION = 'kiosk-1';
/** RSS is read this many times, a second apart, and the median taken. */
const RSS_SAMPLES = 5;
const SNAPSHOTS = process.env.KHIU_SOAK_HEAP_SNAPSHOTS === '1';

export interface SoakResult {
  serverGrowthPer10k: number;
  agentGrowthPer10k: number;
  serverAfterWarmup: number;
  agentAfterWarmup: number;
  retainedAfterListing: number;
  beforeListing: number;
}

let running: Promise<SoakResult> | undefined;

/** One soak serves all three figures (they are separate phases of `npm run bench`). */
async function soak(): Promise<SoakResult> {
  running ??= runSoak();
  const result = await running;
  if (SNAPSHOTS)
    throw new Error('a run with heap snapshots gives no figures: the snapshots cost memory too');
  return result;
}

export async function measureSoakServerGrowth(): Promise<Figure> {
  const r = await soak();
  return {
    name: 'soak_server_rss_growth_mb_per_10k',
    value: r.serverGrowthPer10k,
    unit: 'MiB',
    baseline: r.serverAfterWarmup,
  };
}

export async function measureSoakAgentGrowth(): Promise<Figure> {
  const r = await soak();
  return {
    name: 'soak_agent_rss_growth_mb_per_10k',
    value: r.agentGrowthPer10k,
    unit: 'MiB',
    baseline: r.agentAfterWarmup,
  };
}

export async function measureSoakRetained(): Promise<Figure> {
  const r = await soak();
  return {
    name: 'soak_rss_retained_after_listing_mb',
    value: r.retainedAfterListing,
    unit: 'MiB',
    baseline: r.beforeListing,
  };
}

async function runSoak(): Promise<SoakResult> {
  await ensureCompiledServer();
  const temp = makeTempDir('khiu-bench-soak-');
  const snapshotDir = join(PACKAGE_ROOT, 'test-output', 'heap-snapshots');
  if (SNAPSHOTS) mkdirSync(snapshotDir, { recursive: true });
  const snapshotArgs = SNAPSHOTS
    ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`]
    : [];
  const server = await startServer('soak', { runtime: 'compiled', nodeArgs: snapshotArgs });
  const admin = new HttpClient(server.url, 2);
  const kiosk = new HttpClient(server.url, 8);
  const staff: HttpClient[] = [];
  let agent: ChildProcess | undefined;
  let displays: DisplayClients | undefined;
  let stop = false;
  const loops: Promise<void>[] = [];
  try {
    await admin.signIn('admin', BENCH_ADMIN_PASSWORD);
    const pair = async (kind: 'kiosk' | 'agent'): Promise<string> => {
      const created = await admin.expect(201, 'POST', '/api/stations', { name: STATION, kind });
      return (JSON.parse(created.body) as { token: string }).token;
    };
    kiosk.cookie = `khiu_station=${await pair('kiosk')}`;
    const tokenFile = join(temp.dir, 'agent.token');
    writeFileSync(tokenFile, `${await pair('agent')}\n`);
    const printed = { count: 0 };
    agent = startAgent(server.url, tokenFile, join(temp.dir, 'printed'), snapshotArgs, printed);

    for (const counter of (await listCounters(admin)).sort((a, b) => a.number - b.number)) {
      staff.push(await counterStaff(server.url, admin, counter));
    }
    displays = await DisplayClients.connect(server.url, DISPLAYS, true);
    loops.push(...staff.map((client, i) => counterLoop(client, i, () => stop)));

    const nextService = serviceRotation(await activeServiceIds(admin));
    let issued = 0;
    const issue = async (count: number): Promise<void> => {
      const begin = performance.now();
      for (let i = 0; i < count; i += 1) {
        const due = begin + (i * 1000) / TICKETS_PER_SECOND;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        await kiosk.expect(201, 'POST', '/api/tickets', {
          serviceId: nextService(),
          clientRequestId: `soak-${issued}`,
        });
        issued += 1;
        if (issued % 2_000 === 0)
          note(
            `soak: ${issued} tickets, ${printed.count} printed; server ${memoryOf(server.pid)}; agent ${memoryOf(agent!.pid!)}`,
          );
      }
      await until(() => printed.count >= issued, 60_000, 'the agent to print every ticket');
    };

    await issue(WARMUP_TICKETS);
    const serverWarm = await medianRss(server.pid);
    const agentWarm = await medianRss(agent.pid!);
    note(
      `soak: after ${WARMUP_TICKETS} warm-up tickets: server ${serverWarm.toFixed(1)} MiB, agent ${agentWarm.toFixed(1)} MiB`,
    );
    if (SNAPSHOTS) await snapshot([server.pid, agent.pid!], snapshotDir);

    const begin = performance.now();
    const counted = issued;
    const trace = traceRss([server.pid, agent.pid!], () => issued - counted);
    await issue(MEASURED_TICKETS);
    const [serverTrace, agentTrace] = trace.stop();
    const minutes = (performance.now() - begin) / 60_000;
    const serverEnd = await medianRss(server.pid);
    const agentEnd = await medianRss(agent.pid!);
    const per10k = (growth: number): number => (growth * 10_000) / MEASURED_TICKETS;
    const serverTrend = slope(serverTrace!) * 10_000;
    const agentTrend = slope(agentTrace!) * 10_000;
    note(
      `soak: ${MEASURED_TICKETS} more tickets in ${minutes.toFixed(1)} min: server ${serverEnd.toFixed(1)} MiB, agent ${agentEnd.toFixed(1)} MiB`,
    );
    for (const [who, points, trend, ends] of [
      ['server', serverTrace!, serverTrend, serverEnd - serverWarm],
      ['agent', agentTrace!, agentTrend, agentEnd - agentWarm],
    ] as const) {
      const ys = points.map((p) => p.y);
      note(
        `soak: ${who}: ${points.length} readings ${Math.min(...ys).toFixed(1)}-${Math.max(...ys).toFixed(1)} MiB; trend ${trend.toFixed(2)} MiB per 10,000 tickets (the figure); the two 5 s medians differ by ${per10k(ends).toFixed(2)}`,
      );
    }
    if (SNAPSHOTS) await snapshot([server.pid, agent.pid!], snapshotDir);

    stop = true;
    await Promise.all(loops);
    const beforeListing = await medianRss(server.pid);
    const day = officeDay(Date.now());
    const listing = await admin.expect(200, 'GET', `/api/tickets?from=${day}&to=${day}`);
    const verify = await admin.expect(200, 'GET', '/api/ledger/verify');
    if (!(JSON.parse(verify.body) as { ok: boolean }).ok)
      throw new Error(`the ledger check failed: ${verify.body.slice(0, 200)}`);
    const afterListing = await medianRss(server.pid);
    note(
      `soak: GET /api/tickets (${(listing.body.length / 1e6).toFixed(1)} MB) and GET /api/ledger/verify: server ${beforeListing.toFixed(1)} -> ${afterListing.toFixed(1)} MiB`,
    );
    if (SNAPSHOTS)
      note(`soak: heap snapshots in ${snapshotDir}: ${readdirSync(snapshotDir).join(', ')}`);
    return {
      serverGrowthPer10k: serverTrend,
      agentGrowthPer10k: agentTrend,
      serverAfterWarmup: serverWarm,
      agentAfterWarmup: agentWarm,
      retainedAfterListing: afterListing - beforeListing,
      beforeListing,
    };
  } finally {
    stop = true;
    await Promise.allSettled(loops);
    displays?.close();
    for (const client of [admin, kiosk, ...staff]) client.close();
    if (agent && agent.exitCode === null) {
      const exited = new Promise((resolve) => agent!.once('exit', resolve));
      agent.kill('SIGTERM');
      await exited;
    }
    await server.stop();
    temp.cleanup();
  }
}

/** The compiled `khiu agent` for the station, with its virtual printer and display (as `npm start`'s). */
function startAgent(
  url: string,
  tokenFile: string,
  outDir: string,
  nodeArgs: readonly string[],
  printed: { count: number },
): ChildProcess {
  const args = ['agent', '--server', url, '--station', STATION, '--token-file', tokenFile];
  const child = spawn(
    process.execPath,
    [...nodeArgs, ...SERVER_HEAP_FLAGS, COMPILED_CLI, ...args, '--out', outDir],
    { cwd: PACKAGE_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const lines = createInterface({ input: child.stderr! });
  lines.on('line', (line) => {
    if (/^agent: virtual printer: ticket \d+ /.test(line)) printed.count += 1;
    else if (!/^agent: virtual display/.test(line)) process.stderr.write(`[agent] ${line}\n`);
  });
  return child;
}

/** A staff user of its own, signed in at `counter`. */
async function counterStaff(url: string, admin: HttpClient, counter: Counter): Promise<HttpClient> {
  const username = `soak${counter.number}`;
  const password = 'soak-password-1234';
  await admin.expect(201, 'POST', '/api/users', { username, role: 'staff', password });
  const client = new HttpClient(url, 2);
  const response = await client.expect(200, 'POST', '/api/session', {
    username,
    password,
    counterId: counter.id,
  });
  client.cookie = response.setCookie[0]?.split(';')[0];
  return client;
}

/** Calls, starts and finishes the next ticket at one counter until told to stop. */
async function counterLoop(
  client: HttpClient,
  index: number,
  stopped: () => boolean,
): Promise<void> {
  const counters = JSON.parse((await client.expect(200, 'GET', '/api/counters')).body) as Counter[];
  const counter = counters.sort((a, b) => a.number - b.number)[index]!;
  while (!stopped()) {
    const called = await client.expect([200, 204], 'POST', `/api/counters/${counter.id}/call-next`);
    if (called.status === 204) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    const ticket = (JSON.parse(called.body) as { ticket: Ticket }).ticket;
    await client.expect(200, 'POST', `/api/tickets/${ticket.id}/start`);
    await client.expect(200, 'POST', `/api/tickets/${ticket.id}/finish`);
  }
}

/** RSS and its anonymous part (the heaps: V8's and malloc's) for the progress lines. */
function memoryOf(pid: number): string {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string): number =>
    Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1]);
  return `RSS ${(kb('VmRSS') / 1024).toFixed(1)} MiB (anonymous ${(kb('RssAnon') / 1024).toFixed(1)})`;
}

/**
 * RSS of each process once a second, against `tickets()` at that moment, until stop(): the
 * series the growth figures are the slope of.
 */
function traceRss(pids: number[], tickets: () => number): { stop(): Point[][] } {
  const traces: Point[][] = pids.map(() => []);
  const read = () =>
    pids.forEach((pid, i) => traces[i]!.push({ x: tickets(), y: residentMb(pid) }));
  read();
  const timer = setInterval(read, 1000);
  return {
    stop() {
      clearInterval(timer);
      read();
      return traces;
    },
  };
}

async function medianRss(pid: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < RSS_SAMPLES; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    samples.push(residentMb(pid));
  }
  return samples.sort((a, b) => a - b)[Math.floor(RSS_SAMPLES / 2)]!;
}

/** SIGUSR2 (--heapsnapshot-signal) to each process; resolves once each has written its file. */
async function snapshot(pids: number[], dir: string): Promise<void> {
  const before = readdirSync(dir).length;
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  await until(() => readdirSync(dir).length >= before + pids.length, 120_000, 'heap snapshots');
  // A snapshot file appears before it is complete: wait until no file grows for two seconds.
  const sizes = (): string =>
    readdirSync(dir)
      .map((name) => statSync(join(dir, name)).size)
      .join(',');
  let last = '';
  for (let now = sizes(); now !== last; now = sizes()) {
    last = now;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/** The office's calendar day now (Asia/Bangkok, the default office's zone). */
function officeDay(ms: number): string {
  return new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);
}

async function until(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`soak: timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
