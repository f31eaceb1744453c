import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { OfficeUpdatedEvent, PublicSnapshot } from '../../server/contract/contract.ts';
import type { NetworkInterfaces } from '../../server/core/public-address.ts';
import { announcePublicAddress } from '../../server/cli/public-address-announcement.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const LAN: NetworkInterfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [
    { address: 'fe80::1', family: 'IPv6', internal: false },
    { address: '192.168.1.10', family: 'IPv4', internal: false },
  ],
};
const LOOPBACK_ONLY: NetworkInterfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
};

describe('the public address in the ticket QR', () => {
  let s: TestServer;
  let socket: Socket | undefined;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    socket?.disconnect();
    socket = undefined;
    try {
      expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  const snapshot = async (): Promise<PublicSnapshot> => {
    const anon = connect(s.url, { transports: ['websocket'] });
    try {
      return await new Promise<PublicSnapshot>((resolve) => anon.once('snapshot', resolve));
    } finally {
      anon.disconnect();
    }
  };

  it('defaults to the LAN address and port of a server listening on every interface, not loopback', async () => {
    const warning = announcePublicAddress(s.khiu, '0.0.0.0', () => LAN);
    expect(warning).toBeNull();
    const settings = await s.admin.get('/api/settings/public-address');
    expect(settings.status).toBe(200);
    expect(settings.body).toEqual({
      publicBaseUrl: null,
      effective: `http://192.168.1.10:${s.khiu.port}`,
      source: 'lan',
      loopback: false,
      lanAddress: '192.168.1.10',
    });
    expect((await snapshot()).publicBaseUrl).toBe(`http://192.168.1.10:${s.khiu.port}`);
  });

  it('warns, on /admin and at start, when the only address phones could be given is loopback', async () => {
    const warning = announcePublicAddress(s.khiu, '0.0.0.0', () => LOOPBACK_ONLY);
    expect(warning).toBe(
      `warning: ticket QR codes point at http://127.0.0.1:${s.khiu.port}, which no phone can open: this machine has no LAN address; connect it to the office network, or set the address phones use under /admin → Office`,
    );
    const settings = await s.admin.get('/api/settings/public-address');
    expect(settings.body).toMatchObject({ source: 'listener', loopback: true, lanAddress: null });
    expect((await snapshot()).publicBaseUrl).toBe(`http://127.0.0.1:${s.khiu.port}`);
  });

  it('keeps the address a server bound to loopback listens on, with the way out in the warning', () => {
    const warning = announcePublicAddress(s.khiu, '127.0.0.1', () => LAN);
    expect(warning).toMatch(
      /^warning: ticket QR codes point at http:\/\/127\.0\.0\.1:\d+, which no phone can open: start with --host 0\.0\.0\.0 \(this machine's LAN address is 192\.168\.1\.10\)/,
    );
  });

  it('stores the address the office sets, records it in the ledger, tells every screen and puts it in the snapshot', async () => {
    announcePublicAddress(s.khiu, '127.0.0.1', () => LAN);
    socket = connect(s.url, { transports: ['websocket'] });
    await new Promise((resolve) => socket!.once('snapshot', resolve));
    const announced = new Promise<OfficeUpdatedEvent>((resolve) =>
      socket!.once('office:updated', resolve),
    );
    const before = s.ledgerLength();
    const saved = await s.admin.request('PUT', '/api/settings/public-address', {
      publicBaseUrl: 'HTTPS://Khiu.Office.LAN/queue/',
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      publicBaseUrl: 'https://khiu.office.lan/queue',
      effective: 'https://khiu.office.lan/queue',
      source: 'setting',
      loopback: false,
    });
    expect((await announced).seq).toBe(before + 1);
    const entry = s.khiu.db
      .prepare('SELECT type, entity, entity_id AS entityId, data FROM ledger WHERE seq = ?')
      .get(before + 1) as { type: string; entity: string; entityId: string; data: string };
    expect(entry).toMatchObject({
      type: 'setting.changed',
      entity: 'setting',
      entityId: 'publicBaseUrl',
    });
    expect(JSON.parse(entry.data).actor).toMatchObject({ kind: 'user', username: 'admin' });
    const fresh = new Promise<PublicSnapshot>((resolve) => socket!.once('snapshot', resolve));
    socket.emit('snapshot:request');
    expect((await fresh).publicBaseUrl).toBe('https://khiu.office.lan/queue');

    // null goes back to the default.
    const cleared = await s.admin.request('PUT', '/api/settings/public-address', {
      publicBaseUrl: null,
    });
    expect(cleared.body).toMatchObject({ publicBaseUrl: null, source: 'listener', loopback: true });
    expect((await snapshot()).publicBaseUrl).toBe(`http://127.0.0.1:${s.khiu.port}`);
  });

  it('refuses an address that is not one, and changes nothing', async () => {
    expect(
      (
        await s.admin.request('PUT', '/api/settings/public-address', {
          publicBaseUrl: 'http://192.168.1.10:8080',
        })
      ).status,
    ).toBe(200);
    const before = s.ledgerLength();
    const bad = [
      'khiu.office.lan',
      'ftp://192.168.1.10',
      'http://user:secret@192.168.1.10',
      'http://192.168.1.10/?x=1',
      'http://192.168.1.10/#top',
      'http://192.168.1.10/t/abc',
      'http://192.168.1.10/a b',
      'https://queue.municipality-example.go.th',
      '',
    ];
    for (const publicBaseUrl of bad) {
      const res = await s.admin.request('PUT', '/api/settings/public-address', { publicBaseUrl });
      expect(res.status, publicBaseUrl).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect((await s.admin.request('PUT', '/api/settings/public-address', {})).status).toBe(400);
    expect(s.ledgerLength()).toBe(before);
    expect((await s.admin.get('/api/settings/public-address')).body.publicBaseUrl).toBe(
      'http://192.168.1.10:8080',
    );
  });

  it('lets only an admin read or change it', async () => {
    const manager = await s.userWithRole('manager');
    const body = { publicBaseUrl: 'http://10.0.0.5' };
    expect((await s.anon.request('PUT', '/api/settings/public-address', body)).status).toBe(401);
    expect((await manager.request('PUT', '/api/settings/public-address', body)).status).toBe(403);
    expect((await manager.get('/api/settings/public-address')).status).toBe(403);
  });
});
