import { describe, expect, it } from 'vitest';
import {
  TRANSPARENCY_CALLS_LISTED,
  buildTransparency,
  transparencyPeriod,
  type TransparencyInput,
} from '../../server/reports/transparency.ts';
import type { ServiceRecord, TicketGroupRecord } from '../../server/core/records.ts';
import { DEFAULT_QUEUE_CONFIG } from '../../server/core/queue-rule.ts';
import { noSurveyCounts, surveyFigures } from '../../server/reports/survey.ts';
import { complaintCounts } from '../../server/reports/complaints.ts';

const MINUTE = 60_000;
const NINE = Date.parse('2026-11-19T09:00:00+07:00');

const service = (id: number, code: string, active = true): ServiceRecord => ({
  id,
  code,
  name: { th: `บริการ ${code}`, en: `Service ${code}` },
  steps: [{ order: 1, title: { th: 'รับเรื่อง', en: 'Intake' }, minutes: 10, responsible: 'งาน' }],
  documents: [],
  fee: 0,
  feeNote: null,
  targetWaitMinutes: 15,
  active,
  sortOrder: id,
});

function group(overrides: Partial<TicketGroupRecord>): TicketGroupRecord {
  return {
    day: '2026-11-19',
    serviceId: 1,
    counterId: 7,
    staff: 'somchai',
    issued: 0,
    transfersIn: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transfersOut: 0,
    open: 0,
    recalls: 0,
    waitsMs: [],
    serviceMs: [],
    arrivalQuarterHours: [],
    outOfTurn: [],
    ...overrides,
  };
}

function input(overrides: Partial<TransparencyInput> = {}): TransparencyInput {
  return {
    kind: 'today',
    range: { from: '2026-11-19', to: '2026-11-19', days: 1 },
    nowMs: NINE + 60 * MINUTE,
    timeZone: 'Asia/Bangkok',
    officeName: { th: 'สำนักงาน', en: 'Office' },
    satisfactionTargetPct: 80,
    services: [service(1, 'A'), service(2, 'B'), service(3, 'C', false)],
    counters: [
      { id: 7, name: 'ช่อง 3', number: 3, serviceIds: [1], status: 'open', pauseReason: null },
    ],
    tickets: [],
    ratings: [],
    surveys: noSurveyCounts(),
    complaints: [],
    queue: DEFAULT_QUEUE_CONFIG,
    checkpoints: [],
    unsignedDays: [],
    check: null,
    checkEveryMinutes: 10,
    ...overrides,
  };
}

describe('the periods of the public record', () => {
  it('gives today alone, Monday to today, and the 1st of the month to today', () => {
    expect(transparencyPeriod('today', '2026-11-19')).toEqual({
      from: '2026-11-19',
      to: '2026-11-19',
      days: 1,
    });
    expect(transparencyPeriod('week', '2026-11-19')).toMatchObject({ from: '2026-11-16', days: 4 });
    expect(transparencyPeriod('week', '2026-11-16')).toMatchObject({ from: '2026-11-16', days: 1 });
    // A Sunday belongs to the week that began six days before.
    expect(transparencyPeriod('week', '2026-11-22')).toMatchObject({ from: '2026-11-16', days: 7 });
    expect(transparencyPeriod('month', '2026-11-01')).toMatchObject({
      from: '2026-11-01',
      days: 1,
    });
    // A week across the turn of the month starts in the month before.
    expect(transparencyPeriod('week', '2026-12-02')).toMatchObject({ from: '2026-11-30' });
    expect(transparencyPeriod('month', '2026-12-02')).toMatchObject({ from: '2026-12-01' });
  });
});

describe('the public record of the queue', () => {
  it("gives each service's in-order share and waits as the report figures do, without names", () => {
    const record = buildTransparency(
      input({
        tickets: [
          group({
            issued: 4,
            served: 3,
            waitsMs: [2, 4, 6, 20].map((m) => m * MINUTE),
            serviceMs: [8, 10, 12].map((m) => m * MINUTE),
            outOfTurn: [
              { ticketId: 'secret-id-1', number: 'A003', calledMs: NINE, reason: 'appointment' },
            ],
          }),
        ],
        ratings: [
          { day: '2026-11-19', serviceId: 1, counterId: 7, staff: 'somchai', score: 5, count: 2 },
          { day: '2026-11-19', serviceId: 1, counterId: 7, staff: 'somchai', score: 3, count: 1 },
        ],
      }),
    );
    const a = record.services.find((s) => s.code === 'A')!;
    expect(a).toMatchObject({
      calls: 4,
      outOfTurn: 1,
      inOrderPct: 75,
      wait: { p50: 5, p90: 15.8, withinTargetPct: 75 },
      targetWaitMinutes: 15,
      serviceTime: { timed: 3, mean: 10, withinStandardPct: 66.7 },
      standardMinutes: 10,
    });
    // B is posted, so it shows with nothing yet; C is neither posted nor used.
    expect(record.services.map((s) => s.code)).toEqual(['A', 'B']);
    expect(record.outOfTurn).toEqual([
      {
        number: 'A003',
        serviceId: 1,
        calledAt: '2026-11-19T09:00:00.000+07:00',
        counterNumber: 3,
        reason: 'appointment',
      },
    ]);
    expect(record.satisfaction).toMatchObject({
      counts: [0, 0, 1, 0, 2],
      n: 3,
      satisfiedPct: 66.7,
    });
    const text = JSON.stringify(record);
    expect(text).not.toContain('somchai');
    expect(text).not.toContain('secret-id-1');
  });

  it('lists the latest out-of-turn calls first and only so many of them', () => {
    const calls = Array.from({ length: TRANSPARENCY_CALLS_LISTED + 3 }, (_, i) => ({
      ticketId: `t${i}`,
      number: `A${String(i).padStart(3, '0')}`,
      calledMs: NINE + i * 1000,
      reason: 'medical_emergency' as const,
    }));
    const record = buildTransparency(
      input({ tickets: [group({ waitsMs: calls.map(() => MINUTE), outOfTurn: calls })] }),
    );
    expect(record.totals.outOfTurn).toBe(calls.length);
    expect(record.outOfTurn).toHaveLength(TRANSPARENCY_CALLS_LISTED);
    expect(record.outOfTurn[0]!.number).toBe(calls.at(-1)!.number);
  });

  it("gives the range's ledger heads, signed ones over unsigned, and the last check with its time", () => {
    const hash = (c: string) => c.repeat(64);
    const record = buildTransparency(
      input({
        kind: 'week',
        range: { from: '2026-11-16', to: '2026-11-19', days: 4 },
        checkpoints: [
          { day: '2026-11-13', seq: 10, count: 10, headHash: hash('a'), signature: 'x' },
          { day: '2026-11-17', seq: 30, count: 20, headHash: hash('b'), signature: 'y' },
        ],
        unsignedDays: [
          { day: '2026-11-18', seq: 45, count: 15, headHash: hash('c') },
          { day: '2026-11-19', seq: 50, count: 5, headHash: hash('d') },
        ],
        check: { ok: true, length: 48, headHash: hash('e'), brokenAt: null, checkedMs: NINE },
      }),
    );
    expect(record.ledger).toEqual({
      verified: true,
      checkedAt: '2026-11-19T09:00:00.000+07:00',
      length: 48,
      headHash: hash('e'),
      brokenAt: null,
      checkEveryMinutes: 10,
      days: [
        { day: '2026-11-17', seq: 30, count: 20, headHash: hash('b'), signed: true },
        { day: '2026-11-18', seq: 45, count: 15, headHash: hash('c'), signed: false },
        { day: '2026-11-19', seq: 50, count: 5, headHash: hash('d'), signed: false },
      ],
    });
    expect(buildTransparency(input()).ledger).toMatchObject({ verified: null, checkedAt: null });
  });

  it("gives the survey and the complaints as the managers' report figures, without comments or text", () => {
    const surveys = noSurveyCounts();
    surveys.n = 3;
    surveys.withComment = 2;
    surveys.counts.overall = [0, 0, 1, 1, 1];
    const record = buildTransparency(
      input({
        surveys,
        complaints: [
          { day: '2026-11-19', kind: 'skipped', status: 'resolved', count: 2 },
          { day: '2026-11-19', kind: 'rude', status: 'received', count: 1 },
          // Received before the range: not counted.
          { day: '2026-11-18', kind: 'rude', status: 'received', count: 4 },
        ],
      }),
    );
    const { withComment: _unused, ...survey } = surveyFigures(surveys);
    expect(record.survey).toEqual(survey);
    expect(record.survey).not.toHaveProperty('withComment');
    expect(record.survey.questions.at(-1)).toMatchObject({ n: 3, mean: 4, sd: 1 });
    expect(record.complaints).toEqual(
      complaintCounts(
        [
          { day: '2026-11-19', kind: 'skipped', status: 'resolved', count: 2 },
          { day: '2026-11-19', kind: 'rude', status: 'received', count: 1 },
        ],
        { from: '2026-11-19', to: '2026-11-19' },
      ),
    );
    expect(record.complaints.totals).toMatchObject({ received: 3, resolved: 2 });
  });
});
