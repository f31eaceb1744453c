import { describe, expect, it } from 'vitest';
import { callTime, officeDay, ticketTime } from '../../server/core/office-time.ts';

const MINUTE = 60_000;
const TEN_AM = Date.parse('2026-11-25T10:00:00+07:00');
const MIDNIGHT = Date.parse('2026-11-25T00:00:00+07:00');

describe('officeDay', () => {
  it('follows the clock onto a new day', () => {
    expect(officeDay('2026-11-26', '2026-11-25')).toBe('2026-11-26');
  });

  it('keeps the last day worked on when the clock steps back across midnight', () => {
    expect(officeDay('2026-11-24', '2026-11-25')).toBe('2026-11-25');
  });

  it('takes the clock’s day before the office has worked on any', () => {
    expect(officeDay('2026-11-25', null)).toBe('2026-11-25');
  });
});

describe('ticketTime', () => {
  it('is the clock when it reads after the last ticket issued', () => {
    expect(ticketTime(TEN_AM, TEN_AM - MINUTE, MIDNIGHT)).toBe(TEN_AM);
  });

  it('is the last ticket’s time when the clock was stepped back 30 minutes', () => {
    expect(ticketTime(TEN_AM - 30 * MINUTE, TEN_AM, MIDNIGHT)).toBe(TEN_AM);
  });

  it('is the start of the office day when the clock reads the day before and no ticket was issued since', () => {
    expect(ticketTime(MIDNIGHT - 30 * MINUTE, MIDNIGHT - 60 * MINUTE, MIDNIGHT)).toBe(MIDNIGHT);
  });

  it('is the clock for the office’s first ticket', () => {
    expect(ticketTime(TEN_AM, null, MIDNIGHT)).toBe(TEN_AM);
  });
});

describe('callTime', () => {
  const issued = TEN_AM - 60 * MINUTE;

  it('is the clock when it reads after the day’s latest call', () => {
    expect(callTime(TEN_AM, TEN_AM - MINUTE, issued)).toBe(TEN_AM);
  });

  it('comes a millisecond after the day’s latest call when the clock reads earlier or the same', () => {
    expect(callTime(TEN_AM - 30 * MINUTE, TEN_AM, issued)).toBe(TEN_AM + 1);
    expect(callTime(TEN_AM, TEN_AM, issued)).toBe(TEN_AM + 1);
  });

  it('is never before the ticket was issued, so no wait comes out negative', () => {
    expect(callTime(TEN_AM - 30 * MINUTE, TEN_AM - 40 * MINUTE, TEN_AM)).toBe(TEN_AM);
  });

  it('is the clock for the day’s first call', () => {
    expect(callTime(TEN_AM, null, issued)).toBe(TEN_AM);
  });
});
