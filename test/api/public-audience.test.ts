import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ServerToClientEvents } from '../../server/contract/contract.ts';
import { Sessions } from '../../server/api/sessions.ts';
import { SessionKey } from '../../server/api/session-key.ts';
import { dropEndedStaffSockets } from '../../server/api/realtime-audience.ts';
import { systemClock } from '../../server/core/clock.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import {
  openSocket,
  pairStation,
  pairedBrowser,
  type PairedStation,
  type TestSocket,
} from '../helpers/stations.ts';

type EventName = keyof ServerToClientEvents;
const EVENTS: EventName[] = [
  'snapshot',
  'ticket:issued',
  'ticket:called',
  'ticket:updated',
  'ticket:rated',
  'ticket:printed',
];

/** Everything a socket receives, as [event, payload], in order. */
function record(socket: TestSocket): [EventName, unknown][] {
  const seen: [EventName, unknown][] = [];
  for (const name of EVENTS)
    (socket.on as (n: string, h: (p: unknown) => void) => void)(name, (payload) =>
      seen.push([name, payload]),
    );
  return seen;
}

/*
 * Anonymous clients never receive ticket ids (issue 8, part 2): a ticket id is the citizen's
 * capability to rate, printed in the QR; before this, every id went to every socket and a
 * script rated each finishing ticket before its citizen could. Nor do they receive who is
 * elderly, disabled or pregnant.
 */
describe('what anonymous clients are told', () => {
  let s: TestServer;
  let staff: ApiClient;
  let kiosk: PairedStation;
  let agent: PairedStation;
  // A fresh office per test: each test's numbers (PA001, PB001) and calls are its own.
  beforeEach(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', 'somchai', 1);
    kiosk = await pairStation(s, { name: 'kiosk-1', kind: 'kiosk' });
    agent = await pairStation(s, { name: 'kiosk-1', kind: 'agent' });
  });
  afterEach(() => s.close());

  /** One ticket's whole life, from a paired kiosk, with a priority kind; returns its id. */
  async function journey(): Promise<string> {
    const issued = await pairedBrowser(s.url, kiosk.token).post('/api/tickets', {
      serviceId: 1,
      priority: 'elderly',
    });
    const id = issued.body.ticket.id as string;
    await agent.client.post(`/api/tickets/${id}/print-report`, {
      station: 'kiosk-1',
      outcome: 'printed',
      reprint: false,
    });
    expect((await staff.post('/api/counters/1/call-next')).body.ticket.id).toBe(id);
    await staff.post(`/api/tickets/${id}/recall`);
    await staff.post(`/api/tickets/${id}/start`);
    await staff.post(`/api/tickets/${id}/finish`);
    expect((await s.anon.post(`/api/tickets/${id}/rating`, { score: 5 })).status).toBe(201);
    return id;
  }

  /** A call already on the board when a test's socket opens: its snapshot has one to show. */
  async function callAtCounter3(clerk?: ApiClient): Promise<void> {
    await s.anon.post('/api/tickets', { serviceId: 3 });
    const caller = clerk ?? (await s.userWithRole('staff', 'wanna', 3));
    expect((await caller.post('/api/counters/3/call-next')).status).toBe(200);
  }

  it('answers GET /api/queue to anyone without a ticket id or a priority kind', async () => {
    const id = await pairedBrowser(s.url, kiosk.token)
      .post('/api/tickets', { serviceId: 2, priority: 'disabled' })
      .then((r) => r.body.ticket.id as string);
    const staff2 = await s.userWithRole('staff', 'malee', 2);
    await staff2.post('/api/counters/2/call-next');

    const anonymous = await s.anon.get('/api/queue');
    expect(anonymous.body.latestCalls[0].ticket).toEqual({ number: 'PB001', serviceId: 2 });
    expect(anonymous.body.nowServing.find((n: { counterId: number }) => n.counterId === 2)).toEqual(
      {
        counterId: 2,
        ticket: { number: 'PB001', serviceId: 2, status: 'called' },
      },
    );
    const text = JSON.stringify(anonymous.body);
    expect(text).not.toContain(id);
    expect(text).not.toContain('disabled');
    // A paired screen sees the hall's view too; staff see the ids they act on.
    expect(
      JSON.stringify((await pairedBrowser(s.url, kiosk.token).get('/api/queue')).body),
    ).not.toContain(id);
    expect((await staff2.get('/api/queue')).body.latestCalls[0].ticket.id).toBe(id);
    await staff2.post(`/api/tickets/${id}/no-show`);
  });

  it('sends an anonymous socket no ticket id and no priority kind, in any event or snapshot', async () => {
    const { socket, snapshot } = await openSocket(s.url);
    const seen = record(socket);
    const id = await journey();
    await expect.poll(() => seen.some(([name]) => name === 'ticket:rated')).toBe(true);
    socket.emit('snapshot:request');
    await expect.poll(() => seen.some(([name]) => name === 'snapshot')).toBe(true);
    socket.disconnect();

    expect(seen.map(([name]) => name)).toEqual([
      'ticket:issued',
      'ticket:printed',
      'ticket:called',
      'ticket:called',
      'ticket:updated',
      'ticket:updated',
      'ticket:rated',
      'snapshot',
    ]);
    // The published calling rule names the priority kinds every office offers (as GET
    // /api/queue/rule does); what must not leave is any ticket's kind.
    const withoutRule = (s: unknown): unknown =>
      s && typeof s === 'object' && 'rule' in s ? { ...s, rule: undefined } : s;
    const text = JSON.stringify([
      withoutRule(snapshot),
      seen.map(([name, payload]) => [name, withoutRule(payload)]),
    ]);
    expect(text).not.toContain(id);
    expect(text).not.toMatch(/elderly|"priority"|"ticketId"|"transferred(To|From)"/);
    // The hall still learns what it shows: numbers, counters and times.
    expect(seen[2]![1]).toEqual({
      seq: expect.any(Number),
      ticket: { number: 'PA001', serviceId: 1 },
      counter: { id: 1, name: expect.any(String), number: 1 },
      recall: false,
    });
    expect(seen[6]![1]).toEqual({ seq: expect.any(Number), counterId: 1, score: 5 });
  });

  it('gives signed-in staff every ticket id, a paired agent only its own station’s, and a paired kiosk none', async () => {
    await callAtCounter3();
    const staffSocket = await openSocket(s.url, { cookie: staff.cookie! });
    const agentSocket = await openSocket(s.url, { token: agent.token });
    const kioskSocket = await openSocket(s.url, { cookie: `khiu_station=${kiosk.token}` });
    const otherKiosk = await pairStation(s, { name: 'kiosk-2', kind: 'kiosk' });
    const staffSeen = record(staffSocket.socket);
    const agentSeen = record(agentSocket.socket);
    const kioskSeen = record(kioskSocket.socket);
    const elsewhere = await pairedBrowser(s.url, otherKiosk.token).post('/api/tickets', {
      serviceId: 3,
    });
    const id = await journey();
    await expect.poll(() => kioskSeen.some(([name]) => name === 'ticket:rated')).toBe(true);
    await expect.poll(() => agentSeen.some(([name]) => name === 'ticket:rated')).toBe(true);
    await expect.poll(() => staffSeen.some(([name]) => name === 'ticket:rated')).toBe(true);
    for (const o of [staffSocket, agentSocket, kioskSocket]) o.socket.disconnect();

    const payload = (seen: [EventName, unknown][], name: EventName, nth = 0) =>
      seen.filter(([n]) => n === name)[nth]![1] as Record<string, any>;
    // Staff: everything, ids and priority included (counters act on ids).
    expect(staffSocket.snapshot.latestCalls.length).toBeGreaterThan(0);
    expect(staffSocket.snapshot.latestCalls[0]!.ticket).toHaveProperty('id');
    expect(payload(staffSeen, 'ticket:called').ticket.id).toBe(id);
    expect(payload(staffSeen, 'ticket:issued', 1).ticket).toMatchObject({
      id,
      priority: 'elderly',
    });
    expect(payload(staffSeen, 'ticket:rated').ticketId).toBe(id);
    // The agent of kiosk-1: its own ticket's id (for the QR), nothing about kiosk-2's or the calls.
    expect(payload(agentSeen, 'ticket:issued', 0).ticket).not.toHaveProperty('id');
    expect(payload(agentSeen, 'ticket:issued', 1).ticket.id).toBe(id);
    expect(payload(agentSeen, 'ticket:called').ticket).not.toHaveProperty('id');
    expect(JSON.stringify(agentSeen)).not.toContain(elsewhere.body.ticket.id);
    // The kiosk screen: no ids at all; it knows its ticket's paper by station and number.
    expect(payload(kioskSeen, 'ticket:printed')).toMatchObject({
      station: 'kiosk-1',
      number: 'PA001',
      outcome: 'printed',
    });
    expect(JSON.stringify([kioskSocket.snapshot, kioskSeen])).not.toContain(id);
    expect(JSON.stringify(kioskSeen)).not.toMatch(/"ticketId"|"id":"|elderly/);
  });

  it('drops a staff socket once its session ends, so a signed-out screen is told numbers only', async () => {
    const clerk = await s.userWithRole('staff', 'wichai', 3);
    await callAtCounter3(clerk);
    const { socket, snapshot } = await openSocket(s.url, { cookie: clerk.cookie! });
    expect(snapshot.latestCalls.length).toBeGreaterThan(0);
    expect(snapshot.latestCalls.every((c) => 'id' in c.ticket)).toBe(true);
    const sessions = new Sessions(
      s.khiu.office.ctx.store,
      systemClock,
      SessionKey.inDataDir(s.dir),
    );
    expect(dropEndedStaffSockets(s.khiu.io, sessions)).toBe(0);
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));
    await clerk.request('DELETE', '/api/session');
    expect(dropEndedStaffSockets(s.khiu.io, sessions)).toBe(1);
    expect(await closed).toBe('io server disconnect');
  });

  it('refuses a socket that offers an unknown station token, and treats a stale station cookie as anonymous', async () => {
    await expect(openSocket(s.url, { token: 'x'.repeat(43) })).rejects.toThrow('station_required');
    await callAtCounter3();
    const { socket, snapshot } = await openSocket(s.url, {
      cookie: `khiu_station=${'x'.repeat(43)}`,
    });
    expect(snapshot.latestCalls.length).toBeGreaterThan(0);
    expect(snapshot.latestCalls.every((c) => !('id' in c.ticket))).toBe(true);
    socket.disconnect();
  });
});
