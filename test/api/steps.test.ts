import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

// The default office: counter 1 serves A (id 1, three posted steps) and F; counter 2 B and D.
const SERVICE_A = 1;

describe('the posted steps of the ticket being served', () => {
  let s: TestServer;
  let clerkOne: ApiClient;
  let clerkTwo: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    clerkOne = await s.userWithRole('staff', 'clerk-one', 1);
    clerkTwo = await s.userWithRole('staff', 'clerk-two', 2);
  });
  afterAll(() => s.close());

  /** A ticket of service A called to counter 1 and, unless told otherwise, being served. */
  async function serving(start = true): Promise<string> {
    const issued = await s.anon.post('/api/tickets', { serviceId: SERVICE_A });
    expect(issued.status).toBe(201);
    const id = issued.body.ticket.id as string;
    // This very ticket, whatever else waits: the tests run in any order.
    const called = await clerkOne.post(`/api/tickets/${id}/call`, {
      counterId: 1,
      reason: 'appointment',
    });
    expect(called.status).toBe(200);
    if (start) expect((await clerkOne.post(`/api/tickets/${id}/start`)).status).toBe(200);
    return id;
  }
  const finishTicket = async (id: string) =>
    expect((await clerkOne.post(`/api/tickets/${id}/finish`)).status).toBe(200);

  /** What the server holds of a ticket's steps, and the ledger's length: nothing may change. */
  const state = async (id: string) => ({
    steps: (await clerkOne.get(`/api/tickets/${id}/steps`)).body,
    ledger: s.ledgerLength(),
  });

  it('records a start and a finish for each step, each in the ledger, and reads them back', async () => {
    const id = await serving();
    const before = s.ledgerLength();
    const started = await clerkOne.post(`/api/tickets/${id}/steps/1/start`, {});
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({
      ticketId: id,
      steps: [
        {
          order: 1,
          finishedAt: null,
          standardMinutes: 5,
          minutes: null,
          counterId: 1,
          staff: 'clerk-one',
        },
      ],
    });
    const finished = await clerkOne.post(`/api/tickets/${id}/steps/1/finish`);
    expect(finished.status).toBe(200);
    expect(finished.body.steps[0]).toMatchObject({
      order: 1,
      finishedAt: expect.any(String),
      minutes: expect.any(Number),
    });
    expect((await clerkOne.post(`/api/tickets/${id}/steps/3/start`)).status).toBe(200);
    expect(s.ledgerLength()).toBe(before + 3);

    const read = await clerkOne.get(`/api/tickets/${id}/steps`);
    expect(read.status).toBe(200);
    expect(
      read.body.steps.map((step: { order: number; finishedAt: string | null }) => [
        step.order,
        step.finishedAt !== null,
      ]),
    ).toEqual([
      [1, true],
      [3, false],
    ]);
    const history = await s.admin.get(`/api/tickets/${id}/history`);
    const types = history.body.chain[0].entries.map((e: { type: string }) => e.type);
    expect(types).toEqual(expect.arrayContaining(['step.started', 'step.finished']));
    expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    await clerkOne.post(`/api/tickets/${id}/steps/3/finish`);
    await finishTicket(id);
  });

  it('refuses another counter, an unknown step, a finish before the start, and each twice, changing nothing', async () => {
    const id = await serving();
    const untouched = await state(id);
    const refusals: [ApiClient, string, number, string][] = [
      [clerkTwo, `/api/tickets/${id}/steps/1/start`, 403, 'not_your_counter'],
      [clerkOne, `/api/tickets/${id}/steps/4/start`, 404, 'not_found'],
      [clerkOne, `/api/tickets/${id}/steps/1/finish`, 409, 'step_not_started'],
      [clerkOne, `/api/tickets/unknown-ticket/steps/1/start`, 404, 'not_found'],
    ];
    for (const [client, path, status, code] of refusals) {
      expect(await client.post(path), path).toMatchObject({ status, body: { error: { code } } });
    }
    expect(await state(id)).toEqual(untouched);
    expect((await clerkTwo.get(`/api/tickets/${id}/steps`)).status).toBe(403);

    expect((await clerkOne.post(`/api/tickets/${id}/steps/2/start`)).status).toBe(200);
    const running = await state(id);
    expect(await clerkOne.post(`/api/tickets/${id}/steps/2/start`)).toMatchObject({
      status: 409,
      body: { error: { code: 'step_already_started' } },
    });
    expect(await clerkOne.post(`/api/tickets/${id}/steps/1/start`)).toMatchObject({
      status: 409,
      body: { error: { code: 'step_in_progress' } },
    });
    expect(await state(id)).toEqual(running);
    expect((await clerkOne.post(`/api/tickets/${id}/steps/2/finish`)).status).toBe(200);
    const done = await state(id);
    expect(await clerkOne.post(`/api/tickets/${id}/steps/2/finish`)).toMatchObject({
      status: 409,
      body: { error: { code: 'step_already_finished' } },
    });
    expect(await state(id)).toEqual(done);
    await finishTicket(id);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const id = await serving();
    const untouched = await state(id);
    for (const order of ['0', '31', 'x', '1.5', '-1', '001']) {
      expect(await clerkOne.post(`/api/tickets/${id}/steps/${order}/start`), order).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_input' } },
      });
    }
    expect(await clerkOne.post(`/api/tickets/${id}/steps/1/start`, { at: 0 })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
    expect(await clerkOne.post(`/api/tickets/${id}/steps/1/start`, [])).toMatchObject({
      status: 400,
    });
    const raw = await clerkOne.request('POST', `/api/tickets/${id}/steps/1/start`, undefined, {
      body: '{"at":',
    });
    expect(raw).toMatchObject({ status: 400, body: { error: { code: 'invalid_json' } } });
    expect(await state(id)).toEqual(untouched);
    await finishTicket(id);
  });

  it('times steps only while the ticket is being served', async () => {
    const id = await serving(false);
    expect(await clerkOne.post(`/api/tickets/${id}/steps/1/start`)).toMatchObject({
      status: 409,
      body: { error: { code: 'invalid_state' } },
    });
    await clerkOne.post(`/api/tickets/${id}/start`);
    await clerkOne.post(`/api/tickets/${id}/steps/1/start`);
    await finishTicket(id);
    const ledger = s.ledgerLength();
    expect(await clerkOne.post(`/api/tickets/${id}/steps/1/finish`)).toMatchObject({
      status: 409,
      body: { error: { code: 'invalid_state' } },
    });
    expect(s.ledgerLength()).toBe(ledger);
    // The finished ticket's steps stay readable: they are its history.
    expect((await clerkOne.get(`/api/tickets/${id}/steps`)).body.steps).toHaveLength(1);
  });
});
