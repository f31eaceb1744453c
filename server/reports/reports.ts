import type { Report, TicketHistory } from '../contract/contract.ts';
import type { OfficeContext } from '../commands/office-context.ts';
import { localDay, toLocalIso } from '../core/local-time.ts';
import { invalid, notFound } from '../core/errors.ts';
import { buildReport } from './build-report.ts';
import { periodOf, type ReportPeriod, type ReportRequest } from './report-period.ts';
import { historyEntry } from './ticket-history.ts';

/** A transfer chain longer than this is corrupt data, not a citizen's path. */
const MAX_CHAIN = 50;

/** Reads what a report needs from the store and hands it to the pure report builder. */
export class Reports {
  constructor(private readonly ctx: OfficeContext) {}

  build(request: ReportRequest): Report {
    const serviceId = request.serviceId ?? null;
    if (serviceId !== null && !this.ctx.services().has(serviceId))
      throw notFound('service', serviceId);
    const today = localDay(this.ctx.now(), this.ctx.config().timeZone);
    return this.buildPeriod(periodOf(request, today), serviceId);
  }

  /** The report of any period, e.g. a quarter of the fiscal year for the ITA publications. */
  buildPeriod(period: ReportPeriod, serviceId: number | null): Report {
    const { store } = this.ctx;
    const timeZone = this.ctx.config().timeZone;
    const now = this.ctx.now();
    if (serviceId !== null && !this.ctx.services().has(serviceId))
      throw notFound('service', serviceId);
    if (period.range.days > 400) throw invalid('range_too_long', 'at most 400 days at a time');
    const { from, to } = period.range;
    const before = period.previous;
    return buildReport({
      period,
      officeName: this.ctx.officeName(),
      serviceId,
      timeZone,
      nowMs: now,
      satisfactionTargetPct: this.ctx.satisfactionTargetPct(),
      services: [...this.ctx.services().values()].sort((a, b) => a.sortOrder - b.sortOrder),
      counters: this.ctx.counters(),
      current: {
        tickets: store.reports.ticketGroups(from, to, serviceId, 'day-service-counter-staff'),
        ratings: store.reports.ratingGroups(from, to, serviceId),
      },
      steps: store.reports.stepGroups(from, to, serviceId),
      surveys: store.reports.surveyCounts(from, to, serviceId),
      complaints: store.complaints.counts(from, to, serviceId),
      previous: {
        tickets: store.reports.ticketGroups(before.from, before.to, serviceId, 'day-service'),
        ratings: store.reports.ratingGroups(before.from, before.to, serviceId),
      },
    });
  }

  /** A ticket's whole story from the ledger: every ticket of its transfer chain, oldest first. */
  ticketHistory(ticketId: string): TicketHistory {
    const { store } = this.ctx;
    const asked = store.tickets.get(ticketId);
    if (!asked) throw notFound('ticket', ticketId);
    let first = asked;
    for (let i = 0; first.transferredFrom !== null && i < MAX_CHAIN; i += 1)
      first = store.tickets.get(first.transferredFrom) ?? first;
    const chain: TicketHistory['chain'] = [];
    const timeZone = this.ctx.config().timeZone;
    for (let t = first, i = 0; i < MAX_CHAIN; i += 1) {
      chain.push({
        ticketId: t.id,
        entries: store.ledger
          .entriesOfTicket(t.id)
          .map((entry) => historyEntry(entry, (ms) => toLocalIso(ms, timeZone))),
      });
      const next = t.transferredTo === null ? undefined : store.tickets.get(t.transferredTo);
      if (!next) break;
      t = next;
    }
    return { ticketId: asked.id, number: asked.number, serviceId: asked.serviceId, chain };
  }
}
