import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { MUNICIPAL_OFFICE_HOURS } from '../../server/core/office-hours.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const at = (local: string): number => Date.parse(`${local}+07:00`);

/**
 * The default office: counter 1 serves A and F, counter 2 B and D, counter 3 C and E,
 * counter 4 D, E, A and C. So B is counter 2's alone.
 */
describe('the kiosk issues no ticket nobody will serve', () => {
  let s: TestServer;
  let clock: ManualClock;
  let ids: Record<string, number>;
  beforeEach(async () => {
    clock = new ManualClock(at('2026-11-30T10:00:00'));
    s = await startTestServer({ clock });
    const services = (await s.anon.get('/api/services')).body as { id: number; code: string }[];
    ids = Object.fromEntries(services.map((x) => [x.code, x.id]));
  });
  afterEach(async () => {
    try {
      // The clock moves days ahead here, past any session: the ledger is checked directly.
      expect(s.khiu.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  const issue = (code: string, clientRequestId?: string) =>
    s.anon.post('/api/tickets', {
      serviceId: ids[code],
      ...(clientRequestId ? { clientRequestId } : {}),
    });
  const setHours = async (hours: unknown) =>
    expect(
      (await s.admin.request('PUT', '/api/settings/office-hours', { officeHours: hours })).status,
    ).toBe(200);

  it('refuses a service whose only counter is closed, consuming no number and recording nothing', async () => {
    await s.admin.post('/api/counters/2/status', { status: 'closed' });
    const before = s.ledgerLength();
    const refused = await issue('B', 'tap-1');
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('service_unavailable');
    expect(refused.body.error.message).toMatch(/closed/);
    expect(s.ledgerLength()).toBe(before);
    // D is also counter 4's: it still issues.
    expect((await issue('D')).status).toBe(201);
    await s.admin.post('/api/counters/2/status', { status: 'open' });
    // The same tap again now gets a ticket, and the refused one took no number.
    const issued = await issue('B', 'tap-1');
    expect(issued).toMatchObject({ status: 201, body: { ticket: { number: 'B001' } } });
  });

  it('tells the reason of a paused counter', async () => {
    await s.admin.post('/api/counters/2/status', { status: 'paused', reason: 'พักกลางวัน' });
    const refused = await issue('B');
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'service_unavailable' } },
    });
    expect(refused.body.error.message).toContain('พักกลางวัน');
  });

  it('lets signed-in staff still issue, recording what they overrode', async () => {
    await s.admin.post('/api/counters/2/status', { status: 'closed' });
    const staff = await s.userWithRole('staff', undefined, 1);
    const issued = await staff.post('/api/tickets', { serviceId: ids.B });
    expect(issued.status).toBe(201);
    const entries = s.khiu.office.ctx.store.ledger.entriesOfTicket(issued.body.ticket.id);
    expect(entries[0]).toMatchObject({
      type: 'ticket.issued',
      data: { actor: { kind: 'user' }, details: { overrode: 'counters_closed' } },
    });
  });

  it('refuses outside office hours with when the office opens, and issues once it has', async () => {
    await setHours(MUNICIPAL_OFFICE_HOURS);
    clock.set(at('2026-12-05T04:05:00')); // a Saturday
    const before = s.ledgerLength();
    const refused = await issue('A');
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'office_closed' } } });
    expect(refused.body.error.message).toContain('2026-12-07T08:30:00.000+07:00');
    expect(s.ledgerLength()).toBe(before);
    clock.set(at('2026-12-07T08:30:00'));
    expect((await issue('A')).status).toBe(201);
  });

  it('stops a service at its own last ticket while the others still issue', async () => {
    await setHours({
      ...MUNICIPAL_OFFICE_HOURS,
      serviceLastTicket: [{ serviceId: ids.B, lastTicket: '15:00' }],
    });
    clock.set(at('2026-11-30T15:30:00'));
    const refused = await issue('B');
    expect(refused).toMatchObject({
      status: 409,
      body: { error: { code: 'service_closed_for_today' } },
    });
    expect(refused.body.error.message).toContain('2026-12-01T08:30:00.000+07:00');
    expect((await issue('A')).status).toBe(201);
    clock.set(at('2026-11-30T16:00:00'));
    expect((await issue('A')).body.error.code).toBe('service_closed_for_today');
  });

  it('shows the kiosk in the snapshot which services issue and why not', async () => {
    await setHours({
      ...MUNICIPAL_OFFICE_HOURS,
      serviceLastTicket: [{ serviceId: ids.C, lastTicket: '09:30' }],
    });
    await s.admin.post('/api/counters/2/status', { status: 'paused', reason: 'ประชุม' });
    const snapshot = s.khiu.office.views.snapshot();
    const of = (code: string) => snapshot.issuing?.services.find((a) => a.serviceId === ids[code]);
    expect(of('A')).toEqual({
      serviceId: ids.A,
      unavailable: null,
      pauseReason: null,
      opensAt: null,
    });
    expect(of('B')).toMatchObject({ unavailable: 'counters_paused', pauseReason: 'ประชุม' });
    expect(of('C')).toMatchObject({
      unavailable: 'service_closed_for_today',
      opensAt: '2026-12-01T08:30:00.000+07:00',
    });
    clock.set(at('2026-12-04T17:00:00')); // Friday after closing
    const closed = s.khiu.office.views.snapshot().issuing;
    expect(closed?.officeOpensAt).toBe('2026-12-07T08:30:00.000+07:00');
    expect(closed?.services.every((a) => a.unavailable === 'office_closed')).toBe(true);
    // Nothing changes until Saturday's midnight.
    expect(closed?.changesInMs).toBe(7 * 3_600_000);
  });
});
