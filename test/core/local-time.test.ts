import { describe, expect, it } from 'vitest';
import {
  isValidDay,
  localDay,
  nextDay,
  startOfLocalDay,
  toLocalIso,
} from '../../server/core/local-time.ts';
import { canonicalJson } from '../../server/core/canonical-json.ts';
import { formatTicketNumber } from '../../server/core/ticket-number.ts';

describe('office-local time', () => {
  it('puts 23:59 and 00:00 in Bangkok on different days whatever the server zone', () => {
    const midnight = Date.UTC(2026, 10, 25, 17, 0, 0); // 2026-11-26 00:00 +07:00
    expect(localDay(midnight - 60_000, 'Asia/Bangkok')).toBe('2026-11-25');
    expect(localDay(midnight, 'Asia/Bangkok')).toBe('2026-11-26');
    expect(startOfLocalDay('2026-11-26', 'Asia/Bangkok')).toBe(midnight);
  });

  it('formats ISO 8601 with the office offset', () => {
    expect(toLocalIso(Date.UTC(2026, 10, 25, 2, 5, 6, 7), 'Asia/Bangkok')).toBe(
      '2026-11-25T09:05:06.007+07:00',
    );
    expect(toLocalIso(Date.UTC(2026, 6, 1, 12, 0, 0), 'Europe/Berlin')).toBe(
      '2026-07-01T14:00:00.000+02:00',
    );
  });

  it('finds local midnight on a daylight-saving day', () => {
    // Berlin moves to summer time at 02:00 on 2026-03-29; midnight is still +01:00.
    expect(startOfLocalDay('2026-03-29', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 28, 23, 0, 0));
    expect(startOfLocalDay('2026-03-30', 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 22, 0, 0));
  });

  it('validates calendar days and steps across month ends', () => {
    expect(isValidDay('2026-02-29')).toBe(false);
    expect(isValidDay('2028-02-29')).toBe(true);
    expect(isValidDay('2026-1-01')).toBe(false);
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
  });
});

describe('canonical JSON', () => {
  it('sorts keys at every level so equal values hash equally', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('ticket numbers', () => {
  it('pads to three digits, grows past 999 and marks the priority lane', () => {
    expect(formatTicketNumber('A', 'normal', 7, 'P')).toBe('A007');
    expect(formatTicketNumber('A', 'normal', 1000, 'P')).toBe('A1000');
    expect(formatTicketNumber('C', 'priority', 12, 'P')).toBe('PC012');
  });
});
