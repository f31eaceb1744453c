import type { Office } from './office.ts';
import type { Transparency, TransparencyRange } from '../contract/contract.ts';
import { closedDays } from '../core/checkpoint.ts';
import { nextDay } from '../core/local-time.ts';
import {
  buildTransparency,
  transparencyPeriod,
  type LedgerCheckResult,
} from '../reports/transparency.ts';

/** Reads what the public record of the queue needs and hands it to the pure builder. */
export class TransparencyView {
  constructor(private readonly office: Office) {}

  /**
   * What the answer depends on besides the passing of time: every change of the office's
   * state is a ledger entry (a survey given, a complaint received or resolved included), and
   * the day and the last chain check move it too.
   */
  version(check: LedgerCheckResult | null): string {
    const head = this.office.ctx.store.ledger.head();
    return `${this.office.ctx.calendar.day()}:${head.seq}:${check?.checkedMs ?? ''}`;
  }

  build(
    kind: TransparencyRange,
    check: LedgerCheckResult | null,
    checkEveryMinutes: number,
  ): Transparency {
    const { ctx } = this.office;
    const { store } = ctx;
    const config = ctx.config();
    const today = ctx.calendar.day();
    const range = transparencyPeriod(kind, today);
    // Read in one snapshot, so the figures and the ledger heads describe the same moment.
    return store.db.transaction(() => {
      const checkpoints = this.office.checkpoints?.published().checkpoints ?? [];
      const lastSigned = checkpoints.at(-1) ?? null;
      const unsignedDays = closedDays(
        store.checkpoints.entriesAfter(lastSigned?.seq ?? 0),
        lastSigned,
        nextDay(today),
        config.timeZone,
      );
      return buildTransparency({
        kind,
        range,
        nowMs: ctx.now(),
        timeZone: config.timeZone,
        officeName: ctx.officeName(),
        satisfactionTargetPct: ctx.satisfactionTargetPct(),
        services: [...ctx.services().values()].sort((a, b) => a.sortOrder - b.sortOrder),
        counters: ctx.counters(),
        tickets: store.reports.ticketGroups(
          range.from,
          range.to,
          null,
          'day-service-counter-staff',
        ),
        ratings: store.reports.ratingGroups(range.from, range.to, null),
        surveys: store.reports.surveyCounts(range.from, range.to, null),
        complaints: store.complaints.counts(range.from, range.to, null),
        queue: config,
        checkpoints,
        unsignedDays,
        check,
        checkEveryMinutes,
      });
    })();
  }
}
