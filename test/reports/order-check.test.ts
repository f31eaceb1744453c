import { describe, expect, it } from 'vitest';
import { orderCheck } from '../../server/reports/order-check.ts';
import type { OrderCheckTicket } from '../../server/store/order-check-store.ts';

const MINUTE = 60_000;
const iso = (ms: number): string => `t+${ms / MINUTE}`;

function ticket(seq: number, fields: Partial<OrderCheckTicket> = {}): OrderCheckTicket {
  return {
    seq,
    id: `id-${seq}`,
    number: `A${String(seq).padStart(3, '0')}`,
    serviceId: 1,
    day: '2026-03-02',
    priority: false,
    status: 'waiting',
    queuedMs: seq * MINUTE,
    issuedMs: seq * MINUTE,
    calledMs: null,
    outOfTurn: false,
    outOfTurnReason: null,
    ...fields,
  };
}

describe('orderCheck', () => {
  it('breaks equal places in time by issue order', () => {
    const me = ticket(2, { queuedMs: 5 * MINUTE, issuedMs: 5 * MINUTE });
    const before = ticket(1, { queuedMs: 5 * MINUTE, calledMs: 6 * MINUTE, status: 'done' });
    const after = ticket(3, {
      queuedMs: 5 * MINUTE,
      calledMs: 7 * MINUTE,
      status: 'called',
      outOfTurn: true,
      outOfTurnReason: 'appointment',
    });
    const result = orderCheck({
      ticket: me,
      line: [before, me, after],
      leftMs: null,
      nowMs: 10 * MINUTE,
      targetWaitMinutes: 15,
      iso,
    });
    expect(result).toEqual({
      ticket: { id: 'id-2', number: 'A002' },
      waitMinutes: 5,
      targetWaitMinutes: 15,
      calledBefore: [
        { number: 'A003', calledAt: 't+7', rule: 'out_of_turn', reason: 'appointment' },
      ],
    });
  });

  it('ends the wait of a ticket cancelled uncalled when it left, not now', () => {
    const me = ticket(1, { status: 'cancelled' });
    const whileWaiting = ticket(2, {
      calledMs: 3 * MINUTE,
      outOfTurn: true,
      outOfTurnReason: 'appointment',
    });
    const afterLeaving = ticket(3, {
      calledMs: 9 * MINUTE,
      outOfTurn: true,
      outOfTurnReason: 'appointment',
    });
    const result = orderCheck({
      ticket: me,
      line: [me, whileWaiting, afterLeaving],
      leftMs: 4 * MINUTE,
      nowMs: 60 * MINUTE,
      targetWaitMinutes: 15,
      iso,
    });
    expect(result.waitMinutes).toBe(3);
    expect(result.calledBefore.map((c) => c.number)).toEqual(['A002']);
  });

  it('rounds the wait to hundredths of a minute', () => {
    const me = ticket(1, { calledMs: MINUTE + 12_345, status: 'done' });
    const result = orderCheck({
      ticket: me,
      line: [me],
      leftMs: null,
      nowMs: 0,
      targetWaitMinutes: 0,
      iso,
    });
    expect(result.waitMinutes).toBe(0.21);
  });
});
