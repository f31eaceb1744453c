import { describe, expect, it } from 'vitest';
import type { Snapshot, Ticket } from '../../server/contract/contract.ts';
import { applyEvent, fromSnapshot } from '../../renderer/src/lib/realtime/queue-state.ts';

const snapshot: Snapshot = {
  timeZone: 'Asia/Bangkok',
  seq: 10,
  officeName: { th: 'สำนักงาน', en: 'Office' },
  announcement: { ending: 'kha' },
  publicBaseUrl: null,
  complaintChannel: null,
  counters: [
    { id: 1, name: 'ช่อง 1', number: 1, serviceIds: [1], status: 'open', pauseReason: null },
    { id: 2, name: 'ช่อง 2', number: 2, serviceIds: [1], status: 'open', pauseReason: null },
  ],
  services: [
    {
      serviceId: 1,
      code: 'A',
      waiting: 2,
      estimatedWaitMinutes: 10,
      oldestWaitingSince: '2026-11-26T09:00:00.000+07:00',
    },
  ],
  latestCalls: [],
  nowServing: [
    { counterId: 1, ticket: null },
    { counterId: 2, ticket: null },
  ],
  serviceDefinitions: [],
  rule: {
    priority: { prefix: 'P', kinds: ['elderly', 'disabled', 'pregnant'], everyNormal: 3 },
    recallLimit: 3,
    outOfTurnReasons: [],
    timeZone: 'Asia/Bangkok',
    description: { th: 'เรียกตามลำดับ', en: 'First come, first served' },
  },
};

const ticket = (over: Partial<Ticket>): Ticket => ({
  id: 't1',
  number: 'A001',
  serviceId: 1,
  status: 'called',
  priority: null,
  issuedAt: '2026-11-26T09:00:00.000+07:00',
  joinedAt: '2026-11-26T09:00:00.000+07:00',
  ahead: 0,
  estimatedWaitMinutes: null,
  counterId: 1,
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  held: false,
  recalls: 0,
  outOfTurn: false,
  transferredTo: null,
  transferredFrom: null,
  ...over,
});

const called = {
  seq: 11,
  ticket: { id: 't1', number: 'A001', serviceId: 1 },
  counter: { id: 1, name: 'ช่อง 1', number: 1 },
  recall: false,
};

describe('queue state from the event stream', () => {
  it('shows a called ticket at its counter and at the top of the latest calls', () => {
    const state = applyEvent(fromSnapshot(snapshot), 'ticket:called', called);
    expect(state.seq).toBe(11);
    expect(state.nowServing.find((n) => n.counterId === 1)?.ticket).toMatchObject({
      number: 'A001',
      status: 'called',
    });
    expect(state.latestCalls[0]?.ticket.number).toBe('A001');
  });

  it('lists a recalled ticket once, at the top', () => {
    let state = applyEvent(fromSnapshot(snapshot), 'ticket:called', called);
    state = applyEvent(state, 'ticket:called', {
      ...called,
      ticket: { id: 't2', number: 'A002', serviceId: 1 },
      seq: 12,
    });
    state = applyEvent(state, 'ticket:called', { ...called, seq: 13, recall: true });
    expect(state.latestCalls.map((c) => c.ticket.number)).toEqual(['A001', 'A002']);
  });

  it('clears the counter when its ticket is finished, held or marked a no-show', () => {
    for (const change of [
      { status: 'done' as const },
      { status: 'waiting' as const, held: true },
      { status: 'no_show' as const },
    ]) {
      let state = applyEvent(fromSnapshot(snapshot), 'ticket:called', called);
      state = applyEvent(state, 'ticket:updated', { seq: 12, ticket: ticket(change) });
      expect(state.nowServing.find((n) => n.counterId === 1)?.ticket).toBeNull();
    }
  });

  it('follows the hall’s events, which carry numbers and no ticket ids', () => {
    const { id: _id, ...publicCall } = called.ticket;
    const {
      id: _ticketId,
      priority: _priority,
      transferredTo: _to,
      transferredFrom: _from,
      ...publicTicket
    } = ticket({ status: 'serving' });
    let state = applyEvent(fromSnapshot(snapshot), 'ticket:called', {
      ...called,
      ticket: publicCall,
    });
    state = applyEvent(state, 'ticket:called', {
      ...called,
      seq: 12,
      ticket: publicCall,
      recall: true,
    });
    expect(state.latestCalls.map((c) => c.ticket)).toEqual([{ number: 'A001', serviceId: 1 }]);
    state = applyEvent(state, 'ticket:updated', { seq: 13, ticket: publicTicket });
    expect(state.nowServing.find((n) => n.counterId === 1)?.ticket).toEqual({
      number: 'A001',
      serviceId: 1,
      status: 'serving',
    });
    state = applyEvent(state, 'ticket:updated', {
      seq: 14,
      ticket: { ...publicTicket, status: 'done' },
    });
    expect(state.nowServing.find((n) => n.counterId === 1)?.ticket).toBeNull();
  });

  it('keeps showing a ticket that moves from called to serving', () => {
    let state = applyEvent(fromSnapshot(snapshot), 'ticket:called', called);
    state = applyEvent(state, 'ticket:updated', { seq: 12, ticket: ticket({ status: 'serving' }) });
    expect(state.nowServing.find((n) => n.counterId === 1)?.ticket?.status).toBe('serving');
  });

  it('replaces a counter whose status changed and adds a new one', () => {
    let state = applyEvent(fromSnapshot(snapshot), 'counter:updated', {
      seq: 11,
      counter: { ...snapshot.counters[1]!, status: 'paused', pauseReason: 'ประชุม' },
    });
    expect(state.counters[1]?.status).toBe('paused');
    state = applyEvent(state, 'counter:updated', {
      seq: 12,
      counter: {
        id: 3,
        name: 'ช่อง 3',
        number: 3,
        serviceIds: [1],
        status: 'open',
        pauseReason: null,
      },
    });
    expect(state.counters).toHaveLength(3);
    expect(state.nowServing.some((n) => n.counterId === 3)).toBe(true);
  });
});

describe('posted services and the rule in the queue state', () => {
  const service = {
    id: 1,
    code: 'A',
    name: { th: 'ขอหนังสือรับรอง', en: 'Certificate' },
    standardMinutes: 10,
    steps: [{ order: 1, title: { th: 'รับคำขอ', en: '' }, minutes: 10, responsible: 'งานธุรการ' }],
    documents: [],
    fee: 0,
    feeNote: null,
    targetWaitMinutes: 15,
    active: true,
  };

  it('takes the services and the rule from every snapshot, so a resync never falls back to an old list', () => {
    const state = fromSnapshot({ ...snapshot, serviceDefinitions: [service] });
    expect(state.serviceDefinitions).toEqual([service]);
    expect(state.rule.priority.prefix).toBe('P');
  });

  it('replaces the services with the list a services:updated event brings', () => {
    const renamed = { ...service, name: { th: 'ขอหนังสือรับรองที่อยู่', en: '' } };
    const before = fromSnapshot({ ...snapshot, serviceDefinitions: [service] });
    const state = applyEvent(before, 'services:updated', { seq: 11, services: [renamed] });
    expect(state.serviceDefinitions).toEqual([renamed]);
    expect(state.seq).toBe(11);
  });
});
