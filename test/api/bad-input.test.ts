import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

/** Every case must answer the error shape with a 4xx and leave the ledger (every state change) as it was. */
describe('bad input changes nothing', () => {
  let s: TestServer;
  let staff: ApiClient;
  let manager: ApiClient;
  let waitingId: string;
  let doneId: string;

  beforeAll(async () => {
    s = await startTestServer();
    staff = await s.userWithRole('staff', undefined, 1);
    manager = await s.userWithRole('manager');
    const done = (await s.anon.post('/api/tickets', { serviceId: 1 })).body.ticket;
    await staff.post('/api/counters/1/call-next');
    await staff.post(`/api/tickets/${done.id}/start`);
    await staff.post(`/api/tickets/${done.id}/finish`);
    await s.anon.post(`/api/tickets/${done.id}/rating`, { score: 4 });
    doneId = done.id;
    // Service A, which counter 1 (the staff user's) serves, so their calls reach the state checks.
    waitingId = (await s.anon.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
  });
  afterAll(() => s.close());

  async function expectRejected(
    send: () => Promise<{ status: number; body: any }>,
    status: number,
    code: string,
  ): Promise<void> {
    const before = s.ledgerLength();
    const res = await send();
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    expect(res.body.error.message).not.toMatch(/\n\s+at /);
    expect(s.ledgerLength()).toBe(before);
  }

  it('malformed JSON', () =>
    expectRejected(
      () =>
        s.anon.request('POST', '/api/tickets', undefined, {
          body: '{"serviceId": 1',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'invalid_json',
    ));

  it('a body that is not JSON at all', () =>
    expectRejected(
      () =>
        s.anon.request('POST', '/api/tickets', undefined, {
          body: 'serviceId=1',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
      'unsupported_media_type',
    ));

  it('wrong types', async () => {
    await expectRejected(
      () => s.anon.post('/api/tickets', { serviceId: '1' }),
      400,
      'invalid_input',
    );
    await expectRejected(
      () => s.anon.post('/api/tickets', { serviceId: 1.5 }),
      400,
      'invalid_input',
    );
    await expectRejected(
      () => s.anon.post('/api/tickets', { serviceId: 1, priority: 'vip' }),
      400,
      'invalid_input',
    );
    await expectRejected(() => s.anon.post('/api/tickets', [1]), 400, 'invalid_input');
    await expectRejected(() => s.anon.post('/api/tickets', null), 400, 'invalid_input');
    await expectRejected(
      () => s.admin.post('/api/counters', { name: 'x', number: 'five', serviceIds: [1] }),
      400,
      'invalid_input',
    );
  });

  it('a missing body where one is required', () =>
    expectRejected(() => s.anon.post('/api/tickets'), 400, 'invalid_input'));

  it('unknown ids', async () => {
    await expectRejected(() => s.anon.post('/api/tickets', { serviceId: 999 }), 404, 'not_found');
    await expectRejected(() => s.anon.get('/api/tickets/nosuchticket'), 404, 'not_found');
    await expectRejected(() => staff.post('/api/counters/999/call-next'), 404, 'not_found');
    await expectRejected(() => staff.post('/api/tickets/nosuchticket/start'), 404, 'not_found');
    await expectRejected(
      () => staff.post(`/api/tickets/${waitingId}/transfer`, { serviceId: 999 }),
      404,
      'not_found',
    );
    await expectRejected(
      () => s.admin.post('/api/counters', { name: 'x', number: 50, serviceIds: [999] }),
      404,
      'not_found',
    );
    await expectRejected(() => staff.post('/api/counters/abc/call-next'), 400, 'invalid_input');
  });

  it('unknown paths and wrong methods', async () => {
    await expectRejected(() => s.anon.get('/api/nothing-here'), 404, 'not_found');
    await expectRejected(() => s.anon.request('DELETE', '/api/tickets'), 405, 'method_not_allowed');
    await expectRejected(() => s.anon.request('PUT', '/api/health'), 405, 'method_not_allowed');
  });

  it('an oversize body', () =>
    expectRejected(
      () =>
        s.anon.request('POST', '/api/tickets', undefined, {
          body: JSON.stringify({ serviceId: 1, pad: 'x'.repeat(100_000) }),
          headers: { 'content-type': 'application/json' },
        }),
      413,
      'body_too_large',
    ));

  it('calls in the wrong state', async () => {
    await expectRejected(
      () => staff.post(`/api/tickets/${waitingId}/finish`),
      409,
      'invalid_state',
    );
    await expectRejected(
      () => staff.post(`/api/tickets/${waitingId}/recall`),
      409,
      'invalid_state',
    );
    await expectRejected(
      () => staff.post(`/api/tickets/${waitingId}/return`),
      409,
      'invalid_state',
    );
    await expectRejected(
      () => staff.post(`/api/tickets/${doneId}/transfer`, { serviceId: 3 }),
      409,
      'invalid_state',
    );
  });

  it('a double finish', () =>
    expectRejected(() => staff.post(`/api/tickets/${doneId}/finish`), 409, 'invalid_state'));

  it('rating twice, rating an unfinished ticket, and a score outside 1..5', async () => {
    await expectRejected(
      () => s.anon.post(`/api/tickets/${doneId}/rating`, { score: 5 }),
      409,
      'already_rated',
    );
    await expectRejected(
      () => s.anon.post(`/api/tickets/${waitingId}/rating`, { score: 5 }),
      409,
      'ticket_not_finished',
    );
    await expectRejected(
      () => s.anon.post(`/api/tickets/${waitingId}/rating`, { score: 6 }),
      400,
      'invalid_input',
    );
    await expectRejected(
      () => s.anon.post(`/api/tickets/${waitingId}/rating`, { score: 0 }),
      400,
      'invalid_input',
    );
    await expectRejected(
      () => s.anon.post(`/api/tickets/${waitingId}/rating`, { score: 'มาก' }),
      400,
      'invalid_input',
    );
  });

  it('an out-of-turn call without a reason', () =>
    expectRejected(
      () => staff.post(`/api/tickets/${waitingId}/call`, { counterId: 2 }),
      400,
      'invalid_input',
    ));

  it('pausing a counter without a reason', () =>
    expectRejected(
      () => staff.post('/api/counters/1/status', { status: 'paused' }),
      400,
      'reason_required',
    ));

  it('unauthenticated requests', async () => {
    await expectRejected(() => s.anon.post('/api/counters/1/call-next'), 401, 'unauthenticated');
    await expectRejected(
      () => s.anon.post(`/api/tickets/${waitingId}/cancel`),
      401,
      'unauthenticated',
    );
    await expectRejected(
      () => s.anon.get('/api/tickets?from=2026-01-01&to=2026-01-02'),
      401,
      'unauthenticated',
    );
    await expectRejected(() => s.anon.get('/api/ledger/verify'), 401, 'unauthenticated');
    await expectRejected(
      () => s.anon.post('/api/counters', { name: 'x', number: 7, serviceIds: [1] }),
      401,
      'unauthenticated',
    );
  });

  it('wrong-role requests', async () => {
    await expectRejected(
      () => staff.get('/api/tickets?from=2026-01-01&to=2026-01-02'),
      403,
      'forbidden',
    );
    await expectRejected(() => staff.get('/api/ledger/verify'), 403, 'forbidden');
    await expectRejected(
      () => manager.post('/api/counters', { name: 'x', number: 7, serviceIds: [1] }),
      403,
      'forbidden',
    );
    await expectRejected(
      () =>
        staff.post('/api/users', { username: 'mallory', role: 'admin', password: 'password-1234' }),
      403,
      'forbidden',
    );
  });

  it('a bad date range', async () => {
    await expectRejected(
      () => manager.get('/api/tickets?from=2026-02-30&to=2026-03-01'),
      400,
      'invalid_input',
    );
    await expectRejected(
      () => manager.get('/api/tickets?from=2026-03-02&to=2026-03-01'),
      400,
      'invalid_input',
    );
    await expectRejected(() => manager.get('/api/tickets'), 400, 'invalid_input');
    await expectRejected(
      () => manager.get('/api/tickets?from=2024-01-01&to=2026-01-01'),
      400,
      'invalid_input',
    );
  });

  it('a duplicate counter number or service code', async () => {
    await expectRejected(
      () => s.admin.post('/api/counters', { name: 'ซ้ำ', number: 1, serviceIds: [1] }),
      409,
      'duplicate_number',
    );
    const service = {
      code: 'A',
      name: { th: 'ซ้ำ', en: 'Dup' },
      steps: [{ title: { th: 'x', en: 'x' }, minutes: 1, responsible: 'x' }],
      fee: 0,
      targetWaitMinutes: 5,
    };
    await expectRejected(() => s.admin.post('/api/services', service), 409, 'duplicate_code');
    await expectRejected(
      () => s.admin.post('/api/services', { ...service, code: 'PA' }),
      409,
      'prefix_clash',
    );
  });
});
