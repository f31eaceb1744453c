import type { Report, ReportChange } from '../../contract/contract.ts';
import { localDateTime, type CellFormat, type CellValue } from './export-cells.ts';
import { exportTable, type Column, type ExportTable } from './export-table.ts';
import { FIGURE_COLUMNS } from './figure-columns.ts';

interface SummaryRow {
  th: string;
  en: string;
  format: CellFormat;
  current: CellValue;
  previous: CellValue;
  change: CellValue;
  changeFormat: CellFormat;
  changeUnit: string | null;
}

const KIND_LABELS: Record<Report['kind'], string> = {
  weekly: 'รายสัปดาห์ (weekly)',
  monthly: 'รายเดือน (monthly)',
  'half-year': 'ครึ่งปีงบประมาณ (half-year)',
  'fiscal-year': 'ปีงบประมาณ (fiscal-year)',
  custom: 'กำหนดช่วงเอง (custom)',
};

const PERCENT_CHANGE = 'ร้อยละ (%)';
const POINTS_CHANGE = 'จุดร้อยละ (percentage points)';

/** The figures the report compares with the previous period, and how each change is measured. */
const CHANGES: Record<
  string,
  { read: (c: ReportChange) => number | null; format: CellFormat; unit: string }
> = {
  issued: { read: (c) => c.issuedPct, format: 'percent', unit: PERCENT_CHANGE },
  served: { read: (c) => c.servedPct, format: 'percent', unit: PERCENT_CHANGE },
  'wait.p50': { read: (c) => c.waitP50Minutes, format: 'minutes', unit: 'นาที (minutes)' },
  'wait.withinTargetPct': {
    read: (c) => c.withinTargetPts,
    format: 'percent',
    unit: POINTS_CHANGE,
  },
  'service.withinStandardPct': {
    read: (c) => c.withinStandardPts,
    format: 'percent',
    unit: POINTS_CHANGE,
  },
  'satisfaction.satisfiedPct': {
    read: (c) => c.satisfiedPts,
    format: 'percent',
    unit: POINTS_CHANGE,
  },
};

function about(th: string, en: string, current: CellValue, previous: CellValue = null): SummaryRow {
  const format: CellFormat = typeof current === 'number' ? 'count' : 'text';
  return {
    th,
    en,
    format,
    current,
    previous,
    change: null,
    changeFormat: 'text',
    changeUnit: null,
  };
}

function serviceFilter(report: Report): string {
  if (report.serviceId === null) return 'ทุกบริการ (all services)';
  const service = report.services.find((s) => s.serviceId === report.serviceId);
  return service
    ? // English is optional: a service without it is named once, in Thai.
      `${service.code} ${service.name.th}` + (service.name.en ? ` (${service.name.en})` : '')
    : `#${report.serviceId}`;
}

/** What the report covers, then every figure for the office against the previous period. */
function summaryRows(report: Report): SummaryRow[] {
  const { range, previous } = report;
  const rows: SummaryRow[] = [
    about('สำนักงาน', 'Office', report.officeName.th),
    about('ชื่อรายงาน', 'Title', report.title.th),
    about('ชื่อรายงาน (อังกฤษ)', 'Title (English)', report.title.en),
    about('ประเภท', 'Kind', KIND_LABELS[report.kind]),
    about('ตั้งแต่วันที่', 'From', range.from, previous.range.from),
    about('ถึงวันที่', 'To', range.to, previous.range.to),
    about('จำนวนวัน', 'Days', range.days, previous.range.days),
    about('บริการ', 'Service', serviceFilter(report)),
    about('เขตเวลา', 'Time zone', report.timeZone),
    about('จัดทำเมื่อ', 'Generated at', localDateTime(report.generatedAt)),
  ];
  for (const column of FIGURE_COLUMNS) {
    const change = CHANGES[column.id];
    rows.push({
      th: column.th,
      en: column.en,
      format: column.format,
      current: column.value(report.totals),
      previous: column.value(previous.totals),
      change: change ? change.read(report.change) : null,
      changeFormat: change?.format ?? 'text',
      changeUnit: change?.unit ?? null,
    });
  }
  // The survey's and the complaints' own views give their figures; these are their totals.
  if (report.surveys) {
    rows.push(about('แบบสำรวจ 5 ด้านที่ตอบ (QR)', 'Surveys answered (QR)', report.surveys.n));
    rows.push(about('แบบสำรวจที่มีข้อเสนอแนะ', 'Surveys with a comment', report.surveys.withComment));
  }
  if (report.complaints) {
    const { received, resolved } = report.complaints.totals;
    rows.push(about('เรื่องร้องเรียนที่รับ', 'Complaints received', received));
    rows.push(about('เรื่องร้องเรียนที่ยุติแล้ว', 'Complaints resolved', resolved));
  }
  return rows;
}

const COLUMNS: Column<SummaryRow>[] = [
  { th: 'รายการ', en: 'Item', format: 'text', width: 34, value: (r) => r.th },
  { th: 'รายการ (อังกฤษ)', en: 'Item (English)', format: 'text', width: 30, value: (r) => r.en },
  { th: 'ช่วงนี้', en: 'This period', format: (r) => r.format, width: 24, value: (r) => r.current },
  {
    th: 'ช่วงก่อนหน้า',
    en: 'Previous period',
    format: (r) => r.format,
    width: 14,
    value: (r) => r.previous,
  },
  {
    th: 'เปลี่ยนแปลง',
    en: 'Change',
    format: (r) => r.changeFormat,
    width: 12,
    value: (r) => r.change,
  },
  {
    th: 'หน่วยของการเปลี่ยนแปลง',
    en: 'Change measured in',
    format: 'text',
    width: 26,
    value: (r) => r.changeUnit,
  },
];

export function summaryTable(report: Report): ExportTable {
  return exportTable({ th: 'สรุป', en: 'Summary' }, 2, COLUMNS, summaryRows(report));
}
