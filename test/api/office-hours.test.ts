import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type {
  OfficeHours,
  OfficeUpdatedEvent,
  PublicSnapshot,
} from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

/** Monday 30 November 2026, 10:00 in Bangkok. */
const MONDAY_10 = Date.parse('2026-11-30T10:00:00+07:00');
const day = (open: string, close: string) => ({ open, close });
const weekdays = [
  day('08:30', '16:30'),
  day('08:30', '16:30'),
  day('08:30', '16:30'),
  day('08:30', '16:30'),
  day('08:30', '16:30'),
  day('09:00', '12:00'),
  null,
];

describe('office hours setting', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer({ clock: new ManualClock(MONDAY_10) });
  });
  afterEach(async () => {
    try {
      expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  it('starts a new office with no hours, so it issues at any time', async () => {
    expect((await s.admin.get('/api/settings/office-hours')).body).toEqual({ officeHours: null });
  });

  it('stores the hours in the ledger, tells every screen, and the next snapshot carries them', async () => {
    const socket = connect(s.url, { transports: ['websocket'] });
    await new Promise((resolve) => socket.once('snapshot', resolve));
    const announced = new Promise<OfficeUpdatedEvent>((resolve) =>
      socket.once('office:updated', resolve),
    );
    const before = s.ledgerLength();
    const put = await s.admin.request('PUT', '/api/settings/office-hours', {
      officeHours: { weekdays, lastTicket: '16:00', serviceLastTicket: [] },
    });
    const expected: OfficeHours = {
      weekdays,
      lastTicket: '16:00',
      serviceLastTicket: [],
      holidays: [],
    };
    expect(put).toMatchObject({ status: 200, body: { officeHours: expected } });
    expect((await announced).seq).toBe(before + 1);
    expect(s.ledgerLength()).toBe(before + 1);
    const fresh = new Promise<PublicSnapshot>((resolve) => socket.once('snapshot', resolve));
    socket.emit('snapshot:request');
    const snapshot = await fresh;
    expect(snapshot.issuing?.officeHours).toEqual(expected);
    // 10:00 on a Monday: everything issues until the last ticket at 16:00, six hours on.
    expect(snapshot.issuing?.officeOpensAt).toBeNull();
    expect(snapshot.issuing?.changesInMs).toBe(6 * 3_600_000);
    expect(snapshot.issuing?.services.every((a) => a.unavailable === null)).toBe(true);
    socket.disconnect();
    expect((await s.admin.get('/api/settings/office-hours')).body).toEqual({
      officeHours: expected,
    });
  });

  it('clears the hours with null', async () => {
    await s.admin.request('PUT', '/api/settings/office-hours', {
      officeHours: { weekdays, lastTicket: null },
    });
    const cleared = await s.admin.request('PUT', '/api/settings/office-hours', {
      officeHours: null,
    });
    expect(cleared).toMatchObject({ status: 200, body: { officeHours: null } });
  });

  it('refuses hours that are not hours with 400 and changes nothing', async () => {
    const good = { weekdays, lastTicket: '16:00' };
    await s.admin.request('PUT', '/api/settings/office-hours', { officeHours: good });
    const stored = (await s.admin.get('/api/settings/office-hours')).body;
    const before = s.ledgerLength();
    const bad: unknown[] = [
      { weekdays: weekdays.slice(0, 6) },
      { weekdays: [day('16:30', '08:30'), ...weekdays.slice(1)] },
      { weekdays: [day('8:30', '16:30'), ...weekdays.slice(1)] },
      { weekdays: [day('24:00', '24:00'), ...weekdays.slice(1)] },
      { ...good, lastTicket: '25:00' },
      { ...good, serviceLastTicket: [{ serviceId: 999, lastTicket: '15:00' }] },
      {
        ...good,
        serviceLastTicket: [
          { serviceId: 1, lastTicket: '15:00' },
          { serviceId: 1, lastTicket: '14:00' },
        ],
      },
      { ...good, holidays: ['2026-02-30'] },
      { ...good, holidays: ['2026-12-07', '2026-12-07'] },
    ];
    for (const officeHours of bad) {
      const res = await s.admin.request('PUT', '/api/settings/office-hours', { officeHours });
      expect(res, JSON.stringify(officeHours)).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_input' } },
      });
    }
    expect((await s.admin.request('PUT', '/api/settings/office-hours', {})).status).toBe(400);
    expect(s.ledgerLength()).toBe(before);
    expect((await s.admin.get('/api/settings/office-hours')).body).toEqual(stored);
  });

  it('lets only an administrator set the hours', async () => {
    const manager = await s.userWithRole('manager');
    const body = { officeHours: null };
    expect((await s.anon.request('PUT', '/api/settings/office-hours', body)).status).toBe(401);
    expect((await manager.request('PUT', '/api/settings/office-hours', body)).status).toBe(403);
  });
});
