import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { TicketIssuedEvent, TicketPrintedEvent } from '../../server/contract/contract.ts';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';
import { pairStation, pairedBrowser, type PairedStation } from '../helpers/stations.ts';

describe('device agents', () => {
  let s: TestServer;
  let manager: ApiClient;
  /** Paired kiosk screens and the agents that print for them, by place. */
  const kiosks = new Map<string, { screen: ApiClient; agent: PairedStation }>();
  const place = async (name: string) => {
    if (!kiosks.has(name)) {
      const screen = await pairStation(s, { name, kind: 'kiosk' });
      const agent = await pairStation(s, { name, kind: 'agent' });
      kiosks.set(name, { screen: pairedBrowser(s.url, screen.token), agent });
    }
    return kiosks.get(name)!;
  };
  beforeAll(async () => {
    s = await startTestServer();
    manager = await s.userWithRole('manager');
  });
  afterAll(() => s.close());

  it('tells which paired kiosk issued a ticket, so only that station prints it', async () => {
    const { screen, agent } = await place('kiosk-2');
    const socket = connect(s.url, { transports: ['websocket'], auth: { token: agent.token } });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const issued = new Promise<TicketIssuedEvent>((resolve) =>
      socket.once('ticket:issued', resolve as (e: unknown) => void),
    );
    const { ticket } = (await screen.post('/api/tickets', { serviceId: 1 })).body;
    expect(await issued).toMatchObject({ station: 'kiosk-2', ticket: { id: ticket.id } });
    socket.disconnect();
  });

  it('records a print outcome in the ledger and announces it', async () => {
    const { screen, agent } = await place('kiosk-1');
    const ticket = (await screen.post('/api/tickets', { serviceId: 1 })).body.ticket;
    const socket = connect(s.url, { transports: ['websocket'], auth: { token: agent.token } });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const printed = new Promise<TicketPrintedEvent>((resolve) =>
      socket.once('ticket:printed', resolve as (e: unknown) => void),
    );
    const before = s.ledgerLength();
    const res = await agent.client.post(`/api/tickets/${ticket.id}/print-report`, {
      station: 'kiosk-1',
      outcome: 'failed',
      reprint: false,
      detail: 'paper out',
    });
    expect(res.status).toBe(204);
    expect(await printed).toMatchObject({
      ticketId: ticket.id,
      station: 'kiosk-1',
      outcome: 'failed',
      reprint: false,
      detail: 'paper out',
      seq: before + 1,
    });
    expect(s.ledgerLength()).toBe(before + 1);
    expect(
      (
        await agent.client.post(`/api/tickets/${ticket.id}/print-report`, {
          station: 'kiosk-1',
          outcome: 'jammed',
          reprint: false,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await agent.client.post('/api/tickets/unknown/print-report', {
          station: 'kiosk-1',
          outcome: 'printed',
          reprint: false,
        })
      ).status,
    ).toBe(404);
    socket.disconnect();
  });

  it('lists what a station issued that its printer never reported on, until it reports', async () => {
    const issue = async (station: string) =>
      (await place(station)).screen.post('/api/tickets', { serviceId: 2 });
    const { agent } = await place('kiosk-7');
    const mine = (await issue('kiosk-7')).body.ticket;
    await issue('kiosk-8');
    const before = await agent.client.get('/api/stations/kiosk-7/unprinted');
    expect(before.body.tickets.map((t: { id: string }) => t.id)).toEqual([mine.id]);
    await agent.client.post(`/api/tickets/${mine.id}/print-report`, {
      station: 'kiosk-7',
      outcome: 'printed',
      reprint: false,
    });
    expect((await agent.client.get('/api/stations/kiosk-7/unprinted')).body.tickets).toEqual([]);
    expect((await agent.client.get('/api/stations/kiosk%207/unprinted')).status).toBe(400);
    const day = mine.issuedAt.slice(0, 10);
    const listing = await manager.get(`/api/tickets?from=${day}&to=${day}`);
    expect(listing.body.find((t: { id: string }) => t.id === mine.id)).toMatchObject({
      station: 'kiosk-7',
      printOutcome: 'printed',
    });
  });

  it('shows managers the latest status of every reported device', async () => {
    const { agent } = await place('kiosk-1');
    const report = {
      station: 'kiosk-1',
      devices: [
        {
          deviceId: 'printer',
          kind: 'printer',
          uri: 'tcp://127.0.0.1:9100',
          state: 'paper_near_end',
        },
        {
          deviceId: 'display-1',
          kind: 'display',
          uri: 'serial:/dev/ttyUSB0?baud=9600',
          state: 'online',
        },
      ],
    };
    expect((await agent.client.post('/api/devices/report', report)).status).toBe(204);
    expect(
      (await agent.client.post('/api/devices/report', { station: 'kiosk 1', devices: [] })).status,
    ).toBe(400);
    expect((await s.anon.get('/api/devices')).status).toBe(401);
    const { body } = await manager.get('/api/devices');
    expect(body).toEqual([
      expect.objectContaining({
        station: 'kiosk-1',
        deviceId: 'display-1',
        state: 'online',
        stale: false,
      }),
      expect.objectContaining({
        station: 'kiosk-1',
        deviceId: 'printer',
        kind: 'printer',
        state: 'paper_near_end',
        detail: null,
      }),
    ]);
  });
});
