/**
 * The public record of the queue (/transparency): per service, the share of calls made in
 * the published order, the wait and the service time against what is posted, the calls made
 * out of turn with their reasons, satisfaction (the one-press ratings and the QR survey), the
 * complaints counted, and the ledger's daily heads. The figures are the managers' report
 * figures (FiguresBuilder, surveyFigures, complaintCounts), stripped of everything that names
 * a person or a ticket: only numbers, times, counter numbers and reason codes; never what a
 * citizen wrote. Pure: no clock, no I/O.
 */
import type {
  LedgerCheckpoint,
  LocalizedText,
  ReportRange,
  Transparency,
  TransparencyLedger,
  TransparencyLedgerDay,
  TransparencyOutOfTurnCall,
  TransparencyRange,
  TransparencyRule,
} from '../contract/contract.ts';
import type {
  CounterRecord,
  RatingGroupRecord,
  ServiceRecord,
  TicketGroupRecord,
} from '../core/records.ts';
import { standardMinutesOf } from '../core/records.ts';
import type { ClosedDay } from '../core/checkpoint.ts';
import { toLocalIso } from '../core/local-time.ts';
import { publishedRule, type QueueConfig } from '../core/queue-rule.ts';
import { FiguresBuilder, measureGroup, type Standards } from './figures.ts';
import { addDays, rangeOf, weekdayOf } from './report-period.ts';
import { surveyFigures } from './survey.ts';
import { complaintCounts } from './complaints.ts';
import type { SurveyCountsRecord } from '../store/report-store.ts';
import type { ComplaintCountRecord } from '../store/complaint-store.ts';

/** The most out-of-turn calls listed one by one; the counts always cover all of them. */
export const TRANSPARENCY_CALLS_LISTED = 500;

const NO_STANDARDS: Standards = { targetWaitMinutes: 0, standardMinutes: 0 };

/** The office days a range covers, up to and including `today`. */
export function transparencyPeriod(kind: TransparencyRange, today: string): ReportRange {
  switch (kind) {
    case 'today':
      return rangeOf(today, today);
    case 'week':
      return rangeOf(addDays(today, -weekdayOf(today)), today);
    case 'month':
      return rangeOf(`${today.slice(0, 7)}-01`, today);
  }
}

/** The last whole-chain check (store/ledger-verification.ts), as the public sees it. */
export interface LedgerCheckResult {
  ok: boolean;
  length: number;
  headHash: string;
  brokenAt: number | null;
  checkedMs: number;
}

export interface TransparencyInput {
  kind: TransparencyRange;
  range: ReportRange;
  nowMs: number;
  timeZone: string;
  officeName: LocalizedText;
  satisfactionTargetPct: number;
  /** In the order the office posts them. */
  services: ServiceRecord[];
  counters: CounterRecord[];
  /** The range's tickets and ratings, as the report store groups them. */
  tickets: TicketGroupRecord[];
  ratings: RatingGroupRecord[];
  /** The surveys of the range's tickets (ReportStore.surveyCounts). */
  surveys: SurveyCountsRecord;
  /** Complaints received on the range's days (ComplaintStore.counts): counts, never text. */
  complaints: ComplaintCountRecord[];
  queue: QueueConfig;
  /** The signed checkpoints of the published key. */
  checkpoints: readonly LedgerCheckpoint[];
  /** Days after the last checkpoint, today's running head included (core/checkpoint.ts closedDays). */
  unsignedDays: readonly ClosedDay[];
  check: LedgerCheckResult | null;
  checkEveryMinutes: number;
}

export function buildTransparency(input: TransparencyInput): Transparency {
  const { timeZone } = input;
  const target = input.satisfactionTargetPct;
  const standards = new Map<number, Standards>(
    input.services.map((s) => [
      s.id,
      { targetWaitMinutes: s.targetWaitMinutes, standardMinutes: standardMinutesOf(s) },
    ]),
  );
  const counterNumbers = new Map(input.counters.map((c) => [c.id, c.number]));
  const totals = new FiguresBuilder();
  const byService = new Map<number, FiguresBuilder>();
  const calls: (Omit<TransparencyOutOfTurnCall, 'calledAt'> & { calledMs: number })[] = [];
  for (const group of input.tickets) {
    const measured = measureGroup(group, standards.get(group.serviceId) ?? NO_STANDARDS);
    totals.addGroup(measured);
    builderOf(byService, group.serviceId).addGroup(measured);
    for (const call of group.outOfTurn) {
      calls.push({
        number: call.number,
        serviceId: group.serviceId,
        calledMs: call.calledMs,
        counterNumber:
          group.counterId === null ? null : (counterNumbers.get(group.counterId) ?? null),
        reason: call.reason,
      });
    }
  }
  for (const rating of input.ratings) {
    totals.addRatings(rating.score, rating.count);
    builderOf(byService, rating.serviceId).addRatings(rating.score, rating.count);
  }

  const all = totals.build(target);
  const services = input.services
    .filter((s) => s.active || byService.has(s.id))
    .map((s) => {
      const f = (byService.get(s.id) ?? new FiguresBuilder()).build(target);
      return {
        serviceId: s.id,
        code: s.code,
        name: s.name,
        issued: f.issued,
        served: f.served,
        calls: f.fairness.calls,
        outOfTurn: f.fairness.outOfTurn,
        inOrderPct: f.fairness.inOrderPct,
        wait: { p50: f.wait.p50, p90: f.wait.p90, withinTargetPct: f.wait.withinTargetPct },
        targetWaitMinutes: s.targetWaitMinutes,
        serviceTime: {
          timed: f.service.timed,
          mean: f.service.mean,
          p90: f.service.p90,
          withinStandardPct: f.service.withinStandardPct,
        },
        standardMinutes: standardMinutesOf(s),
      };
    });
  const { counts, n, mean, sd, band, satisfiedPct, targetPct, targetMet } = all.satisfaction;
  // How many surveys came with a comment says nothing the public can use: only figures go out.
  const { withComment: _unused, ...survey } = surveyFigures(input.surveys);

  return {
    range: { kind: input.kind, ...input.range },
    generatedAt: toLocalIso(input.nowMs, timeZone),
    officeName: input.officeName,
    totals: {
      issued: all.issued,
      served: all.served,
      calls: all.fairness.calls,
      outOfTurn: all.fairness.outOfTurn,
      inOrderPct: all.fairness.inOrderPct,
    },
    services,
    outOfTurn: calls
      .sort((a, b) => b.calledMs - a.calledMs)
      .slice(0, TRANSPARENCY_CALLS_LISTED)
      .map(({ calledMs, ...call }) => ({ ...call, calledAt: toLocalIso(calledMs, timeZone) })),
    satisfaction: { counts, n, mean, sd, band, satisfiedPct, targetPct, targetMet },
    survey,
    complaints: complaintCounts(input.complaints, input.range),
    ledger: ledgerOf(input),
    rule: ruleOf(input.queue),
  };
}

function builderOf(builders: Map<number, FiguresBuilder>, serviceId: number): FiguresBuilder {
  let builder = builders.get(serviceId);
  if (!builder) {
    builder = new FiguresBuilder();
    builders.set(serviceId, builder);
  }
  return builder;
}

/** The range's daily heads, signed where a checkpoint exists, and the last check of the chain. */
function ledgerOf(input: TransparencyInput): TransparencyLedger {
  const { from, to } = input.range;
  const inRange = (day: string): boolean => day >= from && day <= to;
  const days = new Map<string, TransparencyLedgerDay>();
  for (const { day, seq, count, headHash } of input.unsignedDays)
    if (inRange(day)) days.set(day, { day, seq, count, headHash, signed: false });
  // A signed head is the one anyone can hold the office to.
  for (const { day, seq, count, headHash } of input.checkpoints)
    if (inRange(day)) days.set(day, { day, seq, count, headHash, signed: true });
  const check = input.check;
  return {
    verified: check?.ok ?? null,
    checkedAt: check ? toLocalIso(check.checkedMs, input.timeZone) : null,
    length: check?.length ?? null,
    headHash: check?.headHash ?? null,
    brokenAt: check?.brokenAt ?? null,
    checkEveryMinutes: input.checkEveryMinutes,
    days: [...days.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0)),
  };
}

/** The published rule (GET /api/queue/rule) without the list of priority kinds: its words name them. */
function ruleOf(config: QueueConfig): TransparencyRule {
  const rule = publishedRule(config);
  return {
    priority: { prefix: rule.priority.prefix, everyNormal: rule.priority.everyNormal },
    recallLimit: rule.recallLimit,
    outOfTurnReasons: rule.outOfTurnReasons,
    timeZone: rule.timeZone,
    description: rule.description,
  };
}
