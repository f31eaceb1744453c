import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatMinutes,
  officeDay,
  setOfficeTimeZone,
} from '../../renderer/src/lib/i18n/dates.ts';
import { feeText } from '../../renderer/src/lib/format/fee.ts';
import { COUNTER_ID, TICKET_ID, pathParam } from '../../renderer/src/lib/format/station-path.ts';
import { shouldAsk } from '../../renderer/src/lib/format/rating-flow.ts';

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
  it('reads the counter of /rate/3 and the ticket of /t/ID', () => {
    expect(pathParam('/rate/3', COUNTER_ID)).toBe('3');
    expect(pathParam('/t/AbC_12-x', TICKET_ID)).toBe('AbC_12-x');
  });

  it('refuses a missing or malformed id', () => {
    expect(pathParam('/rate', COUNTER_ID)).toBeNull();
    expect(pathParam('/rate/0', COUNTER_ID)).toBeNull();
    expect(pathParam('/t/%E0%A4', TICKET_ID)).toBeNull();
    expect(pathParam('/t/a.b', TICKET_ID)).toBeNull();
  });
});

describe('when the rating screen asks', () => {
  const done = { id: 't1', counterId: 2, status: 'done' };
  it('asks for a ticket this counter has just finished', () => {
    expect(shouldAsk(done, 2, new Set())).toBe(true);
  });
  it('does not ask for another counter, an unfinished ticket, or one already answered here', () => {
    expect(shouldAsk(done, 1, new Set())).toBe(false);
    expect(shouldAsk({ ...done, status: 'serving' }, 2, new Set())).toBe(false);
    expect(shouldAsk(done, 2, new Set(['t1']))).toBe(false);
  });
});
