import { performance } from 'node:perf_hooks';
import type { Counter, Ticket } from '../../server/contract/contract.ts';
import type { Figure } from './figure.ts';
import { note } from './figure.ts';
import { BENCH_ADMIN_PASSWORD, startServer, type ServerUnderTest } from './server-process.ts';
import { HttpClient } from './http-client.ts';
import { activeServiceIds, issueTicket } from './office-api.ts';
import { DisplayClients } from './display-clients.ts';
import { startBareBroadcastServer, type BareBroadcastServer } from './bare-broadcast-server.ts';
import { interleave } from './interleave.ts';
import { describe, percentile } from './percentile.ts';

const DISPLAYS = 20;
/** 5 blocks of 40 calls each way: 200 calls, 4,000 deliveries. */
const ROUNDS = 5;
const CALLS_PER_ROUND = 40;
const WARMUP_CALLS = 20;
const DELIVERY_TIMEOUT_MS = 5_000;

/** One way of calling a ticket to the hall: `prepare` and `finish` are not timed, `call` is. */
interface CallPath {
  displays: DisplayClients;
  /** The ticket to call: its id (the counter acts on it) and its number (what displays see). */
  prepare(): Promise<{ id: string; number: string }>;
  call(ticketId: string): Promise<void>;
  finish(ticketId: string): Promise<void>;
  close(): Promise<void>;
}

/** Milliseconds from sending each call to its event arriving at each display. */
async function deliveryLatencies(path: CallPath, calls: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < calls; i += 1) {
    const ticket = await path.prepare();
    const arrivals = path.displays.arrivals(ticket.number, DELIVERY_TIMEOUT_MS);
    const sentAt = performance.now();
    await path.call(ticket.id);
    for (const at of await arrivals) latencies.push(at - sentAt);
    await path.finish(ticket.id);
  }
  return latencies;
}

async function bareBroadcastPath(): Promise<CallPath> {
  let server: BareBroadcastServer | undefined = await startBareBroadcastServer();
  const client = new HttpClient(server.url, 4);
  let n = 0;
  try {
    const displays = await DisplayClients.connect(server.url, DISPLAYS, false);
    return {
      displays,
      prepare: async () => {
        const key = `bare${++n}`;
        return { id: key, number: key };
      },
      call: async (id) => void (await client.expect(200, 'POST', `/call?id=${id}`)),
      finish: async () => {},
      async close() {
        displays.close();
        client.close();
        await server?.close();
        server = undefined;
      },
    };
  } catch (error) {
    client.close();
    await server.close();
    throw error;
  }
}

/** A counter of its own on a fresh office server, worked by a signed-in admin. */
async function officePath(server: ServerUnderTest): Promise<CallPath> {
  const staff = new HttpClient(server.url, 4);
  try {
    await staff.signIn('admin', BENCH_ADMIN_PASSWORD);
    const [serviceId] = await activeServiceIds(staff);
    const created = await staff.expect(201, 'POST', '/api/counters', {
      name: 'ช่องบริการทดสอบ (bench)',
      number: 99,
      serviceIds: [serviceId!],
    });
    const counter = (JSON.parse(created.body) as { counter: Counter }).counter;
    const displays = await DisplayClients.connect(server.url, DISPLAYS, true);
    return {
      displays,
      prepare: async () => issueTicket(staff, serviceId!),
      async call(ticketId) {
        const response = await staff.expect(200, 'POST', `/api/counters/${counter.id}/call-next`);
        const called = (JSON.parse(response.body) as { ticket: Ticket }).ticket;
        if (called.id !== ticketId)
          throw new Error(`call-next gave ${called.id}, expected ${ticketId}`);
      },
      async finish(ticketId) {
        await staff.expect(200, 'POST', `/api/tickets/${ticketId}/start`);
        await staff.expect(200, 'POST', `/api/tickets/${ticketId}/finish`);
      },
      async close() {
        displays.close();
        staff.close();
      },
    };
  } catch (error) {
    staff.close();
    throw error;
  }
}

/**
 * call_to_display_p99_ms: a counter calls the next ticket (POST call-next, signed
 * in) and 20 hall displays wait for `ticket:called`; every delivery is one sample.
 * The baseline is a bare socket.io broadcast of the same event, triggered the same
 * way, in blocks alternating with the real calls.
 */
export async function measureCallToDisplay(): Promise<Figure> {
  const server = await startServer('call-to-display');
  let office: CallPath | undefined;
  let bare: CallPath | undefined;
  try {
    office = await officePath(server);
    bare = await bareBroadcastPath();
    const [officeCalls, bareCalls] = [office, bare];
    await deliveryLatencies(officeCalls, WARMUP_CALLS);
    await deliveryLatencies(bareCalls, WARMUP_CALLS);
    const runs = await interleave(
      ROUNDS,
      () => deliveryLatencies(officeCalls, CALLS_PER_ROUND),
      () => deliveryLatencies(bareCalls, CALLS_PER_ROUND),
    );
    const measured = runs.measured.flat();
    const baseline = runs.baseline.flat();
    note(`call-to-display baseline (bare socket.io, ${DISPLAYS} clients): ${describe(baseline)}`);
    note(`call-to-display (office server, ${DISPLAYS} displays): ${describe(measured)}`);
    return {
      name: 'call_to_display_p99_ms',
      value: percentile(measured, 99),
      unit: 'ms',
      baseline: percentile(baseline, 99),
    };
  } finally {
    await bare?.close();
    await office?.close();
    await server.stop();
  }
}
