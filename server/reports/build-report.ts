import type {
  DayReportRow,
  LocalizedText,
  OutOfTurnCall,
  Report,
  ReportChange,
  ReportFigures,
  ReportRange,
} from '../contract/contract.ts';
import type {
  CounterRecord,
  RatingGroupRecord,
  ServiceRecord,
  TicketGroupRecord,
} from '../core/records.ts';
import { standardMinutesOf } from '../core/records.ts';
import { toLocalIso, utcOffsetMinutes } from '../core/local-time.ts';
import { FiguresBuilder, measureGroup, type Standards } from './figures.ts';
import { daysOf, weekdayOf, type ReportPeriod } from './report-period.ts';
import { round } from './statistics.ts';
import { stepRows } from './step-figures.ts';
import type { StepGroupRecord, SurveyCountsRecord } from '../store/report-store.ts';
import { surveyFigures } from './survey.ts';
import { complaintCounts } from './complaints.ts';
import type { ComplaintCountRecord } from '../store/complaint-store.ts';

export interface ReportInput {
  period: ReportPeriod;
  officeName: LocalizedText;
  serviceId: number | null;
  timeZone: string;
  nowMs: number;
  satisfactionTargetPct: number;
  services: ServiceRecord[];
  counters: CounterRecord[];
  /** The period's tickets (by office-local day of issue) and their ratings. */
  current: PeriodRecords;
  /** The steps timed for the period's tickets. */
  steps: StepGroupRecord[];
  /** The five-question surveys of the period's tickets. */
  surveys: SurveyCountsRecord;
  /** Complaints received in the period, grouped by day, kind and status (never their text). */
  complaints?: ComplaintCountRecord[];
  previous: PeriodRecords;
}

/** The most out-of-turn calls a report lists one by one (the counts always cover all). */
export const OUT_OF_TURN_LISTED = 2000;

const NO_STANDARDS: Standards = { targetWaitMinutes: 0, standardMinutes: 0 };
const QUARTER_HOUR_MS = 900_000;

/** Builds a manager's report from rows the store read. Pure: no clock, no I/O. */
export function buildReport(input: ReportInput): Report {
  const standards = new Map<number, Standards>(
    input.services.map((s) => [
      s.id,
      { targetWaitMinutes: s.targetWaitMinutes, standardMinutes: standardMinutesOf(s) },
    ]),
  );
  const target = input.satisfactionTargetPct;
  const current = collect(input.current, input.period.range, standards, input.timeZone);
  const previous = collect(input.previous, input.period.previous, standards, input.timeZone);
  const totals = current.totals.build(target);
  const previousTotals = previous.totals.build(target);

  const shown = input.services.filter((s) =>
    input.serviceId === null ? s.active || current.services.has(s.id) : s.id === input.serviceId,
  );
  const services = shown.map((s) => ({
    serviceId: s.id,
    code: s.code,
    name: s.name,
    targetWaitMinutes: s.targetWaitMinutes,
    standardMinutes: standardMinutesOf(s),
    ...(current.services.get(s.id) ?? new FiguresBuilder()).build(target),
  }));

  const counterById = new Map(input.counters.map((c) => [c.id, c]));
  const counterIds = new Set([...input.counters.map((c) => c.id), ...current.counters.keys()]);
  const counters = [...counterIds]
    .map((id) => ({
      counterId: id,
      number: counterById.get(id)?.number ?? 0,
      name: counterById.get(id)?.name ?? `#${id}`,
      ...(current.counters.get(id) ?? new FiguresBuilder()).build(target),
    }))
    .sort((a, b) => a.number - b.number);

  const staff = [...current.staff.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, builder]) => ({ staff: name, ...builder.build(target) }));

  return {
    kind: input.period.kind,
    title: input.period.title,
    officeName: input.officeName,
    range: input.period.range,
    timeZone: input.timeZone,
    generatedAt: toLocalIso(input.nowMs, input.timeZone),
    serviceId: input.serviceId,
    totals,
    services,
    counters,
    staff,
    days: dayRows(current.days, target),
    heatmap: current.heatmap,
    outOfTurnCalls: current.outOfTurn
      .sort((a, b) => a.calledMs - b.calledMs)
      .slice(-OUT_OF_TURN_LISTED)
      .map(({ calledMs, ...call }) => ({
        ...call,
        calledAt: toLocalIso(calledMs, input.timeZone),
      })),
    steps: stepRows(shown, input.steps),
    surveys: surveyFigures(input.surveys),
    complaints: complaintCounts(input.complaints ?? [], input.period.range),
    previous: {
      range: input.period.previous,
      totals: previousTotals,
      days: dayRows(previous.days, target),
    },
    change: changeBetween(totals, previousTotals),
  };
}

interface Collected {
  totals: FiguresBuilder;
  services: Map<number, FiguresBuilder>;
  counters: Map<number, FiguresBuilder>;
  staff: Map<string, FiguresBuilder>;
  days: Map<string, FiguresBuilder>;
  heatmap: number[][];
  outOfTurn: (Omit<OutOfTurnCall, 'calledAt'> & { calledMs: number })[];
}

/** The period's groups as the store read them. */
export interface PeriodRecords {
  tickets: TicketGroupRecord[];
  ratings: RatingGroupRecord[];
}

function collect(
  records: PeriodRecords,
  range: ReportRange,
  standards: Map<number, Standards>,
  timeZone: string,
): Collected {
  const c: Collected = {
    totals: new FiguresBuilder(),
    services: new Map(),
    counters: new Map(),
    staff: new Map(),
    days: new Map(daysOf(range).map((day) => [day, new FiguresBuilder()])),
    heatmap: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)),
    outOfTurn: [],
  };
  const arrivals = new Map<number, number>();
  for (const group of records.tickets) {
    const measured = measureGroup(group, standards.get(group.serviceId) ?? NO_STANDARDS);
    c.totals.addGroup(measured);
    groupOf(c.services, group.serviceId).addGroup(measured);
    groupOf(c.days, group.day).addGroup(measured);
    if (group.counterId !== null) groupOf(c.counters, group.counterId).addGroup(measured);
    if (group.staff !== null) groupOf(c.staff, group.staff).addGroup(measured);
    for (const quarter of group.arrivalQuarterHours)
      arrivals.set(quarter, (arrivals.get(quarter) ?? 0) + 1);
    for (const call of group.outOfTurn) {
      c.outOfTurn.push({
        ticketId: call.ticketId,
        number: call.number,
        serviceId: group.serviceId,
        calledMs: call.calledMs,
        counterId: group.counterId,
        staff: group.staff,
        reason: call.reason,
      });
    }
  }
  for (const rating of records.ratings) {
    c.totals.addRatings(rating.score, rating.count);
    groupOf(c.services, rating.serviceId).addRatings(rating.score, rating.count);
    groupOf(c.days, rating.day).addRatings(rating.score, rating.count);
    // A rating is credited to whoever it was given to, as recorded when it was given.
    groupOf(c.counters, rating.counterId).addRatings(rating.score, rating.count);
    if (rating.staff !== null)
      groupOf(c.staff, rating.staff).addRatings(rating.score, rating.count);
  }
  // Quarter hours, because that is the finest step at which any zone's offset changes.
  for (const [quarter, count] of arrivals) {
    const ms = quarter * QUARTER_HOUR_MS;
    const local = new Date(ms + utcOffsetMinutes(ms, timeZone) * 60_000);
    c.heatmap[(local.getUTCDay() + 6) % 7]![local.getUTCHours()]! += count;
  }
  return c;
}

function groupOf<K>(groups: Map<K, FiguresBuilder>, key: K): FiguresBuilder {
  let group = groups.get(key);
  if (!group) {
    group = new FiguresBuilder();
    groups.set(key, group);
  }
  return group;
}

function dayRows(days: Map<string, FiguresBuilder>, target: number): DayReportRow[] {
  return [...days.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, builder]) => ({ day, weekday: weekdayOf(day), ...builder.build(target) }));
}

const difference = (now: number | null, before: number | null): number | null =>
  now === null || before === null ? null : round(now - before, 2);

const relativeChange = (now: number, before: number): number | null =>
  before === 0 ? null : round(((now - before) / before) * 100, 1);

function changeBetween(now: ReportFigures, before: ReportFigures): ReportChange {
  return {
    issuedPct: relativeChange(now.issued, before.issued),
    servedPct: relativeChange(now.served, before.served),
    waitP50Minutes: difference(now.wait.p50, before.wait.p50),
    withinTargetPts: difference(now.wait.withinTargetPct, before.wait.withinTargetPct),
    withinStandardPts: difference(now.service.withinStandardPct, before.service.withinStandardPct),
    satisfiedPts: difference(now.satisfaction.satisfiedPct, before.satisfaction.satisfiedPct),
  };
}
