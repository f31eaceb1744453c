import { describe, expect, it } from 'vitest';
import type { OfficeHours } from '../../server/contract/contract.ts';
import {
  isOfficeOpen,
  isTimeOfDay,
  issueDecision,
  MUNICIPAL_OFFICE_HOURS,
  nextHoursChange,
  nextOpening,
} from '../../server/core/office-hours.ts';
import { serviceAvailability } from '../../server/core/service-availability.ts';

const TZ = 'Asia/Bangkok';
/** Office-local wall time in Bangkok (+07:00, no DST). 2026-11-30 is a Monday. */
const at = (local: string): number => Date.parse(`${local}+07:00`);

const hours: OfficeHours = {
  ...MUNICIPAL_OFFICE_HOURS,
  serviceLastTicket: [{ serviceId: 2, lastTicket: '15:00' }],
};

describe('office hours', () => {
  it('keeps an office without hours open at any time', () => {
    expect(isOfficeOpen(null, at('2026-11-29T03:00:00'), TZ)).toBe(true);
    expect(issueDecision(null, 1, at('2026-11-29T03:00:00'), TZ)).toEqual({ issuable: true });
  });

  it('opens at opening time and closes at closing time on a working day', () => {
    expect(isOfficeOpen(hours, at('2026-11-30T08:29:59'), TZ)).toBe(false);
    expect(isOfficeOpen(hours, at('2026-11-30T08:30:00'), TZ)).toBe(true);
    expect(isOfficeOpen(hours, at('2026-11-30T16:29:59'), TZ)).toBe(true);
    expect(isOfficeOpen(hours, at('2026-11-30T16:30:00'), TZ)).toBe(false);
  });

  it('tells a citizen at 04:05 that tickets start at 08:30 the same morning', () => {
    expect(issueDecision(hours, 1, at('2026-11-30T04:05:00'), TZ)).toEqual({
      issuable: false,
      reason: 'office_closed',
      opensAtMs: at('2026-11-30T08:30:00'),
    });
  });

  it('sends someone at midnight to that morning, and late on Friday to Monday past the weekend', () => {
    expect(issueDecision(hours, 1, at('2026-12-01T00:00:00'), TZ)).toMatchObject({
      reason: 'office_closed',
      opensAtMs: at('2026-12-01T08:30:00'),
    });
    expect(issueDecision(hours, 1, at('2026-12-04T23:59:59'), TZ)).toMatchObject({
      reason: 'office_closed',
      opensAtMs: at('2026-12-07T08:30:00'),
    });
  });

  it('is closed all of a closed weekday', () => {
    const saturdayNoon = at('2026-12-05T12:00:00');
    expect(isOfficeOpen(hours, saturdayNoon, TZ)).toBe(false);
    expect(issueDecision(hours, 1, saturdayNoon, TZ)).toMatchObject({
      reason: 'office_closed',
      opensAtMs: at('2026-12-07T08:30:00'),
    });
  });

  it('keeps an office open across midnight when two days run to 24:00 and from 00:00', () => {
    const allDay = { open: '00:00', close: '24:00' };
    const roundTheClock: OfficeHours = {
      weekdays: [allDay, allDay, null, null, null, null, null],
      lastTicket: null,
      serviceLastTicket: [],
      holidays: [],
    };
    expect(isOfficeOpen(roundTheClock, at('2026-11-30T23:59:59'), TZ)).toBe(true);
    expect(isOfficeOpen(roundTheClock, at('2026-12-01T00:00:00'), TZ)).toBe(true);
    expect(isOfficeOpen(roundTheClock, at('2026-12-02T00:00:00'), TZ)).toBe(false);
    expect(nextOpening(roundTheClock, null, at('2026-12-02T00:00:00'), TZ)).toBe(
      at('2026-12-07T00:00:00'),
    );
  });

  it('stops one service at its own last ticket, earlier than closing, while the others go on', () => {
    const halfPastThree = at('2026-11-30T15:30:00');
    expect(issueDecision(hours, 1, halfPastThree, TZ)).toEqual({ issuable: true });
    expect(issueDecision(hours, 2, halfPastThree, TZ)).toEqual({
      issuable: false,
      reason: 'service_closed_for_today',
      opensAtMs: at('2026-12-01T08:30:00'),
    });
    expect(isOfficeOpen(hours, halfPastThree, TZ)).toBe(true);
  });

  it('stops every service at the office-wide last ticket while the office is still open', () => {
    const tenPastFour = at('2026-11-30T16:10:00');
    expect(isOfficeOpen(hours, tenPastFour, TZ)).toBe(true);
    expect(issueDecision(hours, 1, tenPastFour, TZ)).toMatchObject({
      reason: 'service_closed_for_today',
    });
  });

  it('holds a last ticket set after closing to the closing time', () => {
    const late: OfficeHours = { ...hours, lastTicket: '20:00' };
    expect(issueDecision(late, 1, at('2026-11-30T16:29:00'), TZ)).toEqual({ issuable: true });
    expect(issueDecision(late, 1, at('2026-11-30T16:31:00'), TZ)).toMatchObject({
      reason: 'office_closed',
    });
  });

  it('skips a holiday when it says when the office opens', () => {
    const withHoliday: OfficeHours = { ...hours, holidays: ['2026-12-07'] };
    expect(isOfficeOpen(withHoliday, at('2026-12-07T10:00:00'), TZ)).toBe(false);
    expect(nextOpening(withHoliday, null, at('2026-12-04T17:00:00'), TZ)).toBe(
      at('2026-12-08T08:30:00'),
    );
  });

  it('gives no opening to a service whose last ticket is before the office opens', () => {
    const never: OfficeHours = {
      ...hours,
      serviceLastTicket: [{ serviceId: 3, lastTicket: '08:00' }],
    };
    expect(issueDecision(never, 3, at('2026-11-30T10:00:00'), TZ)).toEqual({
      issuable: false,
      reason: 'service_closed_for_today',
      opensAtMs: null,
    });
  });

  it('names the next moment an answer can change: a last ticket, a closing, or midnight', () => {
    expect(nextHoursChange(hours, [1, 2], at('2026-11-30T10:00:00'), TZ)).toBe(
      at('2026-11-30T15:00:00'),
    );
    expect(nextHoursChange(hours, [1], at('2026-11-30T10:00:00'), TZ)).toBe(
      at('2026-11-30T16:00:00'),
    );
    expect(nextHoursChange(hours, [1, 2], at('2026-11-30T16:40:00'), TZ)).toBe(
      at('2026-12-01T00:00:00'),
    );
    expect(nextHoursChange(hours, [1], at('2026-12-01T05:00:00'), TZ)).toBe(
      at('2026-12-01T08:30:00'),
    );
  });

  it('reads times of day as HH:MM, with 24:00 only as a closing time', () => {
    expect(isTimeOfDay('08:30')).toBe(true);
    expect(isTimeOfDay('8:30')).toBe(false);
    expect(isTimeOfDay('24:00')).toBe(false);
    expect(isTimeOfDay('24:00', true)).toBe(true);
    expect(isTimeOfDay('23:60')).toBe(false);
  });
});

describe('service availability', () => {
  const counter = (
    serviceIds: number[],
    status: 'open' | 'paused' | 'closed',
    pauseReason: string | null = null,
  ) => ({ serviceIds, status, pauseReason });
  const noon = at('2026-11-30T12:00:00');

  it('issues while one open counter serves the service', () => {
    const counters = [counter([1], 'closed'), counter([1, 2], 'open')];
    expect(serviceAvailability(hours, counters, 1, noon, TZ).unavailable).toBeNull();
  });

  it('refuses a service whose only counter is closed, or that no counter serves', () => {
    expect(serviceAvailability(null, [counter([1], 'closed')], 1, noon, TZ)).toMatchObject({
      unavailable: 'counters_closed',
    });
    expect(serviceAvailability(null, [counter([2], 'open')], 1, noon, TZ)).toMatchObject({
      unavailable: 'counters_closed',
    });
  });

  it('tells a paused counter’s reason rather than "closed"', () => {
    const counters = [counter([1], 'closed'), counter([1], 'paused', 'พักกลางวัน')];
    expect(serviceAvailability(null, counters, 1, noon, TZ)).toEqual({
      unavailable: 'counters_paused',
      pauseReason: 'พักกลางวัน',
      opensAtMs: null,
    });
  });

  it('says the office is closed before it says the counters are', () => {
    expect(
      serviceAvailability(hours, [counter([1], 'closed')], 1, at('2026-11-30T20:00:00'), TZ),
    ).toEqual({
      unavailable: 'office_closed',
      pauseReason: null,
      opensAtMs: at('2026-12-01T08:30:00'),
    });
  });
});
