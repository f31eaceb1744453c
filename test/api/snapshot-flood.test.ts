import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../server/contract/contract.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('snapshot:request under a flood', () => {
  let s: TestServer;
  const sockets: Client[] = [];

  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await s.close();
  });

  async function open(): Promise<{ socket: Client; snapshots: () => number }> {
    const socket: Client = connect(s.url, { transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    let snapshots = 0;
    socket.on('snapshot', () => (snapshots += 1));
    await new Promise<void>((resolve) => socket.once('snapshot', () => resolve()));
    return { socket, snapshots: () => snapshots };
  }

  it('keeps /api/health answering and disconnects a socket that sends 20,000 requests', async () => {
    // A hall with something in it, so each snapshot costs what it costs in an office.
    for (let i = 0; i < 60; i += 1) await s.anon.post('/api/tickets', { serviceId: (i % 6) + 1 });
    const { socket, snapshots } = await open();
    const disconnected = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    for (let i = 0; i < 20_000; i += 1) socket.emit('snapshot:request');

    const started = performance.now();
    const health = await fetch(`${s.url}/api/health`);
    const healthMs = performance.now() - started;
    expect(health.status).toBe(200);
    expect(await disconnected).toBe('io server disconnect');
    // Before: 20,000 snapshots, /api/health waited 5.7 s behind them.
    expect(snapshots()).toBeLessThanOrEqual(3);
    expect(healthMs).toBeLessThan(1000);
  });

  it('still answers a client’s gap recovery, at most one snapshot a second and never none', async () => {
    const { socket, snapshots } = await open();
    socket.emit('snapshot:request');
    await expect.poll(snapshots, { timeout: 2000 }).toBe(2);
    const sent = performance.now();
    socket.emit('snapshot:request');
    socket.emit('snapshot:request');
    socket.emit('snapshot:request');
    await expect.poll(snapshots, { timeout: 3000 }).toBe(3);
    // The three folded into one, sent when the second was over.
    expect(performance.now() - sent).toBeGreaterThan(800);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    expect(snapshots()).toBe(3);
    expect(socket.connected).toBe(true);
  });

  it('keeps a screen connected that asks 100 times at once after a burst of events it only partly sees', async () => {
    const { socket, snapshots } = await open();
    for (let i = 0; i < 100; i += 1) socket.emit('snapshot:request');
    await expect.poll(snapshots, { timeout: 3000 }).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(socket.connected).toBe(true);
  });
});
