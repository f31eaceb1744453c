import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMinutes,
  officeDay,
  setOfficeTimeZone,
} from '../../renderer/src/lib/i18n/dates.ts';
import { feeText } from '../../renderer/src/lib/format/fee.ts';
import { TICKET_ID, pathParam } from '../../renderer/src/lib/format/station-path.ts';
import { nextStep } from '../../renderer/src/lib/format/rating-flow.ts';
import {
  parseRateAddress,
  ratePath,
  ratingCounter,
} from '../../renderer/src/lib/format/rate-address.ts';

describe('dates and durations', () => {
  it('writes Thai dates in the Buddhist era', () => {
    const date = new Date('2026-11-25T03:00:00Z');
    expect(formatDate(date, 'th')).toContain('2569');
    expect(formatDate(date, 'th')).toContain('พฤศจิกายน');
    expect(formatDate(date, 'en')).toContain('2026');
  });

  it('takes the office day in Bangkok time, not UTC', () => {
    expect(officeDay(new Date('2026-11-25T18:30:00Z'))).toBe('2026-11-26');
  });

  it('follows the office time zone the server publishes', () => {
    setOfficeTimeZone('Europe/Berlin');
    try {
      expect(officeDay(new Date('2026-11-25T18:30:00Z'))).toBe('2026-11-25');
    } finally {
      setOfficeTimeZone('Asia/Bangkok');
    }
  });

  it('writes minutes and hours in each language', () => {
    expect(formatMinutes(45, 'th')).toBe('45 นาที');
    expect(formatMinutes(65, 'th')).toBe('1 ชม. 5 นาที');
    expect(formatMinutes(120, 'en')).toBe('2 h');
  });
});

describe('posted fee', () => {
  it('says "no fee" explicitly when the fee is zero', () => {
    expect(feeText({ fee: 0, feeNote: null })).toEqual({ th: 'ไม่มีค่าธรรมเนียม', en: 'No fee' });
    expect(feeText({ fee: 0, feeNote: { th: 'ชำระเฉพาะภาษี', en: 'tax only' } }).th).toBe(
      'ไม่มีค่าธรรมเนียม (ชำระเฉพาะภาษี)',
    );
  });

  it('gives the amount in baht with its note', () => {
    expect(feeText({ fee: 1500, feeNote: { th: 'ต่อฉบับ', en: 'per copy' } })).toEqual({
      th: '1,500 บาท (ต่อฉบับ)',
      en: '1,500 baht (per copy)',
    });
  });
});

describe('station addresses', () => {
  it('reads the ticket of /t/ID', () => {
    expect(pathParam('/t/AbC_12-x', TICKET_ID)).toBe('AbC_12-x');
  });

  it('refuses a missing or malformed id', () => {
    expect(pathParam('/t', TICKET_ID)).toBeNull();
    expect(pathParam('/t/%E0%A4', TICKET_ID)).toBeNull();
    expect(pathParam('/t/a.b', TICKET_ID)).toBeNull();
  });
});

describe('when the rating screen asks', () => {
  it('asks whatever the server names as the target, the same question or a new one', () => {
    expect(nextStep(null, 't1', 'changed')).toBe('ask');
    expect(nextStep('t1', 't1', 'changed')).toBe('ask');
    expect(nextStep('t1', 't2', 'rated')).toBe('ask');
  });
  it('thanks when its question was answered elsewhere, and goes quiet when it ended unanswered', () => {
    expect(nextStep('t1', null, 'rated')).toBe('thank');
    expect(nextStep('t1', null, 'changed')).toBe('idle');
    expect(nextStep(null, null, 'rated')).toBe('stay');
  });
});

describe('the rating screen address', () => {
  const counter = (id: number, number: number) => ({
    id,
    number,
    name: `ช่องบริการ ${number}`,
    serviceIds: [1],
    status: 'open' as const,
    pauseReason: null,
  });
  // Counter id 5 carries number 12, and counter number 5 is another one (id 9).
  const counters = [counter(5, 12), counter(9, 5), counter(1, 1)];
  const paired = { kind: 'rating' as const, counterId: 5 };

  it('reads /rate/12 as counter number 12 and /rate/id/5 as the old id form', () => {
    expect(parseRateAddress('/rate/12')).toEqual({ by: 'number', number: 12 });
    expect(parseRateAddress('/rate/id/5')).toEqual({ by: 'id', id: 5 });
    expect(parseRateAddress('/rate/12/')).toEqual({ by: 'number', number: 12 });
    for (const bad of ['/rate', '/rate/0', '/rate/id', '/rate/id/x', '/rate/A1', '/rate/1/2'])
      expect(parseRateAddress(bad)).toBeNull();
    expect(ratePath(12)).toBe('/rate/12');
  });

  it('rates the counter its pairing names, by number, by id, or by the id an old plain address had', () => {
    for (const path of ['/rate/12', '/rate/id/5', '/rate/5'])
      expect(ratingCounter(parseRateAddress(path)!, paired, counters)).toEqual({
        kind: 'counter',
        counter: counters[0],
      });
  });

  it('never follows an address that names another counter than its pairing, nor rates unpaired', () => {
    expect(ratingCounter(parseRateAddress('/rate/1')!, paired, counters)).toEqual({
      kind: 'elsewhere',
      paired: counters[0],
    });
    expect(ratingCounter(parseRateAddress('/rate/id/9')!, paired, counters).kind).toBe('elsewhere');
    expect(ratingCounter(parseRateAddress('/rate/12')!, null, counters).kind).toBe('unpaired');
    const kiosk = { kind: 'kiosk' as const, counterId: null };
    expect(ratingCounter(parseRateAddress('/rate/12')!, kiosk, counters).kind).toBe('unpaired');
  });
});
