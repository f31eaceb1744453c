import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';
import { rawRequest } from '../helpers/raw-http.ts';

/** A page of another application on the same host: another port is another origin, but the same site. */
const FOREIGN = 'http://127.0.0.1:5555';

describe('state changes only from the server’s own pages', () => {
  let s: TestServer;
  // An admin works any counter, so the check under test is the only thing that can refuse.
  let signedIn: ApiClient;
  let host: string;
  let ownOrigin: string;

  // A fresh office per test, with a citizen waiting at counter 1: a call-next let through
  // would call them and grow the ledger, so a refusal is seen to change nothing.
  beforeEach(async () => {
    s = await startTestServer();
    signedIn = s.admin;
    host = new URL(s.url).host;
    ownOrigin = new URL(s.url).origin;
    expect((await s.anon.post('/api/tickets', { serviceId: 1 })).status).toBe(201);
  });
  afterEach(() => s.close());

  /** call-next on counter 1 as the signed-in staff member, with the headers a browser would add. */
  const callNext = (headers: Record<string, string>) =>
    rawRequest(s.url, 'POST', '/api/counters/1/call-next', {
      headers: { cookie: signedIn.cookie!, ...headers },
    });

  async function expectRefused(
    send: () => Promise<{ status: number; json: any }>,
    status: number,
    code: string,
  ) {
    const before = s.ledgerLength();
    const res = await send();
    expect(res.status, JSON.stringify(res.json)).toBe(status);
    expect(res.json).toEqual({ error: { code, message: expect.any(String) } });
    expect(s.ledgerLength()).toBe(before);
  }

  it('refuses a bodiless call-next that a page on another port sends with the victim’s cookie', async () => {
    await s.anon.post('/api/tickets', { serviceId: 1 });
    await expectRefused(
      () => callNext({ origin: FOREIGN, 'content-type': 'application/json' }),
      403,
      'cross_origin',
    );
    await expectRefused(() => callNext({ origin: FOREIGN }), 403, 'cross_origin');
    // A sandboxed frame or a redirect across origins says "null".
    await expectRefused(
      () => callNext({ origin: 'null', 'content-type': 'application/json' }),
      403,
      'cross_origin',
    );
    // The right host with the wrong scheme is another origin too.
    await expectRefused(
      () => callNext({ origin: `https://${host}`, 'content-type': 'application/json' }),
      403,
      'cross_origin',
    );
  });

  it('refuses a request whose Sec-Fetch-Site says it came from another site or origin', async () => {
    for (const site of ['same-site', 'cross-site'])
      await expectRefused(
        () => callNext({ 'sec-fetch-site': site, 'content-type': 'application/json' }),
        403,
        'cross_origin',
      );
  });

  it('refuses a state change that does not declare JSON, with a body or without', async () => {
    await expectRefused(() => callNext({ origin: ownOrigin }), 415, 'unsupported_media_type');
    await expectRefused(
      () => callNext({ origin: ownOrigin, 'content-type': 'text/plain' }),
      415,
      'unsupported_media_type',
    );
    await expectRefused(
      () =>
        rawRequest(s.url, 'POST', '/api/tickets', {
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'serviceId=1',
        }),
      415,
      'unsupported_media_type',
    );
    await expectRefused(
      () => rawRequest(s.url, 'DELETE', '/api/session', { headers: { cookie: signedIn.cookie! } }),
      415,
      'unsupported_media_type',
    );
    expect((await signedIn.get('/api/session')).status).toBe(200);
  });

  it('accepts the server’s own pages, and clients that are not browsers', async () => {
    const own = await callNext({ origin: ownOrigin, 'content-type': 'application/json' });
    expect(own.status, own.body).toBe(200);
    await signedIn.post(`/api/tickets/${own.json.ticket.id}/no-show`);

    await s.anon.post('/api/tickets', { serviceId: 1 });
    const fetchMetadata = await callNext({
      'sec-fetch-site': 'same-origin',
      'content-type': 'application/json',
    });
    expect(fetchMetadata.status, fetchMetadata.body).toBe(200);
    await signedIn.post(`/api/tickets/${fetchMetadata.json.ticket.id}/no-show`);

    // curl, a device agent: no Origin, no Sec-Fetch-Site, its own credentials.
    const issued = await rawRequest(s.url, 'POST', '/api/tickets', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 2 }),
    });
    expect(issued.status, issued.body).toBe(201);
  });

  it('refuses a WebSocket or polling handshake from another origin, and takes its own', async () => {
    const attempt = (transport: 'websocket' | 'polling', origin: string) =>
      new Promise<string>((resolve) => {
        const socket = connect(s.url, {
          transports: [transport],
          reconnection: false,
          extraHeaders: { origin },
        });
        socket.once('snapshot', () => {
          socket.close();
          resolve('snapshot');
        });
        socket.once('connect_error', () => {
          socket.close();
          resolve('refused');
        });
      });
    expect(await attempt('websocket', FOREIGN)).toBe('refused');
    expect(await attempt('polling', FOREIGN)).toBe('refused');
    expect(await attempt('websocket', ownOrigin)).toBe('snapshot');
    expect(await attempt('polling', ownOrigin)).toBe('snapshot');

    const handshake = await rawRequest(s.url, 'GET', '/socket.io/?EIO=4&transport=polling', {
      headers: { origin: FOREIGN },
    });
    expect(handshake.status).toBe(403);
    expect(handshake.json).toMatchObject({ message: 'cross_origin' });
  });
});
