import type { OutOfTurnReason, ReportFigures } from '../contract/contract.ts';
import { OUT_OF_TURN_REASONS } from '../contract/contract.ts';
import type { TicketGroupRecord } from '../core/records.ts';
import { max, mean, pct, quantiles, round } from './statistics.ts';
import { satisfactionFigures } from './satisfaction.ts';

const MINUTE_MS = 60_000;

/** What a ticket is held against: its service's target wait and posted standard, in minutes. */
export interface Standards {
  targetWaitMinutes: number;
  standardMinutes: number;
}

/**
 * A group of one service's tickets with its times in minutes, held against that
 * service's standards once, however many views (service, day, counter, staff,
 * office) it is added to.
 */
export interface MeasuredGroup {
  record: TicketGroupRecord;
  waits: Float64Array;
  withinTarget: number;
  serviceTimes: Float64Array;
  withinStandard: number;
}

export function measureGroup(record: TicketGroupRecord, standards: Standards): MeasuredGroup {
  const waits = Float64Array.from(record.waitsMs, (ms) => ms / MINUTE_MS);
  const serviceTimes = Float64Array.from(record.serviceMs, (ms) => ms / MINUTE_MS);
  let withinTarget = 0;
  for (const minutes of waits) if (minutes <= standards.targetWaitMinutes) withinTarget += 1;
  let withinStandard = 0;
  for (const minutes of serviceTimes) if (minutes <= standards.standardMinutes) withinStandard += 1;
  return { record, waits, withinTarget, serviceTimes, withinStandard };
}

/** Joins arrays end to end: a view's times are kept as its groups' arrays until it is built. */
function concat(parts: Float64Array[]): Float64Array {
  const all = new Float64Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    all.set(part, at);
    at += part.length;
  }
  return all;
}

/**
 * Collects one view's groups of tickets and ratings (a service, a counter, a
 * staff member, a day, the whole office) and turns them into its published figures.
 */
export class FiguresBuilder {
  private issued = 0;
  private transfersIn = 0;
  private served = 0;
  private noShow = 0;
  private cancelled = 0;
  private transfersOut = 0;
  private open = 0;
  private recalls = 0;
  private readonly waits: Float64Array[] = [];
  private withinTarget = 0;
  private readonly serviceTimes: Float64Array[] = [];
  private withinStandard = 0;
  private readonly ratings: [number, number, number, number, number] = [0, 0, 0, 0, 0];
  private outOfTurn = 0;
  private readonly byReason = Object.fromEntries(OUT_OF_TURN_REASONS.map((r) => [r, 0])) as Record<
    OutOfTurnReason,
    number
  >;

  addGroup(group: MeasuredGroup): void {
    const r = group.record;
    this.issued += r.issued;
    this.transfersIn += r.transfersIn;
    this.served += r.served;
    this.noShow += r.noShow;
    this.cancelled += r.cancelled;
    this.transfersOut += r.transfersOut;
    this.open += r.open;
    this.recalls += r.recalls;
    this.waits.push(group.waits);
    this.withinTarget += group.withinTarget;
    this.serviceTimes.push(group.serviceTimes);
    this.withinStandard += group.withinStandard;
    for (const call of r.outOfTurn) {
      this.outOfTurn += 1;
      if (call.reason) this.byReason[call.reason] += 1;
    }
  }

  addRatings(score: number, count: number): void {
    this.ratings[score - 1] = (this.ratings[score - 1] ?? 0) + count;
  }

  build(satisfactionTargetPct: number): ReportFigures {
    // Copies: selection reorders, and a group's arrays are shared with other views.
    const waits = concat(this.waits);
    const times = concat(this.serviceTimes);
    const [waitP50, waitP90] = quantiles(waits, [0.5, 0.9]);
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
        p50: round(waitP50!, 2),
        p90: round(waitP90!, 2),
        mean: round(mean(waits), 2),
        max: round(max(waits), 2),
        withinTargetPct: round(pct(this.withinTarget, calls), 1),
      },
      service: {
        timed: times.length,
        mean: round(mean(times), 2),
        p90: round(quantiles(times, [0.9])[0]!, 2),
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
