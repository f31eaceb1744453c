import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketRecord } from '../../server/contract/contract.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { openSocket, pairStation, pairedBrowser, type PairedStation } from '../helpers/stations.ts';

/*
 * What only a paired station of the right kind may do (issue 8, part 1). Each test is an
 * attack from a LAN client that worked before stations were paired.
 */
describe('what needs a paired station', () => {
  let s: TestServer;
  let staff: ApiClient;
  let kiosk: PairedStation;
  let agent: PairedStation;
  let otherAgent: PairedStation;

  // A fresh office per test: each counts its own station's unprinted tickets and devices.
  beforeEach(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', 'somchai', 1);
    kiosk = await pairStation(s, { name: 'kiosk-1', kind: 'kiosk' });
    agent = await pairStation(s, { name: 'kiosk-1', kind: 'agent' });
    otherAgent = await pairStation(s, { name: 'kiosk-2', kind: 'agent' });
  });
  afterEach(() => s.close());

  const day = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  const listing = async (id: string) =>
    (await s.admin.get<TicketRecord[]>(`/api/tickets?from=${day()}&to=${day()}`)).body.find(
      (t) => t.id === id,
    )!;
  /** A ticket issued at kiosk-1's paired screen, which kiosk-1's agent prints. */
  const kioskTicket = async () =>
    (await pairedBrowser(s.url, kiosk.token).post('/api/tickets', { serviceId: 1 })).body.ticket;

  it("prints nothing for an anonymous client that names a kiosk in X-Khiu-Station: only a paired kiosk's tickets print there", async () => {
    const { socket } = await openSocket(s.url, { token: agent.token });
    const seen: (string | null)[] = [];
    socket.on('ticket:issued', (e) => seen.push(e.station));

    const forged = await s.anon.request(
      'POST',
      '/api/tickets',
      { serviceId: 1 },
      { headers: { 'x-khiu-station': 'kiosk-1' } },
    );
    expect(forged.status).toBe(201);
    const real = await kioskTicket();
    await expect.poll(() => seen.length).toBe(2);
    socket.disconnect();

    expect(seen).toEqual([null, 'kiosk-1']);
    expect((await listing(forged.body.ticket.id)).station).toBeNull();
    expect((await listing(real.id)).station).toBe('kiosk-1');
    const unprinted = await agent.client.get('/api/stations/kiosk-1/unprinted');
    expect(unprinted.body.tickets.map((t: { id: string }) => t.id)).toEqual([real.id]);
  });

  it("refuses a print report from anyone but the ticket's own station's agent, and the ticket stays in its catch-up", async () => {
    const ticket = await kioskTicket();
    const report = { station: 'kiosk-1', outcome: 'printed', reprint: false };
    const before = s.ledgerLength();
    const attempts = [
      [s.anon, 401, 'station_required'],
      [pairedBrowser(s.url, kiosk.token), 403, 'wrong_station'],
      [staff, 401, 'station_required'],
      [otherAgent.client, 403, 'wrong_station'],
    ] as const;
    for (const [client, status, code] of attempts) {
      const res = await client.post(`/api/tickets/${ticket.id}/print-report`, report);
      expect({ status: res.status, code: res.body.error.code }).toEqual({ status, code });
    }
    // Another station's agent naming itself is refused too: the ticket is not its own.
    const own = await otherAgent.client.post(`/api/tickets/${ticket.id}/print-report`, {
      ...report,
      station: 'kiosk-2',
    });
    expect(own).toMatchObject({ status: 403, body: { error: { code: 'wrong_station' } } });
    expect(s.ledgerLength()).toBe(before);
    expect((await listing(ticket.id)).printOutcome).toBeNull();
    const still = await agent.client.get('/api/stations/kiosk-1/unprinted');
    expect(still.body.tickets.map((t: { id: string }) => t.id)).toContain(ticket.id);

    expect((await agent.client.post(`/api/tickets/${ticket.id}/print-report`, report)).status).toBe(
      204,
    );
    expect((await listing(ticket.id)).printOutcome).toBe('printed');
  });

  it("lists a station's unprinted tickets (with their ids) to that station's own agent only", async () => {
    await kioskTicket();
    for (const [client, status] of [
      [s.anon, 401],
      [staff, 401],
      [pairedBrowser(s.url, kiosk.token), 403],
      [otherAgent.client, 403],
    ] as const) {
      const res = await client.get('/api/stations/kiosk-1/unprinted');
      expect(res.status).toBe(status);
      expect(res.body.tickets).toBeUndefined();
    }
    expect((await agent.client.get('/api/stations/kiosk-1/unprinted')).status).toBe(200);
  });

  it('refuses a device report without a paired agent, and one that speaks for another station', async () => {
    const report = {
      station: 'kiosk-1',
      devices: [{ deviceId: 'printer', kind: 'printer', uri: 'tcp://x:9100', state: 'paper_out' }],
    };
    expect((await s.anon.post('/api/devices/report', report)).status).toBe(401);
    expect(
      (await pairedBrowser(s.url, kiosk.token).post('/api/devices/report', report)).status,
    ).toBe(403);
    expect((await otherAgent.client.post('/api/devices/report', report)).status).toBe(403);
    expect((await s.admin.get('/api/devices')).body).toEqual([]);

    expect((await agent.client.post('/api/devices/report', report)).status).toBe(204);
    expect((await s.admin.get('/api/devices')).body).toEqual([
      expect.objectContaining({ station: 'kiosk-1', deviceId: 'printer', state: 'paper_out' }),
    ]);
  });

  it("takes a counter's rating only from its own paired rating screen or its button box's agent, never from the counter's staff", async () => {
    const rating1 = await pairStation(s, { name: 'rating-1', kind: 'rating', counterId: 1 });
    const rating2 = await pairStation(s, { name: 'rating-2', kind: 'rating', counterId: 2 });
    const buttons = await pairStation(s, {
      name: 'counter-1-pc',
      kind: 'agent',
      buttonCounterIds: [1],
    });
    const serve = async () => {
      const { ticket } = (await staff.post('/api/counters/1/call-next')).body;
      await staff.post(`/api/tickets/${ticket.id}/start`);
      await staff.post(`/api/tickets/${ticket.id}/finish`);
      return ticket.id as string;
    };
    await s.anon.post('/api/tickets', { serviceId: 1 });
    const first = await serve();

    const before = s.ledgerLength();
    const screenOnStaffPc = pairedBrowser(s.url, rating1.token);
    screenOnStaffPc.cookie += `; ${staff.cookie}`;
    for (const [client, status, code] of [
      [s.anon, 401, 'station_required'],
      [staff, 403, 'staff_cannot_rate'],
      [screenOnStaffPc, 403, 'staff_cannot_rate'],
      [pairedBrowser(s.url, rating2.token), 403, 'wrong_station'],
      [pairedBrowser(s.url, kiosk.token), 403, 'wrong_station'],
      [agent.client, 403, 'wrong_station'],
    ] as const) {
      const target = await client.get('/api/counters/1/rating-target');
      expect({ status: target.status, code: target.body.error.code }).toEqual({ status, code });
      const rated = await client.post('/api/counters/1/rating', { score: 1 });
      expect({ status: rated.status, code: rated.body.error.code }).toEqual({ status, code });
    }
    expect(s.ledgerLength()).toBe(before);
    expect((await listing(first)).rating).toBeNull();

    const screen = pairedBrowser(s.url, rating1.token);
    expect((await screen.get('/api/counters/1/rating-target')).body.ticket.id).toBe(first);
    expect((await screen.post('/api/counters/1/rating', { score: 4 })).status).toBe(201);
    expect((await listing(first)).rating).toBe(4);

    await s.anon.post('/api/tickets', { serviceId: 1 });
    const second = await serve();
    expect((await buttons.client.post('/api/counters/1/rating', { score: 5 })).status).toBe(201);
    expect((await listing(second)).rating).toBe(5);
    const history = await s.admin.get(`/api/tickets/${second}/history`);
    const actors = history.body.chain[0].entries.map((e: { actor: string }) => e.actor);
    expect(actors.at(-1)).toBe('station counter-1-pc');
  });

  it('refuses a rating by ticket id from a signed-in staff session', async () => {
    await s.anon.post('/api/tickets', { serviceId: 1 });
    const { ticket } = (await staff.post('/api/counters/1/call-next')).body;
    await staff.post(`/api/tickets/${ticket.id}/start`);
    await staff.post(`/api/tickets/${ticket.id}/finish`);
    const before = s.ledgerLength();
    const res = await staff.post(`/api/tickets/${ticket.id}/rating`, { score: 5 });
    expect(res).toMatchObject({ status: 403, body: { error: { code: 'staff_cannot_rate' } } });
    const manager = await s.userWithRole('manager');
    const afterManager = s.ledgerLength();
    expect((await manager.post(`/api/tickets/${ticket.id}/rating`, { score: 5 })).status).toBe(403);
    expect(s.ledgerLength()).toBe(afterManager);
    expect(afterManager).toBe(before + 1); // the manager's own user, nothing else
    // The citizen, with the id from their QR, still can.
    expect((await s.anon.post(`/api/tickets/${ticket.id}/rating`, { score: 5 })).status).toBe(201);
    const history = await s.admin.get(`/api/tickets/${ticket.id}/history`);
    expect(history.body.chain[0].entries.at(-1).actor).toBe('anonymous (ticket-qr)');
  });
});
