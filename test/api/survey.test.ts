import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Survey, SurveyStatus } from '../../server/contract/contract.ts';
import type { TicketHistory } from '../../server/contract/reports.ts';
import { ManualClock } from '../../server/core/clock.ts';
import type { Actor } from '../../server/core/records.ts';
import { DEFAULT_ANONYMOUS_RATE } from '../../server/api/anonymous-rate-limit.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';

const staff: Actor = { kind: 'user', username: 'admin', role: 'admin' };
const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
const DAY_MS = 24 * 60 * 60_000;
const ANSWERS = { process: 5, channels: 4, staff: 5, facilities: 3, overall: 4 };

/*
 * The five-question survey by the ticket's QR (project 16): once per finished ticket, within
 * 24 hours of the finish, and a refused answer leaves no row, no ledger entry.
 */
describe('the five-question survey of a ticket', () => {
  let s: TestServer;
  let clock: ManualClock;

  beforeEach(async () => {
    clock = new ManualClock(Date.parse('2026-06-15T09:00:00+07:00'));
    s = await startTestServer({ clock });
  });
  afterEach(() => s.close());

  /** A citizen of service 1 served at counter 1 from issue to finish; returns the ticket id. */
  function served(): string {
    const { office } = s.khiu;
    const id = office.tickets.issue(1, null, kiosk).ticket.id;
    clock.advance(60_000);
    expect(office.tickets.callNext(1, staff)?.id).toBe(id);
    clock.advance(30_000);
    office.tickets.start(id, staff);
    clock.advance(5 * 60_000);
    office.tickets.finish(id, staff);
    clock.advance(60_000);
    return id;
  }

  const surveyOf = async (id: string) =>
    (await s.anon.get<SurveyStatus>(`/api/tickets/${id}/survey`)).body;

  it('accepts a survey once and answers 409 survey_exists to a second', async () => {
    const id = served();
    expect(await surveyOf(id)).toMatchObject({ survey: null, open: true });
    const before = s.ledgerLength();
    const first = await s.anon.post<{ survey: Survey }>(`/api/tickets/${id}/survey`, {
      ...ANSWERS,
      comment: 'ขอบคุณค่ะ',
    });
    expect(first.status).toBe(201);
    expect(first.body.survey).toMatchObject({ ticketId: id, ...ANSWERS, comment: 'ขอบคุณค่ะ' });
    expect(s.ledgerLength()).toBe(before + 1);

    const second = await s.anon.post(`/api/tickets/${id}/survey`, { ...ANSWERS, overall: 1 });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('survey_exists');
    expect(s.ledgerLength()).toBe(before + 1);
    expect(await surveyOf(id)).toMatchObject({
      open: false,
      survey: { ...ANSWERS, comment: 'ขอบคุณค่ะ' },
    });
  });

  it('answers 409 not_finished while the ticket waits, is called or is being served', async () => {
    const { office } = s.khiu;
    const id = office.tickets.issue(1, null, kiosk).ticket.id;
    const before = s.ledgerLength();
    const attempt = async () => {
      const res = await s.anon.post(`/api/tickets/${id}/survey`, ANSWERS);
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('not_finished');
      expect(await surveyOf(id)).toMatchObject({ survey: null, open: false, closesAt: null });
    };
    await attempt();
    office.tickets.callNext(1, staff);
    await attempt();
    office.tickets.start(id, staff);
    await attempt();
    expect(s.ledgerLength()).toBe(before + 2); // the call and the start, no survey
  });

  it('answers 409 not_finished for a ticket that ended without service', async () => {
    const { office } = s.khiu;
    const id = office.tickets.issue(1, null, kiosk).ticket.id;
    office.tickets.callNext(1, staff);
    office.tickets.noShow(id, staff);
    const res = await s.anon.post(`/api/tickets/${id}/survey`, ANSWERS);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('not_finished');
  });

  it('keeps the survey open until 24 hours after the finish and answers 409 survey_closed after', async () => {
    const onTime = served();
    const late = served();
    const finishedMs = Date.parse(s.khiu.office.views.ticketStatus(late).ticket.finishedAt!);
    clock.set(Date.parse(s.khiu.office.views.ticketStatus(onTime).ticket.finishedAt!) + DAY_MS);
    expect((await s.anon.post(`/api/tickets/${onTime}/survey`, ANSWERS)).status).toBe(201);

    clock.set(finishedMs + DAY_MS + 1);
    expect(await surveyOf(late)).toMatchObject({ survey: null, open: false });
    const before = s.ledgerLength();
    const res = await s.anon.post(`/api/tickets/${late}/survey`, ANSWERS);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('survey_closed');
    expect(s.ledgerLength()).toBe(before);
  });

  it('refuses each question at 0, 6, 2.5, "5" or missing with 400, and changes nothing', async () => {
    const id = served();
    const before = s.ledgerLength();
    for (const question of Object.keys(ANSWERS)) {
      for (const bad of [0, 6, 2.5, '5', undefined, null]) {
        const body: Record<string, unknown> = { ...ANSWERS, [question]: bad };
        if (bad === undefined) delete body[question];
        const res = await s.anon.post(`/api/tickets/${id}/survey`, body);
        expect(res.status, `${question} = ${JSON.stringify(bad)}`).toBe(400);
        expect(res.body.error.code).toBe('invalid_input');
        expect(res.body.error.message).toContain(question);
      }
    }
    expect(s.ledgerLength()).toBe(before);
    expect(await surveyOf(id)).toMatchObject({ survey: null, open: true });
    expect((await s.anon.post(`/api/tickets/${id}/survey`, ANSWERS)).status).toBe(201);
  });

  it('refuses a comment of 501 characters, a bidi override and an unknown field, and keeps one of 500', async () => {
    const id = served();
    const before = s.ledgerLength();
    for (const body of [
      { ...ANSWERS, comment: 'ก'.repeat(501) },
      { ...ANSWERS, comment: 'ดี\u202Eมาก' },
      { ...ANSWERS, comment: 42 },
      { ...ANSWERS, rating: 5 },
    ]) {
      const res = await s.anon.post(`/api/tickets/${id}/survey`, body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(s.ledgerLength()).toBe(before);
    const kept = await s.anon.post<{ survey: Survey }>(`/api/tickets/${id}/survey`, {
      ...ANSWERS,
      comment: 'ก'.repeat(500),
    });
    expect(kept.status).toBe(201);
    expect(kept.body.survey.comment).toHaveLength(500);
  });

  it('keeps a comment with markup and several lines as the text it is, and a blank one as none', async () => {
    const markup = '<script>alert(1)</script><b>x</b>\r\nบรรทัดที่สอง';
    const id = served();
    await s.anon.post(`/api/tickets/${id}/survey`, { ...ANSWERS, comment: markup });
    expect((await surveyOf(id)).survey!.comment).toBe(
      '<script>alert(1)</script><b>x</b>\nบรรทัดที่สอง',
    );
    const blank = served();
    await s.anon.post(`/api/tickets/${blank}/survey`, { ...ANSWERS, comment: '   ' });
    expect((await surveyOf(blank)).survey!.comment).toBeNull();
  });

  it('records the survey in the ledger with its row, and in the ticket’s history', async () => {
    const id = served();
    await s.anon.post(`/api/tickets/${id}/survey`, { ...ANSWERS, comment: 'ดีมาก' });
    const { db } = s.khiu.office.ctx.store;
    const entry = db
      .prepare('SELECT type, entity, entity_id, data FROM ledger ORDER BY seq DESC LIMIT 1')
      .get() as { type: string; entity: string; entity_id: string; data: string };
    expect(entry).toMatchObject({ type: 'survey.given', entity: 'survey', entity_id: id });
    const data = JSON.parse(entry.data);
    expect(data.actor).toEqual({ kind: 'anonymous', via: 'ticket-qr' });
    expect(data.details).toEqual(ANSWERS);
    expect(data.state).toEqual(db.prepare('SELECT * FROM surveys WHERE ticket_id = ?').get(id));
    expect(data.state).toMatchObject({ overall_score: 4, comment: 'ดีมาก' });
    expect(s.khiu.office.ctx.store.ledger.verify()).toMatchObject({ ok: true });

    const manager = await s.userWithRole('manager');
    const history = (await manager.get<TicketHistory>(`/api/tickets/${id}/history`)).body;
    const given = history.chain[0]!.entries.find((e) => e.type === 'survey.given')!;
    expect(given).toMatchObject({ actor: 'anonymous (ticket-qr)', staff: null, counterId: null });
  });

  it('surveys the ticket where the service ended when the citizen was transferred', async () => {
    const { office } = s.khiu;
    const first = office.tickets.issue(1, null, kiosk).ticket.id;
    office.tickets.callNext(1, staff);
    const { to } = office.tickets.transfer(first, 2, staff);
    clock.advance(60_000);
    expect(office.tickets.callNext(2, staff)?.id).toBe(to.id);
    office.tickets.start(to.id, staff);
    office.tickets.finish(to.id, staff);

    const res = await s.anon.post<{ survey: Survey }>(`/api/tickets/${first}/survey`, ANSWERS);
    expect(res.status).toBe(201);
    expect(res.body.survey).toMatchObject({ ticketId: to.id, number: to.number });
    expect((await surveyOf(to.id)).survey).toMatchObject({ ticketId: to.id });
    const again = await s.anon.post(`/api/tickets/${to.id}/survey`, ANSWERS);
    expect(again.body.error.code).toBe('survey_exists');
  });

  it('refuses a survey from a browser signed in as staff, and an unknown ticket', async () => {
    const id = served();
    const res = await s.admin.post(`/api/tickets/${id}/survey`, ANSWERS);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('staff_cannot_rate');
    expect((await s.anon.post('/api/tickets/nosuchticket/survey', ANSWERS)).status).toBe(404);
    expect((await s.anon.get('/api/tickets/nosuchticket/survey')).status).toBe(404);
  });
});

describe('the survey endpoint under a flood from one address', () => {
  it('answers 429 with Retry-After once one address has sent its burst of 20', async () => {
    const clock = new ManualClock(Date.parse('2026-06-15T09:00:00+07:00'));
    const s = await startTestServer({ clock, anonymousRate: DEFAULT_ANONYMOUS_RATE });
    try {
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 21; i += 1) {
        const res = await s.anon.post('/api/tickets/nosuchticket/survey', ANSWERS);
        statuses.push(res.status);
        if (res.status === 429) retryAfter = res.headers.get('retry-after');
      }
      expect(statuses.slice(0, 20).every((status) => status === 404)).toBe(true);
      expect(statuses[20]).toBe(429);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    } finally {
      await s.close();
    }
  });
});
