import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RATING_TARGET_TIMEOUT_MS } from '../../server/contract/contract.ts';
import type { TicketRecord } from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { type ApiClient, startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { pairStation, pairedBrowser } from '../helpers/stations.ts';

/*
 * Which ticket a counter's rating screen and button box rate (issue 10, part 2). Before this,
 * the target was "the counter's latest finished, unrated ticket of the last 10 minutes": while
 * the next citizen was already at the counter the tablet still asked about the one before,
 * a button press recorded against that one, and a reload after the screen's 90 s brought the
 * old question back.
 */
describe("a counter's rating target", () => {
  let s: TestServer;
  let clock: ManualClock;
  let staff: ApiClient;
  /** Counter 1's paired rating screen (its browser's cookie) and the agent of its button box. */
  let screen: ApiClient;
  let buttons: ApiClient;

  // A fresh office per test: a failure leaves no citizen at the counter for the next one.
  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2026-11-25T09:00:00+07:00'));
    s = await startTestServer({ clock });
    staff = await s.userWithRole('staff', 'somchai', 1);
    screen = pairedBrowser(
      s.url,
      (await pairStation(s, { name: 'rating-1', kind: 'rating', counterId: 1 })).token,
    );
    buttons = (await pairStation(s, { name: 'counter-1-pc', kind: 'agent', buttonCounterIds: [1] }))
      .client;
  });
  afterEach(() => s.close());

  /** A few seconds pass between any two things staff or citizens do. */
  const later = (seconds = 5) => clock.advance(seconds * 1000);
  const issue = async (): Promise<string> => {
    later();
    return (await s.anon.post('/api/tickets', { serviceId: 1 })).body.ticket.id;
  };
  const callNext = async (): Promise<string> => {
    later();
    const res = await staff.post('/api/counters/1/call-next');
    expect(res.status).toBe(200);
    return res.body.ticket.id;
  };
  const act = async (id: string, action: string): Promise<void> => {
    later();
    expect((await staff.post(`/api/tickets/${id}/${action}`)).status).toBe(200);
  };
  const serve = async (id: string): Promise<void> => {
    await act(id, 'start');
    await act(id, 'finish');
  };
  const target = async (client: ApiClient = screen) => {
    const res = await client.get('/api/counters/1/rating-target');
    return { status: res.status, number: res.body?.ticket?.number as string | undefined };
  };
  const day = () =>
    new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(clock.now());
  const ratingOf = async (id: string) =>
    (await s.admin.get<TicketRecord[]>(`/api/tickets?from=${day()}&to=${day()}`)).body.find(
      (t) => t.id === id,
    )!.rating;
  const numberOf = async (id: string) =>
    (await s.admin.get(`/api/tickets/${id}`)).body.ticket.number;

  describe.each([
    ["the counter's rating screen", () => screen],
    ['the button box (its agent)', () => buttons],
  ])('two citizens at one counter, rated from %s', (_, rater) => {
    it('does not land a press after the next call on the first citizen; it lands on the second once that one finishes', async () => {
      const first = await issue();
      const second = await issue();
      expect(await callNext()).toBe(first);
      await serve(first);
      expect(await target(rater())).toEqual({ status: 200, number: await numberOf(first) });

      // The counter calls its next citizen: the first one's question is over.
      expect(await callNext()).toBe(second);
      expect(await target(rater())).toEqual({ status: 204, number: undefined });
      later();
      const pressed = await rater().post('/api/counters/1/rating', { score: 2 });
      expect(pressed).toMatchObject({ status: 409, body: { error: { code: 'nothing_to_rate' } } });
      expect(await ratingOf(first)).toBeNull();

      await serve(second);
      expect(await target(rater())).toEqual({ status: 200, number: await numberOf(second) });
      later();
      expect((await rater().post('/api/counters/1/rating', { score: 2 })).status).toBe(201);
      expect(await ratingOf(second)).toBe(2);
      expect(await ratingOf(first)).toBeNull();
    });
  });

  it('ends the target at the timeout, and a reload after it asks about nothing', async () => {
    const id = await issue();
    await callNext();
    await serve(id);
    clock.advance(RATING_TARGET_TIMEOUT_MS - 1000);
    expect((await target()).status).toBe(200);

    clock.advance(1000);
    // A reload of the rating screen, and the button box, both find nothing to rate.
    expect(await target(screen)).toEqual({ status: 204, number: undefined });
    expect(await target(buttons)).toEqual({ status: 204, number: undefined });
    const pressed = await buttons.post('/api/counters/1/rating', { score: 1 });
    expect(pressed).toMatchObject({ status: 409, body: { error: { code: 'nothing_to_rate' } } });
    expect(await ratingOf(id)).toBeNull();
  });

  it('tells the screen how long its question stays open, as the server counts', async () => {
    const id = await issue();
    await callNext();
    await serve(id);
    expect((await screen.get('/api/counters/1/rating-target')).body.closesInMs).toBe(
      RATING_TARGET_TIMEOUT_MS,
    );
    clock.advance(RATING_TARGET_TIMEOUT_MS - 1000);
    expect((await screen.get('/api/counters/1/rating-target')).body.closesInMs).toBe(1000);
  });

  it('ends the target when a return from hold brings another citizen to the counter', async () => {
    const fetching = await issue();
    const next = await issue();
    expect(await callNext()).toBe(fetching);
    await act(fetching, 'hold');
    expect(await callNext()).toBe(next);
    await serve(next);
    expect((await target()).status).toBe(200);

    await act(fetching, 'return');
    expect((await target()).status).toBe(204);
    // A recall of the citizen now at the counter brings nothing back either.
    await act(fetching, 'recall');
    expect((await target()).status).toBe(204);
    await serve(fetching);
    expect(await target()).toEqual({ status: 200, number: await numberOf(fetching) });
  });

  it("refuses a screen's tap for a ticket that is no longer the target, even when another one is", async () => {
    const shown = await issue();
    const other = await issue();
    await callNext();
    await serve(shown);
    const asked = (await screen.get('/api/counters/1/rating-target')).body.ticket;
    // The screen missed the next call (its network was down) and still shows `shown`.
    await callNext();
    await serve(other);
    later();
    const tap = await screen.post('/api/counters/1/rating', { score: 5, ticketId: asked.id });
    expect(tap).toMatchObject({ status: 409, body: { error: { code: 'nothing_to_rate' } } });
    expect(await ratingOf(other)).toBeNull();
    expect(await ratingOf(shown)).toBeNull();

    const current = (await screen.get('/api/counters/1/rating-target')).body.ticket;
    const rated = await screen.post('/api/counters/1/rating', { score: 5, ticketId: current.id });
    expect(rated.status).toBe(201);
    expect(await ratingOf(other)).toBe(5);
  });

  it('still takes the citizen’s own rating by the id in the QR for 24 hours after the counter moved on', async () => {
    const id = await issue();
    await callNext();
    await serve(id);
    clock.advance(RATING_TARGET_TIMEOUT_MS + 60_000);
    expect((await s.anon.post(`/api/tickets/${id}/rating`, { score: 4 })).status).toBe(201);
    expect(await ratingOf(id)).toBe(4);
  });
});
