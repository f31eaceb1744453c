import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Station } from '../../server/contract/contract.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { openSocket, pairStation, pairedBrowser } from '../helpers/stations.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('pairing stations', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('pairs a station with a token shown once, keeps only its SHA-256, and records it in the ledger', async () => {
    const before = s.ledgerLength();
    const res = await s.admin.post('/api/stations', { name: 'kiosk-1', kind: 'kiosk' });
    expect(res.status).toBe(201);
    const { station, token, pairingPath } = res.body;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(station).toEqual({
      id: expect.any(Number),
      name: 'kiosk-1',
      kind: 'kiosk',
      counterId: null,
      buttonCounterIds: [],
      path: '/kiosk',
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(pairingPath).toBe(`/pair?token=${token}&next=%2Fkiosk`);

    const row = s.khiu.db.prepare('SELECT * FROM stations WHERE id = ?').get(station.id) as {
      token_hash: string;
    };
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(s.khiu.db.prepare('SELECT * FROM stations').all())).not.toContain(token);
    const entry = s.khiu.db
      .prepare('SELECT type, data FROM ledger WHERE seq = ?')
      .get(before + 1) as {
      type: string;
      data: string;
    };
    expect(entry.type).toBe('station.added');
    expect(entry.data).not.toContain(token);
    expect((await s.admin.get('/api/ledger/verify')).body.ok).toBe(true);

    const listed = await s.admin.get<Station[]>('/api/stations');
    expect(listed.body.find((x) => x.id === station.id)).toEqual(station);
    expect(JSON.stringify(listed.body)).not.toContain(token);
    expect(JSON.stringify(listed.body)).not.toContain(sha256(token));
  });

  it('names the counter of a rating station and the button boxes of an agent, and nothing else', async () => {
    const rating = await s.admin.post('/api/stations', {
      name: 'rating-3',
      kind: 'rating',
      counterId: 3,
    });
    expect(rating.body.station).toMatchObject({ counterId: 3, path: '/rate/3' });
    const agent = await s.admin.post('/api/stations', {
      name: 'counter-pc-2',
      kind: 'agent',
      buttonCounterIds: [2],
    });
    expect(agent.body).toMatchObject({
      station: { buttonCounterIds: [2], path: null },
      pairingPath: null,
    });

    const manager = await s.userWithRole('manager');
    const before = s.ledgerLength();
    for (const [body, status, code] of [
      [{ name: 'rating-x', kind: 'rating' }, 400, 'invalid_input'],
      [{ name: 'kiosk-9', kind: 'kiosk', counterId: 1 }, 400, 'invalid_input'],
      [
        { name: 'rating-9', kind: 'rating', counterId: 1, buttonCounterIds: [1] },
        400,
        'invalid_input',
      ],
      [{ name: 'kiosk 9', kind: 'kiosk' }, 400, 'invalid_input'],
      [{ name: 'kiosk-9', kind: 'printer' }, 400, 'invalid_input'],
      [{ name: 'rating-99', kind: 'rating', counterId: 999 }, 404, 'not_found'],
      [{ name: 'rating-3', kind: 'rating', counterId: 3 }, 409, 'duplicate_station'],
    ] as const) {
      const res = await s.admin.post('/api/stations', body);
      expect({ body, status: res.status, code: res.body.error.code }).toEqual({
        body,
        status,
        code,
      });
    }
    expect((await manager.post('/api/stations', { name: 'kiosk-9', kind: 'kiosk' })).status).toBe(
      403,
    );
    expect((await manager.get('/api/stations')).status).toBe(403);
    expect((await s.anon.post('/api/stations', { name: 'kiosk-9', kind: 'kiosk' })).status).toBe(
      401,
    );
    expect(s.ledgerLength()).toBe(before);
  });

  it('revokes a station in the ledger: its token is then refused and its open socket closed', async () => {
    const agent = await pairStation(s, { name: 'kiosk-5', kind: 'agent' });
    expect((await agent.client.get('/api/station')).body.station.name).toBe('kiosk-5');
    const { socket } = await openSocket(s.url, { token: agent.token });
    const closed = new Promise((resolve) => socket.once('disconnect', resolve));

    const before = s.ledgerLength();
    const revoked = await s.admin.request('DELETE', `/api/stations/${agent.station.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.station.revokedAt).toEqual(expect.any(String));
    expect(s.ledgerLength()).toBe(before + 1);
    expect(await closed).toBe('io server disconnect');

    const refused = await agent.client.get('/api/station');
    expect(refused).toMatchObject({ status: 401, body: { error: { code: 'station_required' } } });
    await expect(openSocket(s.url, { token: agent.token })).rejects.toThrow('station_required');
    expect((await s.admin.request('DELETE', `/api/stations/${agent.station.id}`)).status).toBe(409);
    expect((await s.admin.request('DELETE', '/api/stations/9999')).status).toBe(404);
    // A revoked name may be paired again, with a new token.
    expect((await s.admin.post('/api/stations', { name: 'kiosk-5', kind: 'agent' })).status).toBe(
      201,
    );
    expect((await s.admin.get('/api/ledger/verify')).body.ok).toBe(true);
  });
});

describe('pairing a browser with /pair', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  const open = (path: string) => fetch(s.url + path, { redirect: 'manual' });

  it('sets a long-lived HttpOnly SameSite=Strict station cookie and sends the browser on to its page', async () => {
    const { token, pairingPath } = await pairStation(s, { name: 'kiosk-1', kind: 'kiosk' });
    const res = await open(pairingPath!);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/kiosk');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(new RegExp(`^khiu_station=${token}; `));
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toContain('Path=/');
    expect(Number(/Max-Age=(\d+)/.exec(cookie)![1])).toBeGreaterThan(365 * 24 * 3600);

    const browser = pairedBrowser(s.url, token);
    const me = await browser.get('/api/station');
    expect(me.body.station).toMatchObject({ name: 'kiosk-1', kind: 'kiosk' });
    // Every visit renews the cookie.
    expect(me.headers.get('set-cookie')).toMatch(/^khiu_station=/);

    const elsewhere = await open(
      `/pair?token=${token}&next=${encodeURIComponent('/display?lang=en')}`,
    );
    expect(elsewhere.headers.get('location')).toBe('/display?lang=en');
  });

  it('never sends the browser to another site, however the next page is written', async () => {
    const { token } = await pairStation(s, { name: 'kiosk-2', kind: 'kiosk' });
    for (const next of [
      '//evil.example/',
      '/\\evil.example/',
      '\\\\evil.example',
      'https://evil.example/kiosk',
      '/\t/evil.example',
      'javascript:alert(1)',
      'kiosk',
    ]) {
      const res = await open(`/pair?token=${token}&next=${encodeURIComponent(next)}`);
      expect({ next, status: res.status, location: res.headers.get('location') }).toEqual({
        next,
        status: 400,
        location: null,
      });
      expect(res.headers.get('set-cookie')).toBeNull();
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    }
  });

  it('pairs nothing with an unknown, revoked or agent token', async () => {
    const agent = await pairStation(s, { name: 'kiosk-3', kind: 'agent' });
    const kiosk = await pairStation(s, { name: 'kiosk-3', kind: 'kiosk' });
    await s.admin.request('DELETE', `/api/stations/${kiosk.station.id}`);
    for (const [path, status] of [
      [`/pair?token=${'x'.repeat(43)}&next=%2Fkiosk`, 401],
      ['/pair?next=%2Fkiosk', 401],
      [kiosk.pairingPath!, 401],
      [`/pair?token=${agent.token}&next=%2Fkiosk`, 400],
    ] as const) {
      const res = await open(path);
      expect({ path, status: res.status }).toEqual({ path, status });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
    const stranger = new ApiClient(s.url);
    expect((await stranger.get('/api/station')).body.error.code).toBe('station_required');
  });
});
