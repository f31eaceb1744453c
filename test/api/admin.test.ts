import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type {
  OfficeUpdatedEvent,
  ProfilesUpdatedEvent,
  PublicSnapshot,
} from '../../server/contract/contract.ts';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

describe('setting up the office', () => {
  let s: TestServer;
  let staff: ApiClient;
  // A fresh office per test: one test's service G, counter 4 or rule is not another's.
  beforeEach(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', undefined, 2);
  });
  afterEach(async () => {
    try {
      // Whatever the test changed, the ledger holds.
      expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  const newService = {
    code: 'G',
    name: { th: 'ขอใบอนุญาตจำหน่ายสินค้าในที่สาธารณะ', en: 'Street vending permit' },
    steps: [
      {
        title: { th: 'รับคำขอ', en: 'Receive the application' },
        minutes: 5,
        responsible: 'งานเทศกิจ',
      },
      {
        title: { th: 'ออกใบอนุญาต', en: 'Issue the permit' },
        minutes: 10,
        responsible: 'หัวหน้าสำนักปลัด',
      },
    ],
    fee: 0,
    targetWaitMinutes: 15,
  };

  it('adds a service with numbered steps and an explicit zero fee, recorded in the ledger', async () => {
    const before = s.ledgerLength();
    const res = await s.admin.post('/api/services', newService);
    expect(res.status).toBe(201);
    expect(res.body.service).toMatchObject({
      code: 'G',
      fee: 0,
      standardMinutes: 15,
      active: true,
      documents: [],
      feeNote: null,
    });
    expect(res.body.service.steps.map((step: { order: number }) => step.order)).toEqual([1, 2]);
    expect(s.ledgerLength()).toBe(before + 1);
  });

  it('edits the posted steps and deactivates a service so the kiosk cannot issue for it', async () => {
    expect((await s.admin.post('/api/services', newService)).status).toBe(201);
    const id = (await s.anon.get('/api/services')).body.find(
      (x: { code: string }) => x.code === 'G',
    ).id;
    const edited = await s.admin.request('PATCH', `/api/services/${id}`, {
      steps: [newService.steps[1]],
      active: false,
    });
    expect(edited.body.service).toMatchObject({ standardMinutes: 10, active: false });
    expect(await s.anon.post('/api/tickets', { serviceId: id })).toMatchObject({
      status: 409,
      body: { error: { code: 'service_inactive' } },
    });
  });

  it('renames a counter and changes what it serves', async () => {
    const res = await s.admin.request('PATCH', '/api/counters/4', {
      name: 'ช่องบริการ 4 (ผู้สูงอายุ)',
      serviceIds: [3],
    });
    expect(res.body.counter).toMatchObject({ id: 4, name: 'ช่องบริการ 4 (ผู้สูงอายุ)', serviceIds: [3] });
  });

  it('lets staff pause a counter with a reason and open it again', async () => {
    const paused = await staff.post('/api/counters/2/status', {
      status: 'paused',
      reason: 'พักกลางวัน',
    });
    expect(paused.body.counter).toMatchObject({ status: 'paused', pauseReason: 'พักกลางวัน' });
    expect(await staff.post('/api/counters/2/call-next')).toMatchObject({
      status: 409,
      body: { error: { code: 'counter_not_open' } },
    });
    expect(
      (await staff.post('/api/counters/2/status', { status: 'open' })).body.counter,
    ).toMatchObject({ status: 'open', pauseReason: null });
  });

  it('changes the published rule and refuses a prefix that clashes with a service code', async () => {
    const rule = {
      timeZone: 'Asia/Bangkok',
      priority: { prefix: 'Q', everyNormal: 2 },
      recallLimit: 2,
    };
    const res = await s.admin.request('PUT', '/api/queue/rule', rule);
    expect(res.body).toMatchObject({ priority: { prefix: 'Q', everyNormal: 2 }, recallLimit: 2 });
    expect(
      (await s.anon.post('/api/tickets', { serviceId: 1, priority: 'pregnant' })).body.ticket
        .number,
    ).toBe('QA001');
    const clash = await s.admin.request('PUT', '/api/queue/rule', {
      ...rule,
      priority: { prefix: 'A', everyNormal: 2 },
    });
    expect(clash).toMatchObject({ status: 409, body: { error: { code: 'prefix_clash' } } });
    expect(
      (await s.admin.request('PUT', '/api/queue/rule', { ...rule, timeZone: 'Mars/Olympus' }))
        .status,
    ).toBe(400);
  });

  it('manages users, and an admin cannot lock themselves out', async () => {
    const created = await s.admin.post('/api/users', {
      username: 'malee',
      role: 'manager',
      password: 'long-enough-1',
    });
    expect(created).toMatchObject({
      status: 201,
      body: { user: { username: 'malee', role: 'manager', active: true } },
    });
    expect(JSON.stringify(created.body)).not.toMatch(/scrypt/);
    expect(
      (
        await s.admin.post('/api/users', {
          username: 'malee',
          role: 'staff',
          password: 'long-enough-1',
        })
      ).status,
    ).toBe(409);
    expect(
      (await s.admin.post('/api/users', { username: 'short', role: 'staff', password: '123' })).body
        .error.code,
    ).toBe('password_too_short');
    const me = (await s.admin.get('/api/users')).body.find(
      (u: { username: string }) => u.username === 'admin',
    );
    expect((await s.admin.request('PATCH', `/api/users/${me.id}`, { active: false })).status).toBe(
      409,
    );
  });

  it('tells every open screen when an office setting changes, and its next snapshot carries it', async () => {
    const socket = connect(s.url, { transports: ['websocket'] });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const announced = new Promise<OfficeUpdatedEvent>((resolve) =>
      socket.once('office:updated', resolve),
    );
    const before = s.ledgerLength();
    const name = { th: 'เทศบาลตำบลบ้านใหม่', en: 'Ban Mai Subdistrict Municipality' };
    expect((await s.admin.request('PUT', '/api/office', name)).status).toBe(200);
    expect((await announced).seq).toBe(before + 1);
    const fresh = new Promise<PublicSnapshot>((resolve) => socket.once('snapshot', resolve));
    socket.emit('snapshot:request');
    expect((await fresh).officeName).toEqual(name);
    socket.disconnect();
  });

  it('keeps the office printer and display profiles, refuses wrong ones, and tells the agents', async () => {
    const socket = connect(s.url, { transports: ['websocket'] });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const announced = new Promise<ProfilesUpdatedEvent>((resolve) =>
      socket.once('profiles:updated', resolve),
    );
    const profiles = {
      printers: [
        {
          name: 'xprinter-80-thai',
          description: 'XP-80 ที่ห้องโถง',
          paperWidthMm: 80,
          printWidthDots: 576,
          columns: 48,
          thaiMode: 'text',
          codepage: 255,
        },
      ],
      displays: [{ name: 'hall-led', protocol: 'led-stx', address: 2, digits: 4 }],
    };
    const before = s.ledgerLength();
    const saved = await s.admin.request('PUT', '/api/device-profiles', profiles);
    expect(saved.status).toBe(200);
    expect(saved.body.displays[0]).toEqual({
      name: 'hall-led',
      description: '',
      protocol: 'led-stx',
      address: 2,
      digits: 4,
      template: null,
    });
    expect((await announced).profiles.printers[0]).toMatchObject({
      name: 'xprinter-80-thai',
      codepage: 255,
    });
    expect(s.ledgerLength()).toBe(before + 1);
    expect((await s.anon.get('/api/device-profiles')).body).toEqual(saved.body);
    socket.disconnect();

    const textWithoutPage = {
      ...profiles,
      printers: [{ ...profiles.printers[0], codepage: null }],
    };
    expect(
      (await s.admin.request('PUT', '/api/device-profiles', textWithoutPage)).body.error.message,
    ).toMatch(/code page/);
    const twice = { ...profiles, displays: [profiles.displays[0], profiles.displays[0]] };
    expect((await s.admin.request('PUT', '/api/device-profiles', twice)).status).toBe(400);
    const templateWithoutFrame = { ...profiles, displays: [{ name: 'x', protocol: 'template' }] };
    expect(
      (await s.admin.request('PUT', '/api/device-profiles', templateWithoutFrame)).status,
    ).toBe(400);
    expect((await staff.request('PUT', '/api/device-profiles', profiles)).status).toBe(403);
    expect(s.ledgerLength()).toBe(before + 1);
  });
});
