import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_ANONYMOUS_RATE } from '../../server/api/anonymous-rate-limit.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { rawRequest, type RawResponse } from '../helpers/raw-http.ts';

const BURST = DEFAULT_ANONYMOUS_RATE.burst;

/** Anonymous endpoints under the default limit: 5 a second per address and endpoint, bursts of 20. */
describe('rate limits on the anonymous endpoints', () => {
  let s: TestServer;

  // A fresh server per test: its buckets are full, whatever another test spent.
  beforeEach(async () => {
    s = await startTestServer({ anonymousRate: DEFAULT_ANONYMOUS_RATE });
  });
  afterEach(() => s.close());

  const post = (path: string, body: unknown): Promise<RawResponse> =>
    rawRequest(s.url, 'POST', path, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  /** Sends `count` requests at once; returns the statuses in the order they were answered. */
  async function flood(count: number, send: () => Promise<RawResponse>): Promise<RawResponse[]> {
    return Promise.all(Array.from({ length: count }, send));
  }

  it('issues a burst of tickets from one address, then answers 429 with Retry-After and issues nothing more', async () => {
    const before = s.ledgerLength();
    const answers = await flood(BURST * 3, () => post('/api/tickets', { serviceId: 1 }));
    const issued = answers.filter((a) => a.status === 201);
    const limited = answers.filter((a) => a.status === 429);
    // A few tokens come back while the flood is answered: 5 a second.
    expect(issued.length).toBeGreaterThanOrEqual(BURST);
    expect(issued.length).toBeLessThan(BURST + 10);
    expect(issued.length + limited.length).toBe(answers.length);
    expect(limited[0]!.json).toEqual({
      error: { code: 'rate_limited', message: expect.any(String) },
    });
    expect(Number(limited[0]!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(s.ledgerLength() - before).toBe(issued.length);
  });

  it('gives the address its requests back as time passes', async () => {
    await flood(BURST * 2, () => post('/api/tickets', { serviceId: 2 }));
    expect((await post('/api/tickets', { serviceId: 2 })).status).toBe(429);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await post('/api/tickets', { serviceId: 2 })).status).toBe(201);
  });

  it('limits ratings, print reports, device reports and sign-ins per address as well', async () => {
    const endpoints: [string, unknown][] = [
      ['/api/tickets/AAAAAAAAAAAA/rating', { score: 5 }],
      ['/api/counters/1/rating', { score: 5 }],
      [
        '/api/tickets/AAAAAAAAAAAA/print-report',
        { station: 'kiosk-1', outcome: 'printed', reprint: false },
      ],
      ['/api/devices/report', { station: 'kiosk-1', devices: [] }],
      ['/api/session', { username: 'nobody', password: 'wrong-password' }],
    ];
    for (const [path, body] of endpoints) {
      const answers = await flood(BURST * 2, () => post(path, body));
      // Whatever the endpoint answered the first (404, 401, 204 ...), the rest were not let in.
      expect(
        answers.filter((a) => a.status === 429).length,
        `${path}: ${answers.map((a) => a.status).join(',')}`,
      ).toBeGreaterThanOrEqual(BURST - 10);
    }
  });

  it('keeps each endpoint’s bucket apart, so a flood of device reports does not stop the kiosk', async () => {
    await flood(BURST * 2, () => post('/api/devices/report', { station: 'kiosk-9', devices: [] }));
    expect((await post('/api/tickets', { serviceId: 3 })).status).toBe(201);
    // Signed-in and read-only requests are not limited by it.
    expect((await s.admin.get('/api/queue')).status).toBe(200);
  });
});
