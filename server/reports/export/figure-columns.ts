import type { ReportFigures } from '../../contract/contract.ts';
import { OUT_OF_TURN_REASONS } from '../../contract/contract.ts';
import type { Column } from './export-table.ts';
import type { CellFormat } from './export-cells.ts';
import { OUT_OF_TURN_REASON_LABELS, RATING_LEVEL_LABELS } from './export-labels.ts';

/** A figure every view of a report shows, for the office, a service, a counter, a person or a day. */
export interface FigureColumn extends Column<ReportFigures> {
  /** Names the figure for the summary's comparison with the previous period. */
  id: string;
  format: CellFormat;
}

/** Every figure of ReportFigures, in the order the views print them. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { id: 'issued', th: 'ออกบัตรคิว', en: 'Issued', format: 'count', value: (f) => f.issued },
  {
    id: 'transfersIn',
    th: 'รับโอนจากบริการอื่น',
    en: 'Transfers in',
    format: 'count',
    value: (f) => f.transfersIn,
  },
  { id: 'served', th: 'ให้บริการเสร็จ', en: 'Served', format: 'count', value: (f) => f.served },
  { id: 'noShow', th: 'ไม่มาตามเรียก', en: 'No-shows', format: 'count', value: (f) => f.noShow },
  { id: 'cancelled', th: 'ยกเลิก', en: 'Cancelled', format: 'count', value: (f) => f.cancelled },
  {
    id: 'transfersOut',
    th: 'โอนไปบริการอื่น',
    en: 'Transfers out',
    format: 'count',
    value: (f) => f.transfersOut,
  },
  { id: 'open', th: 'ยังไม่เสร็จ', en: 'Still open', format: 'count', value: (f) => f.open },
  {
    id: 'wait.called',
    th: 'คิวที่ถูกเรียก (ฐานของเวลารอ)',
    en: 'Called (base of wait figures)',
    format: 'count',
    value: (f) => f.wait.called,
  },
  {
    id: 'wait.p50',
    th: 'เวลารอ มัธยฐาน (นาที)',
    en: 'Wait p50 (min)',
    format: 'minutes',
    value: (f) => f.wait.p50,
  },
  {
    id: 'wait.p90',
    th: 'เวลารอ P90 (นาที)',
    en: 'Wait p90 (min)',
    format: 'minutes',
    value: (f) => f.wait.p90,
  },
  {
    id: 'wait.mean',
    th: 'เวลารอเฉลี่ย (นาที)',
    en: 'Wait mean (min)',
    format: 'minutes',
    value: (f) => f.wait.mean,
  },
  {
    id: 'wait.max',
    th: 'เวลารอนานที่สุด (นาที)',
    en: 'Wait max (min)',
    format: 'minutes',
    value: (f) => f.wait.max,
  },
  {
    id: 'wait.withinTargetPct',
    th: 'เรียกภายในเวลารอเป้าหมาย (%)',
    en: 'Called within target wait (%)',
    format: 'percent',
    value: (f) => f.wait.withinTargetPct,
  },
  {
    id: 'service.timed',
    th: 'คิวที่จับเวลาบริการ',
    en: 'Service timed (tickets)',
    format: 'count',
    value: (f) => f.service.timed,
  },
  {
    id: 'service.mean',
    th: 'เวลาบริการเฉลี่ย (นาที)',
    en: 'Service mean (min)',
    format: 'minutes',
    value: (f) => f.service.mean,
  },
  {
    id: 'service.p90',
    th: 'เวลาบริการ P90 (นาที)',
    en: 'Service p90 (min)',
    format: 'minutes',
    value: (f) => f.service.p90,
  },
  {
    id: 'service.withinStandardPct',
    th: 'เสร็จภายในเวลามาตรฐาน (%)',
    en: 'Within standard time (%)',
    format: 'percent',
    value: (f) => f.service.withinStandardPct,
  },
  ...RATING_LEVEL_LABELS.map((level, i): FigureColumn => ({
    id: `satisfaction.n${i + 1}`,
    th: `ประเมินระดับ ${i + 1} ${level.th}`,
    en: `Rated ${i + 1} (${level.en})`,
    format: 'count',
    value: (f) => f.satisfaction.counts[i] ?? 0,
  })),
  {
    id: 'satisfaction.n',
    th: 'จำนวนผู้ประเมิน',
    en: 'Ratings',
    format: 'count',
    value: (f) => f.satisfaction.n,
  },
  {
    id: 'satisfaction.mean',
    th: 'ความพึงพอใจเฉลี่ย (1–5)',
    en: 'Satisfaction mean (1–5)',
    format: 'statistic',
    value: (f) => f.satisfaction.mean,
  },
  {
    id: 'satisfaction.sd',
    th: 'ส่วนเบี่ยงเบนมาตรฐาน',
    en: 'Standard deviation',
    format: 'statistic',
    value: (f) => f.satisfaction.sd,
  },
  {
    id: 'satisfaction.band',
    th: 'ระดับความพึงพอใจ',
    en: 'Satisfaction level',
    format: 'text',
    width: 12,
    value: (f) => f.satisfaction.band?.th ?? null,
  },
  {
    id: 'satisfaction.satisfiedPct',
    th: 'พึงพอใจระดับ 4–5 (%)',
    en: 'Satisfied, 4–5 (%)',
    format: 'percent',
    value: (f) => f.satisfaction.satisfiedPct,
  },
  {
    id: 'satisfaction.meanScorePct',
    th: 'คะแนนเฉลี่ยคิดเป็นร้อยละ (%)',
    en: 'Mean score (%)',
    format: 'percent',
    value: (f) => f.satisfaction.meanScorePct,
  },
  {
    id: 'satisfaction.responseRatePct',
    th: 'อัตราการตอบแบบประเมิน (%)',
    en: 'Response rate (%)',
    format: 'percent',
    value: (f) => f.satisfaction.responseRatePct,
  },
  {
    id: 'satisfaction.targetPct',
    th: 'เป้าหมายความพึงพอใจ (%)',
    en: 'Satisfaction target (%)',
    format: 'percent',
    value: (f) => f.satisfaction.targetPct,
  },
  {
    id: 'satisfaction.targetMet',
    th: 'ผ่านเป้าหมาย',
    en: 'Target met',
    format: 'flag',
    value: (f) => f.satisfaction.targetMet,
  },
  {
    id: 'fairness.calls',
    th: 'คิวที่ถูกเรียก (ฐานของการเรียกตามลำดับ)',
    en: 'Called (base of in-order figures)',
    format: 'count',
    value: (f) => f.fairness.calls,
  },
  {
    id: 'fairness.outOfTurn',
    th: 'เรียกข้ามคิว',
    en: 'Out-of-turn calls',
    format: 'count',
    value: (f) => f.fairness.outOfTurn,
  },
  ...OUT_OF_TURN_REASONS.map((reason): FigureColumn => ({
    id: `fairness.outOfTurn.${reason}`,
    th: `ข้ามคิว: ${OUT_OF_TURN_REASON_LABELS[reason].th}`,
    en: `Out of turn: ${OUT_OF_TURN_REASON_LABELS[reason].en}`,
    format: 'count',
    value: (f) => f.fairness.outOfTurnByReason[reason] ?? 0,
  })),
  {
    id: 'fairness.inOrderPct',
    th: 'เรียกตามลำดับ (%)',
    en: 'Called in order (%)',
    format: 'percent',
    value: (f) => f.fairness.inOrderPct,
  },
  {
    id: 'fairness.recalls',
    th: 'เรียกซ้ำ',
    en: 'Recalls',
    format: 'count',
    value: (f) => f.fairness.recalls,
  },
];
