/**
 * Complaints of unfair service counted (project 17: the plan's outcome is that they decrease):
 * per month of receipt, by kind, and how many of them are resolved. It reads only counts the
 * store grouped (store/complaint-store.ts `counts`), never a complaint's text, so what it
 * gives may go in a report or on the public /transparency page. Pure: no clock, no I/O.
 */
import {
  COMPLAINT_KINDS,
  type ComplaintCounts,
  type ComplaintKind,
  type ComplaintMonthCounts,
} from '../contract/contract.ts';
import type { ComplaintCountRecord } from '../store/complaint-store.ts';

const noKinds = (): Record<ComplaintKind, number> =>
  Object.fromEntries(COMPLAINT_KINDS.map((kind) => [kind, 0])) as Record<ComplaintKind, number>;

const emptyMonth = (month: string): ComplaintMonthCounts => ({
  month,
  received: 0,
  byKind: noKinds(),
  resolved: 0,
});

/** YYYY-MM of every month from `from` to `to` (office-local days), both included. */
export function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const last = to.slice(0, 7);
  for (;;) {
    const name = `${year}-${String(month).padStart(2, '0')}`;
    if (name > last) break;
    months.push(name);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return months;
}

/**
 * The complaints received on days `range.from`..`range.to`, counted per month (every month the
 * range touches, with zeros) and in total. Groups outside the range are left out.
 */
export function complaintCounts(
  groups: readonly ComplaintCountRecord[],
  range: { from: string; to: string },
): ComplaintCounts {
  const months = new Map(monthsOf(range.from, range.to).map((m) => [m, emptyMonth(m)]));
  const totals = emptyMonth('');
  for (const group of groups) {
    if (group.day < range.from || group.day > range.to) continue;
    const month = months.get(group.day.slice(0, 7));
    if (!month || !(group.kind in month.byKind)) continue;
    for (const counts of [month, totals]) {
      counts.received += group.count;
      counts.byKind[group.kind] += group.count;
      if (group.status === 'resolved') counts.resolved += group.count;
    }
  }
  const { month: _unused, ...total } = totals;
  return { months: [...months.values()], totals: total };
}
