import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  PublicTicketCalledEvent,
  PublicSnapshot,
} from '../../server/contract/contract.ts';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

function once<E extends keyof ServerToClientEvents>(
  socket: Client,
  event: E,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve) =>
    socket.once(event, ((payload: Parameters<ServerToClientEvents[E]>[0]) =>
      resolve(payload)) as never),
  );
}

describe('realtime events', () => {
  let s: TestServer;
  let staff: ApiClient;
  let sockets: Client[] = [];
  const open = (): Client => {
    const socket: Client = connect(s.url, {
      transports: ['websocket'],
      reconnectionDelay: 50,
      reconnectionDelayMax: 100,
    });
    sockets.push(socket);
    return socket;
  };

  // A fresh office per test: a test's calls and counters are its own, whatever ran before.
  beforeEach(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', undefined, 1);
  });
  afterEach(async () => {
    for (const socket of sockets) socket.disconnect();
    sockets = [];
    await s.close();
  });

  it('sends a snapshot first, then events whose seq only grows', async () => {
    const socket = open();
    const snapshot = (await once(socket, 'snapshot')) as PublicSnapshot;
    expect(snapshot).toMatchObject({
      seq: expect.any(Number),
      timeZone: 'Asia/Bangkok',
      counters: expect.any(Array),
      services: expect.any(Array),
      officeName: { th: expect.any(String) },
    });
    const seqs: number[] = [];
    socket.on('ticket:issued', (e) => seqs.push(e.seq));
    socket.on('ticket:called', (e) => seqs.push(e.seq));
    socket.on('ticket:updated', (e) => seqs.push(e.seq));

    const calledPromise = once(socket, 'ticket:called');
    const ticket = (await s.anon.post('/api/tickets', { serviceId: 1 })).body.ticket;
    await staff.post('/api/counters/1/call-next');
    const called = (await calledPromise) as PublicTicketCalledEvent;
    // An anonymous socket (the hall) gets the number, never the ticket id.
    expect(called).toEqual({
      seq: expect.any(Number),
      ticket: { number: ticket.number, serviceId: 1 },
      counter: { id: 1, name: expect.any(String), number: 1 },
      recall: false,
    });
    const updated = once(socket, 'ticket:updated');
    await staff.post(`/api/tickets/${ticket.id}/start`);
    await updated;
    expect(seqs.length).toBe(3);
    expect(seqs[0]).toBeGreaterThan(snapshot.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('gives a client that reconnects a fresh snapshot that includes the calls it missed', async () => {
    const socket = open();
    await once(socket, 'snapshot');
    socket.disconnect();
    const ticket = (await s.anon.post('/api/tickets', { serviceId: 3 })).body.ticket;
    await staff.chooseCounter(3);
    await staff.post('/api/counters/3/call-next');
    const again = once(socket, 'snapshot');
    socket.connect();
    const snapshot = (await again) as PublicSnapshot;
    expect(snapshot.latestCalls[0]).toMatchObject({
      ticket: { number: ticket.number },
      counter: { number: 3 },
    });
    expect(snapshot.nowServing.find((n) => n.counterId === 3)?.ticket).toMatchObject({
      number: ticket.number,
      status: 'called',
    });
  });

  it('answers snapshot:request with a snapshot', async () => {
    const socket = open();
    await once(socket, 'snapshot');
    const next = once(socket, 'snapshot');
    socket.emit('snapshot:request');
    expect(((await next) as PublicSnapshot).seq).toBe(s.ledgerLength());
  });
});
