import { describe, expect, it } from 'vitest';
import {
  describeQueueRule,
  DEFAULT_QUEUE_CONFIG,
  pickNext,
  type WaitingCandidate,
} from '../../server/core/queue-rule.ts';

const normal = (id: string, queuedMs: number, seq = queuedMs): WaitingCandidate => ({
  id,
  queuedMs,
  seq,
  priority: null,
});
const priority = (id: string, queuedMs: number, seq = queuedMs): WaitingCandidate => ({
  id,
  queuedMs,
  seq,
  priority: 'elderly',
});

describe('pickNext', () => {
  it('returns null when nobody waits', () => {
    expect(
      pickNext({
        oldestNormal: null,
        oldestPriority: null,
        normalsSinceLastPriority: 0,
        everyNormal: 3,
      }),
    ).toBeNull();
  });

  it('takes the only lane that has someone waiting', () => {
    expect(
      pickNext({
        oldestNormal: normal('n', 5),
        oldestPriority: null,
        normalsSinceLastPriority: 0,
        everyNormal: 3,
      })?.ticket.id,
    ).toBe('n');
    expect(
      pickNext({
        oldestNormal: null,
        oldestPriority: priority('p', 5),
        normalsSinceLastPriority: 0,
        everyNormal: 3,
      })?.ticket.id,
    ).toBe('p');
  });

  it('gives a priority ticket that has waited longer its turn regardless of the count', () => {
    const pick = pickNext({
      oldestNormal: normal('n', 10),
      oldestPriority: priority('p', 5),
      normalsSinceLastPriority: 0,
      everyNormal: 3,
    });
    expect(pick).toEqual({ ticket: priority('p', 5), reason: 'longest_waiting' });
  });

  it('lets a later priority ticket go first once everyNormal normal tickets have been called', () => {
    const input = {
      oldestNormal: normal('n', 1),
      oldestPriority: priority('p', 9),
      everyNormal: 3,
    };
    expect(pickNext({ ...input, normalsSinceLastPriority: 2 })?.ticket.id).toBe('n');
    expect(pickNext({ ...input, normalsSinceLastPriority: 3 })).toEqual({
      ticket: priority('p', 9),
      reason: 'priority_turn',
    });
  });

  it('breaks a tie in time by issue order', () => {
    const pick = pickNext({
      oldestNormal: normal('n', 5, 1),
      oldestPriority: priority('p', 5, 2),
      normalsSinceLastPriority: 0,
      everyNormal: 3,
    });
    expect(pick?.ticket.id).toBe('n');
  });

  it('publishes the rule in Thai and English with its numbers', () => {
    const text = describeQueueRule(DEFAULT_QUEUE_CONFIG);
    expect(text.th).toContain('ใครมาก่อนได้ก่อน');
    expect(text.th).toContain(`${DEFAULT_QUEUE_CONFIG.priority.everyNormal} คิว`);
    expect(text.en).toContain(`every ${DEFAULT_QUEUE_CONFIG.priority.everyNormal} normal calls`);
  });

  it('says "1 time" and "every 1 normal call" in English, not "1 times"', () => {
    const text = describeQueueRule({
      ...DEFAULT_QUEUE_CONFIG,
      priority: { ...DEFAULT_QUEUE_CONFIG.priority, everyNormal: 1 },
      recallLimit: 1,
    });
    expect(text.en).toContain('after every 1 normal call.');
    expect(text.en).toContain('at most 1 time, then');
  });
});
