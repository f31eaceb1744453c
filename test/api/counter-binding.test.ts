import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

// The default office: counter 1 serves A and F, counter 2 serves B and D (service ids 2 and 4).
const SERVICE_B = 2;

describe('staff work one counter at a time', () => {
  let s: TestServer;
  let clerkOne: ApiClient;
  let clerkTwo: ApiClient;
  let manager: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    clerkOne = await s.userWithRole('staff', 'clerk-one', 1);
    clerkTwo = await s.userWithRole('staff', 'clerk-two', 2);
    manager = await s.userWithRole('manager', 'chief');
  });
  afterAll(() => s.close());

  const issue = async (serviceId: number) =>
    (await s.anon.post('/api/tickets', { serviceId })).body.ticket as {
      id: string;
      number: string;
      issuedAt: string;
    };

  it("refuses staff of counter 1 acting on counter 2's tickets and status, and changes nothing", async () => {
    const served = await issue(SERVICE_B);
    expect((await clerkTwo.post('/api/counters/2/call-next')).body.ticket.id).toBe(served.id);
    const waiting = await issue(SERVICE_B);
    const before = s.ledgerLength();
    const attempts: [string, string, unknown?][] = [
      ['POST', `/api/tickets/${served.id}/start`],
      ['POST', `/api/tickets/${served.id}/finish`],
      ['POST', `/api/tickets/${served.id}/no-show`],
      ['POST', `/api/tickets/${served.id}/recall`],
      ['POST', `/api/tickets/${served.id}/hold`],
      ['POST', `/api/tickets/${served.id}/transfer`, { serviceId: 1 }],
      ['POST', `/api/tickets/${waiting.id}/cancel`, { reason: 'citizen_left' }],
      ['POST', `/api/tickets/${waiting.id}/transfer`, { serviceId: 1 }],
      ['POST', `/api/tickets/${waiting.id}/call`, { counterId: 2, reason: 'appointment' }],
      ['POST', '/api/counters/2/call-next'],
      ['POST', '/api/counters/2/status', { status: 'closed' }],
      ['GET', '/api/counters/2/waiting'],
    ];
    for (const [method, path, body] of attempts) {
      const res = await clerkOne.request(method, path, body);
      expect(res, `${method} ${path}`).toMatchObject({
        status: 403,
        body: { error: { code: 'not_your_counter' } },
      });
    }
    expect(s.ledgerLength()).toBe(before);
    const counter = (await s.anon.get('/api/counters')).body.find(
      (c: { id: number }) => c.id === 2,
    );
    expect(counter.status).toBe('open');
    // Counter 2's own clerk can do all of it.
    expect((await clerkTwo.post(`/api/tickets/${served.id}/start`)).status).toBe(200);
    expect((await clerkTwo.post(`/api/tickets/${served.id}/finish`)).status).toBe(200);
    expect(
      (await clerkTwo.post(`/api/tickets/${waiting.id}/cancel`, { reason: 'citizen_left' })).status,
    ).toBe(200);
  });

  it('asks a staff session with no counter to choose one, then works only there', async () => {
    const clerk = await s.userWithRole('staff', 'newcomer');
    expect((await clerk.get('/api/session')).body).toEqual({
      user: { username: 'newcomer', role: 'staff', counterId: null },
    });
    expect(await clerk.post('/api/counters/1/call-next')).toMatchObject({
      status: 409,
      body: { error: { code: 'no_counter_chosen' } },
    });
    expect(await clerk.chooseCounter(999)).toMatchObject({ status: 404 });
    expect(await clerk.chooseCounter(3)).toMatchObject({
      status: 200,
      body: { user: { username: 'newcomer', counterId: 3 } },
    });
    expect((await clerk.get('/api/session')).body.user.counterId).toBe(3);
    expect((await clerk.get('/api/counters/3/waiting')).status).toBe(200);
    expect((await clerk.get('/api/counters/1/waiting')).status).toBe(403);
  });

  it('chooses the counter at sign-in, and refuses one that does not exist', async () => {
    const clerk = new ApiClient(s.url);
    expect(await clerk.signIn('clerk-one', 'password-1234', 4)).toMatchObject({
      status: 200,
      body: { user: { username: 'clerk-one', role: 'staff', counterId: 4 } },
    });
    expect((await clerk.get('/api/counters/4/waiting')).status).toBe(200);
    expect((await new ApiClient(s.url).signIn('clerk-one', 'password-1234', 999)).status).toBe(404);
  });

  it('credits the rating to who served the ticket when a manager finishes it for them', async () => {
    const ticket = await issue(SERVICE_B);
    expect((await clerkTwo.post('/api/counters/2/call-next')).body.ticket.id).toBe(ticket.id);
    expect((await clerkTwo.post(`/api/tickets/${ticket.id}/start`)).status).toBe(200);
    // clerk-two has stepped away; the manager stands in at counter 2 and finishes.
    expect((await manager.post(`/api/tickets/${ticket.id}/finish`)).status).toBe(200);
    expect((await s.anon.post(`/api/tickets/${ticket.id}/rating`, { score: 5 })).status).toBe(201);
    const rating = s.khiu.office.ctx.store.ratings.get(ticket.id)!;
    expect(rating).toMatchObject({ score: 5, counterId: 2, staff: 'clerk-two' });
    const day = ticket.issuedAt.slice(0, 10); // the office-local day
    const listing = await manager.get(`/api/tickets?from=${day}&to=${day}`);
    expect(listing.body.find((t: { id: string }) => t.id === ticket.id)).toMatchObject({
      staff: 'clerk-two',
      rating: 5,
    });
  });

  it('keeps who served a ticket when a manager marks it a no-show', async () => {
    const ticket = await issue(SERVICE_B);
    expect((await clerkTwo.post('/api/counters/2/call-next')).body.ticket.id).toBe(ticket.id);
    expect((await manager.post(`/api/tickets/${ticket.id}/no-show`)).status).toBe(200);
    expect(s.khiu.office.ctx.store.tickets.get(ticket.id)).toMatchObject({
      status: 'no_show',
      staff: 'clerk-two',
    });
  });
});
