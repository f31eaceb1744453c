import { describe, expect, it } from 'vitest';
import {
  formatDayRange,
  formatDocumentDay,
  formatDocumentTime,
  formatShortDay,
  formatWeekday,
} from '../../renderer/src/lib/i18n/dates.ts';
import {
  changeTone,
  formatChange,
  formatCount,
  formatMinutesFigure,
  formatPct,
  formatScore,
} from '../../renderer/src/lib/manager/figures.ts';
import {
  clipLabel,
  heatFill,
  heatmapHours,
  labelIndexes,
  linePath,
  maxOf,
  valueAxis,
} from '../../renderer/src/lib/manager/chart-scales.ts';
import { throttle, type Timers } from '../../renderer/src/lib/manager/throttle.ts';
import {
  serviceMinutesOf,
  ticketsOfDay,
  waitMinutesOf,
} from '../../renderer/src/lib/manager/day-tickets.ts';
import { ledgerEventLabel } from '../../renderer/src/lib/manager/ticket-labels.ts';
import type { TicketRecord } from '../../renderer/src/lib/contract.ts';

describe('report dates', () => {
  it('writes a day as a Thai document does: Buddhist era in Thai digits', () => {
    expect(formatDocumentDay('2026-11-25', 'th')).toBe('๒๕ พฤศจิกายน ๒๕๖๙');
    expect(formatDocumentDay('2026-11-25', 'en')).toBe('25 November 2026');
  });

  it('keeps a calendar day on its day whatever the zone of the machine', () => {
    expect(formatDocumentDay('2027-01-01', 'th')).toBe('๑ มกราคม ๒๕๗๐');
    expect(formatShortDay('2026-11-25', 'th', false)).toBe('๒๕ พ.ย.');
  });

  it('shares the month and year of a range', () => {
    expect(formatDayRange('2026-11-23', '2026-11-29', 'th')).toBe('๒๓–๒๙ พฤศจิกายน ๒๕๖๙');
    expect(formatDayRange('2025-10-01', '2026-09-30', 'th')).toBe('๑ ตุลาคม ๒๕๖๘ – ๓๐ กันยายน ๒๕๖๙');
  });

  it('states an instant in the office zone, not the machine zone', () => {
    // 23:30 UTC is already the next morning in Bangkok.
    expect(formatDocumentTime('2026-11-24T23:30:00Z', 'th', 'Asia/Bangkok')).toBe(
      '๒๕ พฤศจิกายน ๒๕๖๙ เวลา ๐๖:๓๐',
    );
  });

  it('names weekdays from Monday, as the heatmap rows count them', () => {
    expect(formatWeekday(0, 'en')).toBe('Mon');
    expect(formatWeekday(6, 'en')).toBe('Sun');
    expect(formatWeekday(0, 'th')).toBe('จันทร์');
  });
});

describe('report figures', () => {
  it('shows missing figures as a dash, never NaN', () => {
    expect(formatPct(null)).toBe('–');
    expect(formatMinutesFigure(null, 'th')).toBe('–');
    expect(formatScore(null)).toBe('–');
    expect(formatChange(null, 'pts', 'th')).toBe('–');
  });

  it('writes counts, shares and minutes with one decimal', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(formatPct(85)).toBe('85.0%');
    expect(formatMinutesFigure(12.25, 'th')).toBe('12.3 นาที');
    expect(formatMinutesFigure(7, 'en')).toBe('7.0 min');
    expect(formatScore(4.5)).toBe('4.50');
  });

  it('signs changes and says in which unit they moved', () => {
    expect(formatChange(3.14, 'pts', 'th')).toBe('+3.1 จุด');
    expect(formatChange(-0.5, 'min', 'en')).toBe('−0.5 min');
    expect(formatChange(12, 'pct', 'th')).toBe('+12.0%');
    expect(formatChange(0, 'pts', 'en')).toBe('±0.0 pts');
  });

  it('calls a change that rounds to nothing neither better nor worse', () => {
    expect(formatChange(-0.04, 'min', 'th')).toBe('±0.0 นาที');
    expect(changeTone(-0.04, 'down')).toBe('flat');
    expect(changeTone(-0.05, 'down')).toBe('good');
  });

  it('calls shorter waits and more satisfied citizens good news', () => {
    expect(changeTone(-2, 'down')).toBe('good');
    expect(changeTone(2, 'down')).toBe('bad');
    expect(changeTone(2, 'up')).toBe('good');
    expect(changeTone(5, 'neither')).toBe('flat');
    expect(changeTone(null, 'up')).toBe('flat');
  });
});

describe('chart scales', () => {
  it('extends the axis to a round number and labels round ticks', () => {
    const axis = valueAxis(87, 200);
    expect(axis.max).toBe(100);
    expect(axis.ticks).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axis.at(50)).toBe(100);
  });

  it('draws an empty period on an axis to one instead of dividing by zero', () => {
    const axis = valueAxis(0, 100);
    expect(axis.max).toBe(1);
    expect(Number.isFinite(axis.at(0))).toBe(true);
    expect(maxOf([null, undefined, 3, 7, 2])).toBe(7);
  });

  it('breaks a line where a day has no figure', () => {
    expect(
      linePath(
        [1, 2, null, 4],
        (i) => i * 10,
        (v) => v,
      ),
    ).toBe('M0,1L10,2M30,4');
    expect(
      linePath(
        [null],
        (i) => i,
        (v) => v,
      ),
    ).toBe('');
  });

  it('labels every day that fits and spaces the rest evenly', () => {
    expect(labelIndexes(7, 10)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(labelIndexes(30, 6)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(labelIndexes(0, 6)).toEqual([]);
  });

  it('shades busier hours darker and leaves empty ones white', () => {
    expect(heatFill(0, 10)).toBe('#ffffff');
    expect(heatFill(10, 10)).toBe('rgb(11, 61, 145)');
    expect(heatFill(5, 10)).not.toBe(heatFill(10, 10));
  });

  it('shows office hours and any hour with arrivals', () => {
    const empty = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
    expect(heatmapHours(empty)).toEqual([8, 9, 10, 11, 12, 13, 14, 15, 16]);
    empty[2]![6] = 1;
    empty[4]![19] = 3;
    expect(heatmapHours(empty)[0]).toBe(6);
    expect(heatmapHours(empty).at(-1)).toBe(19);
  });

  it('cuts a label that would overflow, counting Thai marks as no width', () => {
    expect(clipLabel('A short', 100, 7)).toBe('A short');
    expect(clipLabel('ที่ดิน', 28, 7)).toBe('ที่ดิน');
    const cut = clipLabel('Building construction or alteration permit', 70, 7);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(11);
  });
});

describe('live refetch throttle', () => {
  function fakeTimers() {
    let now = 0;
    const queue: { at: number; run: () => void; id: number }[] = [];
    let ids = 0;
    const timers: Timers = {
      now: () => now,
      setTimeout: (run, ms) => {
        queue.push({ at: now + ms, run, id: ++ids });
        return ids;
      },
      clearTimeout: (id) => {
        const i = queue.findIndex((q) => q.id === id);
        if (i >= 0) queue.splice(i, 1);
      },
    };
    const advance = (ms: number) => {
      now += ms;
      for (const due of queue.filter((q) => q.at <= now)) {
        queue.splice(queue.indexOf(due), 1);
        due.run();
      }
    };
    return { timers, advance };
  }

  it('fetches at once, then at most once a second however many events arrive', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const refetch = throttle(() => (runs += 1), 1000, timers);
    refetch.request();
    expect(runs).toBe(1);
    for (let i = 0; i < 20; i += 1) refetch.request();
    expect(runs).toBe(1);
    advance(999);
    expect(runs).toBe(1);
    advance(1);
    expect(runs).toBe(2);
    advance(5000);
    expect(runs).toBe(2);
  });

  it('never drops the last request of a burst, and stops when cancelled', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const refetch = throttle(() => (runs += 1), 1000, timers);
    refetch.request();
    advance(300);
    refetch.request();
    refetch.cancel();
    advance(2000);
    expect(runs).toBe(1);
    refetch.request();
    expect(runs).toBe(2);
  });
});

describe('a day of tickets', () => {
  const record = (id: string, serviceId: number, issuedAt: string, calledAt: string | null) =>
    ({
      id,
      serviceId,
      issuedAt,
      calledAt,
      startedAt: calledAt,
      finishedAt: calledAt ? new Date(Date.parse(calledAt) + 9 * 60_000).toISOString() : null,
    }) as TicketRecord;

  it("keeps one service's tickets in the order they were issued", () => {
    const day = [
      record('b', 1, '2026-11-25T03:10:00Z', null),
      record('c', 2, '2026-11-25T03:05:00Z', null),
      record('a', 1, '2026-11-25T03:00:00Z', '2026-11-25T03:12:30Z'),
    ];
    expect(ticketsOfDay(day, 1).map((r) => r.id)).toEqual(['a', 'b']);
    expect(ticketsOfDay(day, null).map((r) => r.id)).toEqual(['a', 'c', 'b']);
  });

  it('counts the wait to the first call and the service from start to finish', () => {
    const served = record('a', 1, '2026-11-25T03:00:00Z', '2026-11-25T03:12:30Z');
    expect(waitMinutesOf(served)).toBe(12.5);
    expect(serviceMinutesOf(served)).toBe(9);
    expect(waitMinutesOf(record('b', 1, '2026-11-25T03:00:00Z', null))).toBeNull();
  });

  it('names ledger events in Thai, and shows an unknown one by its ledger name', () => {
    expect(ledgerEventLabel('ticket.called').th).toBe('เรียกคิว');
    expect(ledgerEventLabel('ticket.something_new').th).toBe('ticket.something_new');
  });
});
