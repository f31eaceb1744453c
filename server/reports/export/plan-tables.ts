/**
 * The views of a report that the office's anti-corruption plan asks for beside the queue's
 * figures: each posted step against its minutes (project 26), the five-question survey by the
 * ticket's QR (project 16) and the complaints made from tickets, counted (project 17). Tables
 * like report-tables.ts's, written by both the CSV and the XLSX.
 */
import type {
  ComplaintKind,
  ComplaintMonthCounts,
  Report,
  StepReportRow,
  SurveyQuestionFigures,
} from '../../contract/contract.ts';
import { COMPLAINT_KINDS } from '../../contract/contract.ts';
import { RATING_LEVEL_LABELS } from './export-labels.ts';
import { COMPLAINT_KIND_LABELS } from '../../contract/contract.ts';
import { exportTable, type Column, type ExportTable } from './export-table.ts';

export function stepsTable(report: Report): ExportTable {
  const services = new Map(report.services.map((s) => [s.serviceId, s]));
  const columns: Column<StepReportRow>[] = [
    { th: 'รหัสบริการ', en: 'Service code', format: 'text', width: 8, value: (s) => s.code },
    {
      th: 'บริการ',
      en: 'Service',
      format: 'text',
      width: 30,
      value: (s) => services.get(s.serviceId)?.name.th ?? `#${s.serviceId}`,
    },
    { th: 'ขั้นตอนที่', en: 'Step no.', format: 'count', width: 8, value: (s) => s.order },
    { th: 'ขั้นตอน', en: 'Step', format: 'text', width: 30, value: (s) => s.title?.th ?? null },
    {
      th: 'ขั้นตอน (อังกฤษ)',
      en: 'Step (English)',
      format: 'text',
      width: 26,
      value: (s) => s.title?.en ?? null,
    },
    {
      th: 'เวลามาตรฐานที่ประกาศ (นาที)',
      en: 'Posted standard (min)',
      format: 'minutes',
      value: (s) => s.standardMinutes,
    },
    { th: 'จำนวนที่จับเวลา', en: 'Timed', format: 'count', value: (s) => s.timed },
    { th: 'เวลา มัธยฐาน (นาที)', en: 'Time p50 (min)', format: 'minutes', value: (s) => s.p50 },
    { th: 'เวลา P90 (นาที)', en: 'Time p90 (min)', format: 'minutes', value: (s) => s.p90 },
    {
      th: 'เสร็จภายในเวลามาตรฐาน (%)',
      en: 'Within standard time (%)',
      format: 'percent',
      value: (s) => s.withinStandardPct,
    },
  ];
  return exportTable({ th: 'ขั้นตอนบริการ', en: 'Steps' }, 3, columns, report.steps);
}

export function surveyTable(report: Report): ExportTable {
  const columns: Column<SurveyQuestionFigures>[] = [
    { th: 'ด้าน', en: 'Question', format: 'text', width: 30, value: (q) => q.label.th },
    {
      th: 'ด้าน (อังกฤษ)',
      en: 'Question (English)',
      format: 'text',
      width: 24,
      value: (q) => q.label.en,
    },
    { th: 'รหัสคำถาม', en: 'Question code', format: 'text', width: 11, value: (q) => q.question },
    ...RATING_LEVEL_LABELS.map((level, i): Column<SurveyQuestionFigures> => ({
      th: `ตอบระดับ ${i + 1} ${level.th}`,
      en: `Answered ${i + 1} (${level.en})`,
      format: 'count',
      value: (q) => q.counts[i] ?? 0,
    })),
    { th: 'จำนวนผู้ตอบ', en: 'Answers', format: 'count', value: (q) => q.n },
    { th: 'ค่าเฉลี่ย (1–5)', en: 'Mean (1–5)', format: 'statistic', value: (q) => q.mean },
    { th: 'ส่วนเบี่ยงเบนมาตรฐาน', en: 'Standard deviation', format: 'statistic', value: (q) => q.sd },
    {
      th: 'ระดับความพึงพอใจ',
      en: 'Satisfaction level',
      format: 'text',
      width: 12,
      value: (q) => q.band?.th ?? null,
    },
    {
      th: 'พึงพอใจระดับ 4–5 (%)',
      en: 'Satisfied, 4–5 (%)',
      format: 'percent',
      value: (q) => q.satisfiedPct,
    },
  ];
  return exportTable(
    { th: 'แบบสำรวจ 5 ด้าน', en: 'Survey' },
    1,
    columns,
    report.surveys?.questions ?? [],
  );
}

type ComplaintRow = Omit<ComplaintMonthCounts, 'month'> & { month: string | null };

export function complaintsTable(report: Report): ExportTable {
  const counts = report.complaints;
  const rows: ComplaintRow[] = counts ? [...counts.months, { month: null, ...counts.totals }] : [];
  const kindColumn = (kind: ComplaintKind): Column<ComplaintRow> => ({
    th: COMPLAINT_KIND_LABELS[kind].th,
    en: COMPLAINT_KIND_LABELS[kind].en,
    format: 'count',
    value: (r) => r.byKind[kind],
  });
  const columns: Column<ComplaintRow>[] = [
    {
      th: 'เดือน',
      en: 'Month',
      format: 'text',
      width: 10,
      // The period's total is the last row.
      value: (r) => r.month ?? 'รวม (total)',
    },
    { th: 'รับเรื่อง', en: 'Received', format: 'count', value: (r) => r.received },
    ...COMPLAINT_KINDS.map(kindColumn),
    { th: 'ยุติเรื่องแล้ว', en: 'Resolved', format: 'count', value: (r) => r.resolved },
  ];
  return exportTable({ th: 'เรื่องร้องเรียน', en: 'Complaints' }, 1, columns, rows);
}
