import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import { DEFAULT_ANONYMOUS_RATE } from '../../server/api/anonymous-rate-limit.ts';
import type { Complaint, Report, TicketComplaints } from '../../server/contract/contract.ts';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

const DAY_MS = 24 * 60 * 60_000;
/** 10 March 2026, 09:00 in Bangkok, a Tuesday of 2569; the clock only moves forward from it. */
const MORNING = Date.parse('2026-03-10T09:00:00+07:00');

let s: TestServer;
let clock: ManualClock;
let manager: ApiClient;
let staff: ApiClient;

beforeAll(async () => {
  clock = new ManualClock(MORNING);
  s = await startTestServer({ clock });
  manager = await s.userWithRole('manager');
  staff = await s.userWithRole('staff');
});
afterAll(() => s.close());

/** A fresh ticket for service 1, issued now by the clock. */
async function newTicket(): Promise<string> {
  const issued = await s.anon.post('/api/tickets', { serviceId: 1 });
  expect(issued.status).toBe(201);
  return issued.body.ticket.id as string;
}

const complain = (ticketId: string, body: unknown) =>
  s.anon.post(`/api/tickets/${ticketId}/complaint`, body);

const complaintsOf = async (ticketId: string): Promise<TicketComplaints> =>
  (await s.anon.get<TicketComplaints>(`/api/tickets/${ticketId}/complaints`)).body;

/** The ledger entries of complaints, as stored: what `verify` holds the rows against. */
function complaintEntries(): { type: string; entityId: string; data: any }[] {
  return (
    s.khiu.office.ctx.store.db
      .prepare(
        "SELECT type, entity_id AS entityId, data FROM ledger WHERE entity = 'complaint' ORDER BY seq",
      )
      .all() as { type: string; entityId: string; data: string }[]
  ).map((e) => ({ ...e, data: JSON.parse(e.data) }));
}

const complaintRows = (): number =>
  s.khiu.office.ctx.store.db.prepare('SELECT count(*) FROM complaints').pluck().get() as number;

describe('a complaint from the ticket page', () => {
  it('accepts a complaint with a reference of the Buddhist-era year and records it in the ledger', async () => {
    const ticketId = await newTicket();
    const before = s.ledgerLength();
    const made = await complain(ticketId, { kind: 'skipped', text: 'คนมาทีหลังได้เรียกก่อน' });
    expect(made.status).toBe(201);
    expect(made.body.complaint).toMatchObject({
      kind: 'skipped',
      text: 'คนมาทีหลังได้เรียกก่อน',
      status: 'received',
      outcome: null,
      resolvedAt: null,
    });
    expect(made.body.complaint.reference).toMatch(/^ร-2569-\d{4}$/);
    expect(s.ledgerLength()).toBe(before + 1);
    const entry = complaintEntries().at(-1)!;
    expect(entry.type).toBe('complaint.received');
    expect(entry.data.actor).toEqual({ kind: 'anonymous', via: 'ticket-qr' });
    expect(entry.data.state).toMatchObject({ ticket_id: ticketId, kind: 'skipped' });

    const listed = await complaintsOf(ticketId);
    expect(listed.complaints).toEqual([made.body.complaint]);
    expect(listed).toMatchObject({ remaining: 2, open: true });
  });

  it('numbers the references of a year one after another', async () => {
    const first = await complain(await newTicket(), { kind: 'rude' });
    const second = await complain(await newTicket(), { kind: 'other', text: '' });
    const seqOf = (ref: string): number => Number(ref.split('-')[2]);
    expect(seqOf(second.body.complaint.reference)).toBe(seqOf(first.body.complaint.reference) + 1);
    // Blank or missing words are none.
    expect(first.body.complaint.text).toBeNull();
    expect(second.body.complaint.text).toBeNull();
  });

  /*
   * The office's clock only moves forward in this file (a clock stepped back keeps ticket times
   * where they were); the 7 days are tried on an office of their own.
   */
  async function ticketOnOwnOffice(): Promise<{
    own: TestServer;
    ownClock: ManualClock;
    id: string;
  }> {
    const ownClock = new ManualClock(MORNING);
    const own = await startTestServer({ clock: ownClock });
    const issued = await own.anon.post('/api/tickets', { serviceId: 1 });
    expect(issued.status).toBe(201);
    return { own, ownClock, id: issued.body.ticket.id };
  }

  it('refuses a complaint more than 7 days after the ticket was issued, changing nothing', async () => {
    const { own, ownClock, id } = await ticketOnOwnOffice();
    try {
      ownClock.advance(7 * DAY_MS + 60_000);
      const before = own.ledgerLength();
      const late = await own.anon.post(`/api/tickets/${id}/complaint`, { kind: 'bribe_request' });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe('complaint_window_closed');
      expect(own.ledgerLength()).toBe(before);
      expect((await own.anon.get(`/api/tickets/${id}/complaints`)).body).toMatchObject({
        complaints: [],
        open: false,
      });
    } finally {
      await own.close();
    }
  });

  it('takes a complaint from a ticket still waiting on its seventh day', async () => {
    const { own, ownClock, id } = await ticketOnOwnOffice();
    try {
      ownClock.advance(7 * DAY_MS - 60_000);
      const made = await own.anon.post(`/api/tickets/${id}/complaint`, { kind: 'skipped' });
      expect(made.status).toBe(201);
      expect((await own.anon.get(`/api/tickets/${id}`)).body.ticket.status).toBe('waiting');
    } finally {
      await own.close();
    }
  });

  it('refuses a fourth complaint on one ticket, changing nothing', async () => {
    const ticketId = await newTicket();
    for (const kind of ['skipped', 'rude', 'other'])
      expect((await complain(ticketId, { kind })).status).toBe(201);
    expect((await complaintsOf(ticketId)).remaining).toBe(0);
    const before = s.ledgerLength();
    const rows = complaintRows();
    const fourth = await complain(ticketId, { kind: 'discrimination' });
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.code).toBe('complaint_limit_reached');
    expect(s.ledgerLength()).toBe(before);
    expect(complaintRows()).toBe(rows);
    expect(await complaintsOf(ticketId)).toMatchObject({ remaining: 0, open: false });
  });

  it('refuses an unknown kind, a 1,001-character text and a bidi override with 400, changing nothing', async () => {
    const ticketId = await newTicket();
    const before = s.ledgerLength();
    const rows = complaintRows();
    for (const body of [
      { kind: 'late' },
      {},
      { kind: 'rude', text: 'x'.repeat(1001) },
      { kind: 'rude', text: 'ก'.repeat(1001) },
      { kind: 'rude', text: 'ok \u202Eevil' },
      { kind: 'rude', text: 42 },
    ]) {
      const refused = await complain(ticketId, body);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.code).toBe('invalid_input');
    }
    expect(s.ledgerLength()).toBe(before);
    expect(complaintRows()).toBe(rows);
    expect((await complaintsOf(ticketId)).remaining).toBe(3);
    // 1,000 characters and several lines are fine.
    const longest = await complain(ticketId, {
      kind: 'rude',
      text: `บรรทัดแรก\r\n${'x'.repeat(989)}`,
    });
    expect(longest.status).toBe(201);
    expect(longest.body.complaint.text).toBe(`บรรทัดแรก\n${'x'.repeat(989)}`);
  });

  it('answers 404 for an unknown ticket and 400 for a malformed id', async () => {
    expect((await complain('nosuchticket', { kind: 'rude' })).status).toBe(404);
    expect((await s.anon.get('/api/tickets/nosuchticket/complaints')).status).toBe(404);
    expect((await complain('bad%20id', { kind: 'rude' })).status).toBe(400);
  });

  it('keeps one limit and one list over a transfer chain, under the id the citizen used', async () => {
    const ticketId = await newTicket();
    const clerk = await s.userWithRole('manager', undefined, 1);
    const called = await clerk.post('/api/counters/1/call-next');
    expect(called.status).toBe(200);
    // Call until this ticket is at the counter (earlier tests left others waiting).
    let at = called.body.ticket.id as string;
    while (at !== ticketId) {
      await clerk.post(`/api/tickets/${at}/no-show`);
      at = (await clerk.post('/api/counters/1/call-next')).body.ticket.id;
    }
    const moved = await clerk.post(`/api/tickets/${ticketId}/transfer`, { serviceId: 2 });
    expect(moved.status).toBe(200);
    const successor = moved.body.ticket.id as string;
    expect((await complain(ticketId, { kind: 'skipped' })).status).toBe(201);
    expect((await complain(successor, { kind: 'rude' })).status).toBe(201);
    const fromFirst = await complaintsOf(ticketId);
    const fromSuccessor = await complaintsOf(successor);
    expect(fromFirst).toEqual(fromSuccessor);
    expect(fromFirst.complaints.map((c) => c.kind)).toEqual(['skipped', 'rude']);
    expect(fromFirst.remaining).toBe(1);
    const listed = (await manager.get<Complaint[]>('/api/complaints')).body;
    expect(listed.find((c) => c.kind === 'skipped' && c.ticketId === ticketId)).toBeDefined();
    expect(listed.find((c) => c.kind === 'rude' && c.ticketId === successor)).toBeDefined();
  });
});

describe('managers handle complaints', () => {
  it('lists them newest first, filtered by status, to managers only', async () => {
    await complain(await newTicket(), { kind: 'discrimination', text: 'ไม่ได้รับบริการเท่ากัน' });
    clock.advance(60_000);
    const latest = await complain(await newTicket(), { kind: 'rude' });
    const all = await manager.get<Complaint[]>('/api/complaints');
    expect(all.status).toBe(200);
    const times = all.body.map((c) => Date.parse(c.receivedAt));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const at = all.body.findIndex((c) => c.reference === latest.body.complaint.reference);
    expect(all.body[at + 1]!.kind).toBe('discrimination');
    const received = await manager.get<Complaint[]>('/api/complaints?status=received');
    expect(received.body.every((c) => c.status === 'received')).toBe(true);
    expect((await manager.get('/api/complaints?status=closed')).status).toBe(400);

    expect((await staff.get('/api/complaints')).status).toBe(403);
    expect((await s.anon.get('/api/complaints')).status).toBe(401);
    const id = all.body[0]!.id;
    const patchAsStaff = await staff.request('PATCH', `/api/complaints/${id}`, {
      status: 'investigating',
    });
    expect(patchAsStaff.status).toBe(403);
    expect(patchAsStaff.body.error.code).toBe('forbidden');
  });

  it('records each change in the ledger with the manager as actor; resolved is final', async () => {
    const ticketId = await newTicket();
    const made = await complain(ticketId, { kind: 'bribe_request', text: 'ขอเงิน 200 บาท' });
    const id = (await manager.get<Complaint[]>('/api/complaints')).body.find(
      (c) => c.reference === made.body.complaint.reference,
    )!.id;

    const before = s.ledgerLength();
    const noOutcome = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'resolved',
    });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body.error.code).toBe('outcome_required');
    const blankOutcome = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'resolved',
      outcome: '   ',
    });
    expect(blankOutcome.status).toBe(400);
    const longOutcome = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'resolved',
      outcome: 'x'.repeat(1001),
    });
    expect(longOutcome.status).toBe(400);
    expect(s.ledgerLength()).toBe(before);

    clock.advance(3_600_000);
    const taken = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'investigating',
    });
    expect(taken.status).toBe(200);
    expect(taken.body.complaint).toMatchObject({ status: 'investigating', outcome: null });
    clock.advance(3_600_000);
    const resolved = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'resolved',
      outcome: 'ตรวจสอบแล้ว ตักเตือนเจ้าหน้าที่',
    });
    expect(resolved.status).toBe(200);
    expect(resolved.body.complaint).toMatchObject({
      status: 'resolved',
      outcome: 'ตรวจสอบแล้ว ตักเตือนเจ้าหน้าที่',
      updatedBy: 'manager1',
    });
    expect(s.ledgerLength()).toBe(before + 2);
    const entries = complaintEntries().filter((e) => e.entityId === String(id));
    expect(entries.map((e) => e.type)).toEqual([
      'complaint.received',
      'complaint.investigating',
      'complaint.resolved',
    ]);
    for (const entry of entries.slice(1))
      expect(entry.data.actor).toEqual({ kind: 'user', username: 'manager1', role: 'manager' });
    expect(entries[2]!.data.state).toMatchObject({
      status: 'resolved',
      outcome: 'ตรวจสอบแล้ว ตักเตือนเจ้าหน้าที่',
      updated_by: 'manager1',
    });

    const back = await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'investigating',
    });
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe('complaint_resolved');
    expect(s.ledgerLength()).toBe(before + 2);

    // The citizen reads the outcome from the ticket.
    const followed = await complaintsOf(ticketId);
    expect(followed.complaints[0]).toMatchObject({
      reference: made.body.complaint.reference,
      status: 'resolved',
      outcome: 'ตรวจสอบแล้ว ตักเตือนเจ้าหน้าที่',
    });
    expect(followed.complaints[0]!.resolvedAt).not.toBeNull();
    expect(
      (
        await manager.request('PATCH', '/api/complaints/999999', {
          status: 'resolved',
          outcome: 'x',
        })
      ).status,
    ).toBe(404);
  });

  it('refuses taking up a complaint twice', async () => {
    const made = await complain(await newTicket(), { kind: 'other' });
    const id = (await manager.get<Complaint[]>('/api/complaints')).body.find(
      (c) => c.reference === made.body.complaint.reference,
    )!.id;
    const patch = () =>
      manager.request('PATCH', `/api/complaints/${id}`, { status: 'investigating' });
    expect((await patch()).status).toBe(200);
    const again = await patch();
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_state');
  });
});

describe('complaints counted in the manager report', () => {
  it('counts the month by kind and how many were resolved, without a word of their text', async () => {
    const secret = 'ข้อความลับของผู้ร้องเรียน-7Q';
    const report = async (): Promise<Report> =>
      (await manager.get<Report>('/api/reports/monthly?month=2026-03')).body;
    const before = (await report()).complaints!;
    await complain(await newTicket(), { kind: 'skipped', text: secret });
    await complain(await newTicket(), { kind: 'bribe_request', text: secret });
    const made = await complain(await newTicket(), { kind: 'bribe_request', text: secret });
    const id = (await manager.get<Complaint[]>('/api/complaints')).body.find(
      (c) => c.reference === made.body.complaint.reference,
    )!.id;
    await manager.request('PATCH', `/api/complaints/${id}`, {
      status: 'resolved',
      outcome: `${secret} ผลการตรวจสอบ`,
    });

    const after = await report();
    expect(after.complaints!.months.map((m) => m.month)).toEqual(['2026-03']);
    const [month] = after.complaints!.months;
    expect(month!.received).toBe(before.totals.received + 3);
    expect(month!.byKind.skipped).toBe(before.totals.byKind.skipped + 1);
    expect(month!.byKind.bribe_request).toBe(before.totals.byKind.bribe_request + 2);
    expect(month!.resolved).toBe(before.totals.resolved + 1);
    expect(after.complaints!.totals).toEqual({
      received: month!.received,
      byKind: month!.byKind,
      resolved: month!.resolved,
    });
    expect(JSON.stringify(after)).not.toContain(secret);
    expect(JSON.stringify(after.complaints)).not.toMatch(/"text"|"outcome"|"reference"/);

    // The month before has none.
    const february = (await manager.get<Report>('/api/reports/monthly?month=2026-02')).body;
    expect(february.complaints!.totals.received).toBe(0);
  });
});

describe('complaints as an anonymous write', () => {
  it('answers 429 to one address sending complaints faster than the anonymous rate', async () => {
    const limited = await startTestServer({ anonymousRate: DEFAULT_ANONYMOUS_RATE });
    try {
      const answers = await Promise.all(
        Array.from({ length: DEFAULT_ANONYMOUS_RATE.burst * 3 }, () =>
          limited.anon.post('/api/tickets/nosuchticket/complaint', { kind: 'rude' }),
        ),
      );
      const statuses = new Set(answers.map((a) => a.status));
      expect([...statuses].sort()).toEqual([404, 429]);
      expect(answers.find((a) => a.status === 429)!.body.error.code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});
