/**
 * Calls against other services' backlog (issue 13): two office servers side by side, one with
 * 50,000 tickets waiting in services its bench counter does not serve, one with none. The
 * counter calls in blocks alternating between the two, 20 hall displays listening on each, so
 * both see the same share of whatever else this shared machine is doing.
 *   call_next_backlog_ratio: call-next p50 with the backlog / p50 without it;
 *   call_to_display_p99_ms_backlog: call -> every display, p99 with the backlog; baseline the same without.
 * Both figures come from one run: the first phase measures, the second reads its result.
 */
import { performance } from 'node:perf_hooks';
import type { Counter, Ticket } from '../../server/contract/contract.ts';
import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { BENCH_ADMIN_PASSWORD, startServer, type ServerUnderTest } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, issueTicket, serviceRotation } from './office-api.ts';
import { DisplayClients } from './display-clients.ts';
import { interleave } from './interleave.ts';
import { describe, percentile } from './percentile.ts';

const BACKLOG = 50_000;
const FILL_CONNECTIONS = 16;
const DISPLAYS = 20;
const ROUNDS = 5;
const CALLS_PER_ROUND = 40;
const WARMUP_CALLS = 20;
const DELIVERY_TIMEOUT_MS = 5_000;

interface Samples {
  callNext: number[];
  delivery: number[];
}

/** An office server with a counter of its own serving one service, worked by an admin. */
class BenchOffice {
  private constructor(
    readonly server: ServerUnderTest,
    private readonly staff: HttpClient,
    readonly serviceIds: number[],
    private readonly counter: Counter,
    private displays: DisplayClients | undefined,
  ) {}

  static async start(label: string): Promise<BenchOffice> {
    const server = await startServer(label);
    const staff = new HttpClient(server.url, 4);
    try {
      await staff.signIn('admin', BENCH_ADMIN_PASSWORD);
      const serviceIds = await activeServiceIds(staff);
      if (serviceIds.length < 2) throw new Error('the bench needs two active services');
      const created = await staff.expect(201, 'POST', '/api/counters', {
        name: 'ช่องบริการทดสอบ (bench)',
        number: 99,
        serviceIds: [serviceIds[0]!],
      });
      const counter = (JSON.parse(created.body) as { counter: Counter }).counter;
      return new BenchOffice(server, staff, serviceIds, counter, undefined);
    } catch (error) {
      staff.close();
      await server.stop();
      throw error;
    }
  }

  /** Tickets waiting in every service but the counter's, issued as kiosks do. */
  async fillBacklog(count: number): Promise<void> {
    const kiosk = new HttpClient(this.server.url, FILL_CONNECTIONS);
    const next = serviceRotation(this.serviceIds.slice(1));
    let issued = 0;
    const begin = performance.now();
    try {
      await Promise.all(
        Array.from({ length: FILL_CONNECTIONS }, async () => {
          while (issued < count) {
            issued += 1;
            await issueTicket(kiosk, next());
          }
        }),
      );
    } finally {
      kiosk.close();
    }
    note(
      `call-backlog: ${count} tickets waiting in other services in ${((performance.now() - begin) / 1000).toFixed(1)} s`,
    );
  }

  async connectDisplays(): Promise<void> {
    this.displays = await DisplayClients.connect(this.server.url, DISPLAYS, true);
  }

  /** Issues, calls (timed: the call-next answer, and each display's ticket:called) and finishes. */
  async calls(n: number): Promise<Samples> {
    const displays = this.displays;
    if (!displays) throw new Error('displays are not connected');
    const samples: Samples = { callNext: [], delivery: [] };
    for (let i = 0; i < n; i += 1) {
      const ticket = await issueTicket(this.staff, this.serviceIds[0]!);
      const arrivals = displays.arrivals(ticket.number, DELIVERY_TIMEOUT_MS);
      const sentAt = performance.now();
      const response = await this.staff.expect(
        200,
        'POST',
        `/api/counters/${this.counter.id}/call-next`,
      );
      samples.callNext.push(performance.now() - sentAt);
      const called = (JSON.parse(response.body) as { ticket: Ticket }).ticket;
      if (called.id !== ticket.id)
        throw new Error(`call-next gave ${called.number}, expected ${ticket.number}`);
      for (const at of await arrivals) samples.delivery.push(at - sentAt);
      await this.staff.expect(200, 'POST', `/api/tickets/${ticket.id}/start`);
      await this.staff.expect(200, 'POST', `/api/tickets/${ticket.id}/finish`);
    }
    return samples;
  }

  async stop(): Promise<void> {
    this.displays?.close();
    this.staff.close();
    await this.server.stop();
  }
}

const merge = (runs: Samples[]): Samples => ({
  callNext: runs.flatMap((r) => r.callNext),
  delivery: runs.flatMap((r) => r.delivery),
});

async function measure(): Promise<{ backlog: Samples; empty: Samples }> {
  const backlogOffice = await BenchOffice.start('call-backlog');
  let emptyOffice: BenchOffice | undefined;
  try {
    emptyOffice = await BenchOffice.start('call-no-backlog');
    await backlogOffice.fillBacklog(BACKLOG);
    await backlogOffice.connectDisplays();
    await emptyOffice.connectDisplays();
    const [withBacklog, without] = [backlogOffice, emptyOffice];
    await without.calls(WARMUP_CALLS);
    await withBacklog.calls(WARMUP_CALLS);
    const runs = await interleave(
      ROUNDS,
      () => withBacklog.calls(CALLS_PER_ROUND),
      () => without.calls(CALLS_PER_ROUND),
    );
    const backlog = merge(runs.measured);
    const empty = merge(runs.baseline);
    note(`call-next, no backlog: ${describe(empty.callNext)}`);
    note(`call-next, ${BACKLOG} waiting in other services: ${describe(backlog.callNext)}`);
    note(`call -> ${DISPLAYS} displays, no backlog: ${describe(empty.delivery)}`);
    note(
      `call -> ${DISPLAYS} displays, ${BACKLOG} waiting elsewhere: ${describe(backlog.delivery)}`,
    );
    return { backlog, empty };
  } finally {
    await emptyOffice?.stop();
    await backlogOffice.stop();
  }
}

let run: Promise<{ backlog: Samples; empty: Samples }> | undefined;
const measured = () => (run ??= measure());

/** call_next_backlog_ratio: the cost of a call with 50,000 waiting elsewhere, relative to none (baseline 1). */
export async function measureCallNextBacklogRatio(): Promise<Figure> {
  const { backlog, empty } = await measured();
  return {
    name: 'call_next_backlog_ratio',
    value: percentile(backlog.callNext, 50) / percentile(empty.callNext, 50),
    unit: 'x',
    baseline: 1,
  };
}

/** call_to_display_p99_ms_backlog; baseline: the same calls on the office without the backlog. */
export async function measureCallToDisplayBacklog(): Promise<Figure> {
  const { backlog, empty } = await measured();
  return {
    name: 'call_to_display_p99_ms_backlog',
    value: percentile(backlog.delivery, 99),
    unit: 'ms',
    baseline: percentile(empty.delivery, 99),
  };
}
