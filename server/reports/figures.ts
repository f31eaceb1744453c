import type { OutOfTurnReason, ReportFigures } from '../contract/contract.ts';
import { OUT_OF_TURN_REASONS } from '../contract/contract.ts';
import type { ReportTicketRow } from '../core/records.ts';
import { mean, pct, percentile, round, sortedCopy } from './statistics.ts';
import { satisfactionFigures } from './satisfaction.ts';

const MINUTE_MS = 60_000;

/** What a ticket is held against: its service's target wait and posted standard, in minutes. */
export interface Standards {
  targetWaitMinutes: number;
  standardMinutes: number;
}

/**
 * Collects one group's tickets and ratings (a service, a counter, a staff member,
 * a day, the whole office) and turns them into its published figures.
 */
export class FiguresBuilder {
  private issued = 0;
  private transfersIn = 0;
  private served = 0;
  private noShow = 0;
  private cancelled = 0;
  private transfersOut = 0;
  private open = 0;
  private readonly waits: number[] = [];
  private withinTarget = 0;
  private readonly serviceTimes: number[] = [];
  private withinStandard = 0;
  private readonly ratings: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  private outOfTurn = 0;
  private readonly byReason = Object.fromEntries(OUT_OF_TURN_REASONS.map((r) => [r, 0])) as Record<
    OutOfTurnReason,
    number
  >;
  private recalls = 0;

  addTicket(row: ReportTicketRow, standards: Standards): void {
    this.issued += 1;
    if (row.transferIn) this.transfersIn += 1;
    switch (row.status) {
      case 'done':
        this.served += 1;
        break;
      case 'no_show':
        this.noShow += 1;
        break;
      case 'cancelled':
        this.cancelled += 1;
        break;
      case 'transferred':
        this.transfersOut += 1;
        break;
      default:
        this.open += 1;
    }
    if (row.calledMs !== null) {
      const wait = (row.calledMs - row.issuedMs) / MINUTE_MS;
      this.waits.push(wait);
      if (wait <= standards.targetWaitMinutes) this.withinTarget += 1;
      if (row.outOfTurn) {
        this.outOfTurn += 1;
        if (row.outOfTurnReason) this.byReason[row.outOfTurnReason] += 1;
      }
    }
    this.recalls += row.recalls;
    if (row.status === 'done' && row.startedMs !== null && row.finishedMs !== null) {
      const minutes = (row.finishedMs - row.startedMs) / MINUTE_MS;
      this.serviceTimes.push(minutes);
      if (minutes <= standards.standardMinutes) this.withinStandard += 1;
    }
  }

  addRating(score: number): void {
    this.ratings[score - 1] = (this.ratings[score - 1] ?? 0) + 1;
  }

  build(satisfactionTargetPct: number): ReportFigures {
    const waits = sortedCopy(this.waits);
    const times = sortedCopy(this.serviceTimes);
    const calls = waits.length;
    return {
      issued: this.issued,
      transfersIn: this.transfersIn,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      transfersOut: this.transfersOut,
      open: this.open,
      wait: {
        called: calls,
        p50: round(percentile(waits, 0.5), 2),
        p90: round(percentile(waits, 0.9), 2),
        mean: round(mean(waits), 2),
        max: round(calls === 0 ? null : waits[calls - 1]!, 2),
        withinTargetPct: round(pct(this.withinTarget, calls), 1),
      },
      service: {
        timed: times.length,
        mean: round(mean(times), 2),
        p90: round(percentile(times, 0.9), 2),
        withinStandardPct: round(pct(this.withinStandard, times.length), 1),
      },
      satisfaction: satisfactionFigures(this.ratings, this.served, satisfactionTargetPct),
      fairness: {
        calls,
        outOfTurn: this.outOfTurn,
        outOfTurnByReason: { ...this.byReason },
        inOrderPct: round(calls === 0 ? null : 100 - (this.outOfTurn / calls) * 100, 1),
        recalls: this.recalls,
        transfersOut: this.transfersOut,
      },
    };
  }
}
