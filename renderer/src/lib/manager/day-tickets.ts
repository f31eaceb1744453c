import type { TicketRecord } from '../contract.ts';

/** A day's tickets for the drill-down: one service's (or all), in the order they were issued. */
export function ticketsOfDay(
  records: readonly TicketRecord[],
  serviceId: number | null,
): TicketRecord[] {
  return records
    .filter((r) => serviceId === null || r.serviceId === serviceId)
    .sort((a, b) => Date.parse(a.issuedAt) - Date.parse(b.issuedAt));
}

/** Minutes from issue to first call, as the reports count a wait; null until it is called. */
export function waitMinutesOf(record: Pick<TicketRecord, 'issuedAt' | 'calledAt'>): number | null {
  if (!record.calledAt) return null;
  return (Date.parse(record.calledAt) - Date.parse(record.issuedAt)) / 60_000;
}

/** Minutes from start to finish; null for a ticket that was not served to the end. */
export function serviceMinutesOf(
  record: Pick<TicketRecord, 'startedAt' | 'finishedAt'>,
): number | null {
  if (!record.startedAt || !record.finishedAt) return null;
  return (Date.parse(record.finishedAt) - Date.parse(record.startedAt)) / 60_000;
}
