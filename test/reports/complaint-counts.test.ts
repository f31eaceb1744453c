import { describe, expect, it } from 'vitest';
import { complaintCounts, monthsOf } from '../../server/reports/complaints.ts';
import type { ComplaintCountRecord } from '../../server/store/complaint-store.ts';

describe('complaints counted per month', () => {
  it('names every month a period touches, across the turn of a year', () => {
    expect(monthsOf('2025-11-24', '2026-02-03')).toEqual([
      '2025-11',
      '2025-12',
      '2026-01',
      '2026-02',
    ]);
    expect(monthsOf('2026-03-02', '2026-03-08')).toEqual(['2026-03']);
  });

  it('counts each month by kind and its resolved ones, with zeros for a month without any', () => {
    const groups: ComplaintCountRecord[] = [
      { day: '2025-12-31', kind: 'skipped', status: 'received', count: 9 },
      { day: '2026-01-05', kind: 'skipped', status: 'received', count: 2 },
      { day: '2026-01-05', kind: 'skipped', status: 'resolved', count: 1 },
      { day: '2026-01-20', kind: 'bribe_request', status: 'investigating', count: 1 },
      { day: '2026-03-01', kind: 'rude', status: 'resolved', count: 4 },
      { day: '2026-04-01', kind: 'rude', status: 'received', count: 7 },
    ];
    const counts = complaintCounts(groups, { from: '2026-01-01', to: '2026-03-31' });
    expect(counts.months).toEqual([
      {
        month: '2026-01',
        received: 4,
        byKind: { skipped: 3, discrimination: 0, bribe_request: 1, rude: 0, other: 0 },
        resolved: 1,
      },
      {
        month: '2026-02',
        received: 0,
        byKind: { skipped: 0, discrimination: 0, bribe_request: 0, rude: 0, other: 0 },
        resolved: 0,
      },
      {
        month: '2026-03',
        received: 4,
        byKind: { skipped: 0, discrimination: 0, bribe_request: 0, rude: 4, other: 0 },
        resolved: 4,
      },
    ]);
    expect(counts.totals).toEqual({
      received: 8,
      byKind: { skipped: 3, discrimination: 0, bribe_request: 1, rude: 4, other: 0 },
      resolved: 5,
    });
  });
});
