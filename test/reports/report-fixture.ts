import type {
  DayReportRow,
  OutOfTurnReason,
  Report,
  ReportFigures,
  SatisfactionFigures,
} from '../../server/contract/contract.ts';

const NO_REASONS: Record<OutOfTurnReason, number> = {
  returned_with_documents: 0,
  appointment: 0,
  medical_emergency: 0,
  correcting_staff_error: 0,
  accessibility_need: 0,
};

/** A group nobody rated: the statistics are null, as the engine reports them. */
const UNRATED: SatisfactionFigures = {
  counts: [0, 0, 0, 0, 0],
  n: 0,
  mean: null,
  sd: null,
  band: null,
  satisfiedPct: null,
  meanScorePct: null,
  responseRatePct: 0,
  targetPct: 80,
  targetMet: null,
};

type FigureOverrides = Partial<Omit<ReportFigures, 'wait' | 'service' | 'fairness'>> & {
  wait?: Partial<ReportFigures['wait']>;
  service?: Partial<ReportFigures['service']>;
  fairness?: Partial<ReportFigures['fairness']>;
};

/** Figures with every field present; unrounded values on purpose, so the exports' rounding shows. */
export function figures(overrides: FigureOverrides = {}): ReportFigures {
  const { wait, service, fairness, ...rest } = overrides;
  return {
    issued: 0,
    transfersIn: 0,
    served: 0,
    noShow: 0,
    cancelled: 0,
    transfersOut: 0,
    open: 0,
    satisfaction: UNRATED,
    ...rest,
    wait: {
      called: 0,
      p50: null,
      p90: null,
      mean: null,
      max: null,
      withinTargetPct: null,
      ...wait,
    },
    service: { timed: 0, mean: null, p90: null, withinStandardPct: null, ...service },
    fairness: {
      calls: 0,
      outOfTurn: 0,
      outOfTurnByReason: { ...NO_REASONS, ...fairness?.outOfTurnByReason },
      inOrderPct: null,
      recalls: 0,
      transfersOut: rest.transfersOut ?? 0,
      ...fairness,
    },
  };
}

const RATED: SatisfactionFigures = {
  counts: [1, 2, 5, 40, 52],
  n: 100,
  mean: 4.4,
  sd: 0.8023,
  band: { th: 'มากที่สุด', en: 'Highest' },
  satisfiedPct: 92,
  meanScorePct: 88,
  responseRatePct: 71.42857,
  targetPct: 80,
  targetMet: true,
};

const CIVIL_REGISTRATION = figures({
  issued: 140,
  transfersIn: 3,
  served: 130,
  noShow: 6,
  cancelled: 2,
  transfersOut: 2,
  wait: { called: 136, p50: 7.25, p90: 21.96, mean: 9.0371, max: 48.5, withinTargetPct: 88.2353 },
  service: { timed: 130, mean: 6.3333, p90: 11.04, withinStandardPct: 93.0769 },
  satisfaction: RATED,
  fairness: {
    calls: 136,
    outOfTurn: 2,
    outOfTurnByReason: { ...NO_REASONS, appointment: 1, medical_emergency: 1 },
    inOrderPct: 98.5294,
    recalls: 9,
  },
});

const TAX_PAYMENT = figures({
  issued: 12,
  served: 12,
  wait: { called: 12, p50: 2, p90: 4.5, mean: 2.4167, max: 5, withinTargetPct: 100 },
  service: { timed: 12, mean: 3.5, p90: 5, withinStandardPct: 100 },
  fairness: { calls: 12, inOrderPct: 100 },
});

const TOTALS = figures({
  issued: 152,
  transfersIn: 3,
  served: 142,
  noShow: 6,
  cancelled: 2,
  transfersOut: 2,
  wait: { called: 148, p50: 6.5, p90: 20.1, mean: 8.4, max: 48.5, withinTargetPct: 89.1892 },
  service: { timed: 142, mean: 6.0915, p90: 10.7, withinStandardPct: 93.662 },
  satisfaction: { ...RATED, responseRatePct: 70.4225 },
  fairness: {
    calls: 148,
    outOfTurn: 2,
    outOfTurnByReason: { ...NO_REASONS, appointment: 1, medical_emergency: 1 },
    inOrderPct: 98.6486,
    recalls: 9,
  },
});

const WEEK = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27'];

function day(date: string, weekday: number, issued: number): DayReportRow {
  return { day: date, weekday, ...figures({ issued, served: issued }) };
}

/** Arrivals by weekday and hour: a morning peak on working days, nothing at the weekend. */
function heatmap(): number[][] {
  return Array.from({ length: 7 }, (_, weekday) =>
    Array.from({ length: 24 }, (_, hour) =>
      weekday < 5 && hour >= 8 && hour < 16 ? (hour === 9 ? 9 : 3) : 0,
    ),
  );
}

/**
 * A hand-built weekly report (Mon 23 – Sun 29 Nov 2026) with Thai service names,
 * a service nobody rated, and staff usernames that try to be spreadsheet formulas.
 */
export function weeklyReport(): Report {
  return {
    kind: 'weekly',
    title: { th: 'รายงานประจำสัปดาห์', en: 'Weekly report' },
    officeName: { th: 'เทศบาลตำบลตัวอย่าง', en: 'Example Subdistrict Municipality' },
    range: { from: '2026-11-23', to: '2026-11-29', days: 7 },
    timeZone: 'Asia/Bangkok',
    generatedAt: '2026-11-30T08:00:00.000+07:00',
    serviceId: null,
    totals: TOTALS,
    services: [
      {
        serviceId: 1,
        code: 'A',
        name: { th: 'งานทะเบียนราษฎร', en: 'Civil registration' },
        targetWaitMinutes: 15,
        standardMinutes: 10,
        ...CIVIL_REGISTRATION,
      },
      {
        serviceId: 3,
        code: 'C',
        name: { th: 'งานชำระภาษีและค่าธรรมเนียม', en: 'Taxes and fees' },
        targetWaitMinutes: 10,
        standardMinutes: 5,
        ...TAX_PAYMENT,
      },
    ],
    counters: [
      { counterId: 1, number: 1, name: 'ช่อง 1 ทะเบียนราษฎร', ...CIVIL_REGISTRATION },
      { counterId: 2, number: 2, name: 'ช่อง 2 การเงิน', ...TAX_PAYMENT },
    ],
    staff: [
      { staff: 'somchai', ...CIVIL_REGISTRATION },
      { staff: '=HYPERLINK("http://evil.example/","คลิก")', ...TAX_PAYMENT },
      { staff: '@SUM(A1:A9)', ...figures() },
      { staff: '-2+3', ...figures() },
    ],
    days: [
      ...WEEK.map((date, i) => day(date, i, 30 + i)),
      day('2026-11-28', 5, 0),
      day('2026-11-29', 6, 0),
    ],
    heatmap: heatmap(),
    outOfTurnCalls: [
      {
        ticketId: 'tk_7Qm2xYp0aBcD',
        number: 'A017',
        serviceId: 1,
        calledAt: '2026-11-24T10:12:30.000+07:00',
        counterId: 1,
        staff: 'somchai',
        reason: 'appointment',
      },
      {
        ticketId: 'tk_9Zr4wVn1eFgH',
        number: 'A031',
        serviceId: 1,
        calledAt: '2026-11-26T13:40:05.000+07:00',
        counterId: null,
        staff: null,
        reason: 'medical_emergency',
      },
    ],
    steps: [],
    previous: {
      range: { from: '2026-11-16', to: '2026-11-22', days: 7 },
      totals: figures({ issued: 160, served: 150 }),
      days: [],
    },
    change: {
      issuedPct: -5,
      servedPct: -5.3333,
      waitP50Minutes: -1.25,
      withinTargetPts: 2.04,
      withinStandardPts: null,
      satisfiedPts: null,
    },
  };
}
