import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_REASONS } from '../../server/contract/contract.ts';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const SERVICE_A = 1;

describe('cancelling a ticket with a reason', () => {
  let s: TestServer;
  let clerk: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    clerk = await s.userWithRole('staff', 'clerk', 1);
  });
  afterAll(() => s.close());

  const issue = async (): Promise<string> =>
    (await s.anon.post('/api/tickets', { serviceId: SERVICE_A })).body.ticket.id;
  /** Calls this very ticket to counter 1, whatever else waits (tests run in any order). */
  const callToCounter = async (id: string): Promise<void> => {
    const res = await clerk.post(`/api/tickets/${id}/call`, {
      counterId: 1,
      reason: 'appointment',
    });
    expect(res.body.ticket.id).toBe(id);
  };
  const statusOf = async (id: string): Promise<string> =>
    (await s.anon.get(`/api/tickets/${id}`)).body.ticket.status;

  it('cancels a waiting ticket and records the reason in the ledger', async () => {
    for (const reason of CANCEL_REASONS) {
      const id = await issue();
      const res = await clerk.post(`/api/tickets/${id}/cancel`, { reason });
      expect(res.status).toBe(200);
      expect(res.body.ticket.status).toBe('cancelled');
      const entries = (await s.admin.get(`/api/tickets/${id}/history`)).body.chain[0].entries;
      expect(entries.at(-1)).toMatchObject({
        type: 'ticket.cancelled',
        actor: 'clerk (staff)',
        detail: expect.stringContaining(`reason: ${reason}`),
      });
    }
    expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
  });

  it('cancels a ticket held aside at the counter', async () => {
    const id = await issue();
    await callToCounter(id);
    expect((await clerk.post(`/api/tickets/${id}/hold`)).status).toBe(200);
    const res = await clerk.post(`/api/tickets/${id}/cancel`, { reason: 'citizen_left' });
    expect(res.body.ticket).toMatchObject({ status: 'cancelled', held: false });
  });

  it('records a cancel without a reason (a client written before reasons) with reason null', async () => {
    for (const body of [undefined, {}]) {
      const id = await issue();
      const res = await clerk.post(`/api/tickets/${id}/cancel`, body);
      expect(res.status, JSON.stringify(body)).toBe(200);
      expect(res.body.ticket).toMatchObject({ status: 'cancelled' });
      const entry = s.khiu.office.ctx.store.ledger.entriesOfTicket(id).at(-1)!;
      expect(entry.type).toBe('ticket.cancelled');
      expect(entry.data.details).toMatchObject({ reason: null, wasStatus: 'waiting' });
    }
  });

  it('refuses an unknown reason or field with 400 and changes nothing', async () => {
    const id = await issue();
    const ledger = s.ledgerLength();
    for (const body of [
      { reason: 'citizen_left', note: 'x' },
      { reason: 'day_closed' },
      { reason: 'bribe' },
      { reason: 1 },
    ]) {
      expect(
        await clerk.post(`/api/tickets/${id}/cancel`, body),
        JSON.stringify(body),
      ).toMatchObject({
        status: 400,
        body: { error: { code: 'invalid_input' } },
      });
    }
    expect(s.ledgerLength()).toBe(ledger);
    expect(await statusOf(id)).toBe('waiting');
  });

  it('refuses a called or served ticket, as the lifecycle says, and changes nothing', async () => {
    const id = await issue();
    await callToCounter(id);
    const ledger = s.ledgerLength();
    expect(await clerk.post(`/api/tickets/${id}/cancel`, { reason: 'citizen_left' })).toMatchObject(
      {
        status: 409,
        body: { error: { code: 'invalid_state' } },
      },
    );
    await clerk.post(`/api/tickets/${id}/start`);
    expect(
      (await clerk.post(`/api/tickets/${id}/cancel`, { reason: 'duplicate_ticket' })).status,
    ).toBe(409);
    expect(s.ledgerLength()).toBe(ledger + 1);
    expect(await statusOf(id)).toBe('serving');
    await clerk.post(`/api/tickets/${id}/finish`);
  });
});
