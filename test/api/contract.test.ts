import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/;

describe('the public contract over HTTP', () => {
  let s: TestServer;
  let staff: ApiClient;
  let manager: ApiClient;
  // A fresh office per test: each test counts tickets, numbers and counters from the start.
  beforeEach(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', undefined, 3);
    manager = await s.userWithRole('manager');
  });
  afterEach(() => s.close());

  it('answers health', async () => {
    expect(await s.anon.get('/api/health')).toMatchObject({ status: 200, body: { ok: true } });
  });

  it('lists the posted services with steps, documents and fee', async () => {
    const { status, body } = await s.anon.get('/api/services');
    expect(status).toBe(200);
    expect(body).toHaveLength(6);
    const land = body[0];
    expect(land).toMatchObject({
      id: expect.any(Number),
      code: 'A',
      name: { th: 'ชำระภาษีที่ดินและสิ่งปลูกสร้าง', en: expect.any(String) },
      fee: 0,
      active: true,
    });
    expect(land.steps[0]).toEqual({
      order: 1,
      title: { th: expect.any(String), en: expect.any(String) },
      minutes: 5,
      responsible: expect.any(String),
    });
    expect(land.standardMinutes).toBe(
      land.steps.reduce((sum: number, step: { minutes: number }) => sum + step.minutes, 0),
    );
    expect(land.documents.length).toBeGreaterThan(0);
  });

  it('lists counters and lets an admin add one', async () => {
    const before = await s.anon.get('/api/counters');
    expect(before.body).toHaveLength(4);
    expect(before.body[0]).toEqual({
      id: expect.any(Number),
      name: expect.any(String),
      number: 1,
      serviceIds: expect.any(Array),
      status: 'open',
      pauseReason: null,
    });
    const created = await s.admin.post('/api/counters', {
      name: 'ช่องบริการ 5',
      number: 5,
      serviceIds: [1, 2],
    });
    expect(created).toMatchObject({
      status: 201,
      body: { counter: { name: 'ช่องบริการ 5', number: 5, serviceIds: [1, 2], status: 'open' } },
    });
  });

  it('walks a ticket from the kiosk to a rating, and the manager finds it all', async () => {
    const issued = await s.anon.post('/api/tickets', { serviceId: 3 });
    expect(issued.status).toBe(201);
    const ticket = issued.body.ticket;
    expect(ticket).toMatchObject({
      id: expect.any(String),
      number: 'C001',
      serviceId: 3,
      status: 'waiting',
      priority: null,
      ahead: 0,
    });
    expect(ticket.issuedAt).toMatch(ISO_WITH_OFFSET);

    const called = await staff.post('/api/counters/3/call-next', {});
    expect(called).toMatchObject({
      status: 200,
      body: { ticket: { id: ticket.id, status: 'called', counterId: 3 } },
    });
    const status = await s.anon.get(`/api/tickets/${ticket.id}`);
    expect(status.body).toMatchObject({
      ticket: { status: 'called' },
      counter: { id: 3, number: 3 },
    });

    expect((await staff.post(`/api/tickets/${ticket.id}/start`)).status).toBe(200);
    expect((await staff.post(`/api/tickets/${ticket.id}/finish`)).body.ticket.finishedAt).toMatch(
      ISO_WITH_OFFSET,
    );
    expect(await s.anon.post(`/api/tickets/${ticket.id}/rating`, { score: 5 })).toMatchObject({
      status: 201,
    });

    const today = ticket.issuedAt.slice(0, 10);
    const listing = await manager.get(`/api/tickets?from=${today}&to=${today}`);
    expect(listing.status).toBe(200);
    const row = listing.body.find((t: { id: string }) => t.id === ticket.id);
    expect(row).toMatchObject({
      status: 'done',
      counterId: 3,
      priority: null,
      outOfTurn: false,
      rating: 5,
      staff: 'staff1',
    });
    for (const field of ['issuedAt', 'calledAt', 'startedAt', 'finishedAt'])
      expect(row[field]).toMatch(ISO_WITH_OFFSET);
  });

  it('answers 204 to call-next when nobody waits', async () => {
    await staff.chooseCounter(2);
    const res = await staff.post('/api/counters/2/call-next');
    expect(res.status).toBe(204);
  });

  it('shows public queue counts and the latest calls', async () => {
    await s.anon.post('/api/tickets', { serviceId: 3 });
    expect((await staff.post('/api/counters/3/call-next')).status).toBe(200);
    await s.anon.post('/api/tickets', { serviceId: 4 });
    const { body } = await s.anon.get('/api/queue');
    expect(body.services.find((q: { serviceId: number }) => q.serviceId === 4)).toMatchObject({
      code: 'D',
      waiting: 1,
    });
    expect(body.latestCalls[0]).toMatchObject({
      ticket: { number: 'C001' },
      counter: { number: 3 },
    });
  });

  it('publishes the calling rule to anyone', async () => {
    const { body } = await s.anon.get('/api/queue/rule');
    expect(body).toMatchObject({
      priority: { prefix: 'P', everyNormal: 3, kinds: ['elderly', 'disabled', 'pregnant'] },
      recallLimit: 3,
      timeZone: 'Asia/Bangkok',
    });
    expect(body.description.th).toContain('ใครมาก่อนได้ก่อน');
  });

  it('returns the first answer to a retried ticket request and issues nothing new', async () => {
    const first = await s.anon.post('/api/tickets', {
      serviceId: 5,
      clientRequestId: 'kiosk-1:0001',
    });
    const length = s.ledgerLength();
    const retry = await s.anon.post('/api/tickets', {
      serviceId: 5,
      clientRequestId: 'kiosk-1:0001',
    });
    expect(retry.body).toEqual(first.body);
    expect(s.ledgerLength()).toBe(length);
    const reused = await s.anon.post('/api/tickets', {
      serviceId: 6,
      clientRequestId: 'kiosk-1:0001',
    });
    expect(reused).toMatchObject({
      status: 409,
      body: { error: { code: 'client_request_reused' } },
    });
  });

  it('returns the first answer to a retried call-next', async () => {
    await s.anon.post('/api/tickets', { serviceId: 6 });
    await staff.chooseCounter(1);
    const first = await staff.post('/api/counters/1/call-next', { clientRequestId: 'c1-press-1' });
    const retry = await staff.post('/api/counters/1/call-next', { clientRequestId: 'c1-press-1' });
    expect(first.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });

  it('transfers, calls out of turn with a reason, recalls and marks a no-show', async () => {
    // Waits longest, so counter 2's call-next takes it and b is called past a, out of turn.
    await s.anon.post('/api/tickets', { serviceId: 4 });
    const a = (await s.anon.post('/api/tickets', { serviceId: 2 })).body.ticket;
    const b = (await s.anon.post('/api/tickets', { serviceId: 2 })).body.ticket;
    await staff.chooseCounter(2);
    const transferred = await staff.post(`/api/tickets/${a.id}/transfer`, { serviceId: 4 });
    expect(transferred).toMatchObject({
      status: 200,
      body: {
        ticket: { number: a.number, serviceId: 4, status: 'waiting' },
        from: { status: 'transferred' },
      },
    });
    await staff.post(`/api/counters/2/call-next`);
    // Staff see the ticket ids they act on; the hall's view has numbers only.
    const counter2Ticket = (await staff.get('/api/queue')).body.nowServing.find(
      (n: { counterId: number }) => n.counterId === 2,
    ).ticket;
    await staff.post(`/api/tickets/${counter2Ticket.id}/no-show`);
    const jumped = await staff.post(`/api/tickets/${b.id}/call`, {
      counterId: 2,
      reason: 'appointment',
    });
    expect(jumped.status).toBe(200);
    expect((await staff.post(`/api/tickets/${b.id}/recall`)).body.ticket.recalls).toBe(1);
    expect((await staff.post(`/api/tickets/${b.id}/no-show`)).body.ticket.status).toBe('no_show');
  });

  it('verifies the ledger for a manager', async () => {
    const { status, body } = await manager.get('/api/ledger/verify');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      ok: true,
      length: expect.any(Number),
      headHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });
});
