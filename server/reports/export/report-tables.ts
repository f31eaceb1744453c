/**
 * The views of a report as tables: which columns, their Thai and English
 * headers, and how each cell is read from the report. The CSV and the XLSX both
 * write exactly these, so the two files cannot disagree.
 */
import type {
  CounterReportRow,
  DayReportRow,
  OutOfTurnCall,
  Report,
  ServiceReportRow,
  StaffReportRow,
} from '../../contract/contract.ts';
import { FIGURE_COLUMNS } from './figure-columns.ts';
import { localDateTime } from './export-cells.ts';
import { OUT_OF_TURN_REASON_LABELS, WEEKDAY_LABELS } from './export-labels.ts';
import { exportTable, type Column, type ExportTable } from './export-table.ts';
import { summaryTable } from './summary-table.ts';
import { complaintsTable, stepsTable, surveyTable } from './plan-tables.ts';

function servicesTable(report: Report): ExportTable {
  const columns: Column<ServiceReportRow>[] = [
    { th: 'รหัส', en: 'Code', format: 'text', width: 7, value: (s) => s.code },
    { th: 'บริการ', en: 'Service', format: 'text', width: 30, value: (s) => s.name.th },
    {
      th: 'บริการ (อังกฤษ)',
      en: 'Service (English)',
      format: 'text',
      width: 26,
      value: (s) => s.name.en,
    },
    {
      th: 'เวลารอเป้าหมาย (นาที)',
      en: 'Target wait (min)',
      format: 'minutes',
      value: (s) => s.targetWaitMinutes,
    },
    {
      th: 'เวลามาตรฐานที่ประกาศ (นาที)',
      en: 'Posted standard (min)',
      format: 'minutes',
      value: (s) => s.standardMinutes,
    },
    ...FIGURE_COLUMNS,
  ];
  return exportTable({ th: 'บริการ', en: 'Services' }, 2, columns, report.services);
}

function countersTable(report: Report): ExportTable {
  const columns: Column<CounterReportRow>[] = [
    { th: 'ช่องที่', en: 'Counter no.', format: 'count', width: 8, value: (c) => c.number },
    { th: 'ชื่อช่องบริการ', en: 'Counter', format: 'text', width: 24, value: (c) => c.name },
    ...FIGURE_COLUMNS,
  ];
  return exportTable({ th: 'ช่องบริการ', en: 'Counters' }, 2, columns, report.counters);
}

function staffTable(report: Report): ExportTable {
  const columns: Column<StaffReportRow>[] = [
    { th: 'ชื่อผู้ใช้', en: 'Username', format: 'text', width: 20, value: (s) => s.staff },
    ...FIGURE_COLUMNS,
  ];
  return exportTable({ th: 'เจ้าหน้าที่', en: 'Staff' }, 1, columns, report.staff);
}

function daysTable(report: Report): ExportTable {
  const columns: Column<DayReportRow>[] = [
    { th: 'วันที่', en: 'Date', format: 'text', width: 12, value: (d) => d.day },
    {
      th: 'วัน',
      en: 'Weekday',
      format: 'text',
      width: 10,
      value: (d) => WEEKDAY_LABELS[d.weekday]?.th ?? null,
    },
    {
      th: 'วัน (อังกฤษ)',
      en: 'Weekday (English)',
      format: 'text',
      width: 11,
      value: (d) => WEEKDAY_LABELS[d.weekday]?.en ?? null,
    },
    ...FIGURE_COLUMNS,
  ];
  return exportTable({ th: 'รายวัน', en: 'Days' }, 2, columns, report.days);
}

function outOfTurnTable(report: Report): ExportTable {
  const services = new Map(report.services.map((s) => [s.serviceId, s]));
  const counters = new Map(report.counters.map((c) => [c.counterId, c]));
  const counterOf = (call: OutOfTurnCall) =>
    call.counterId === null ? undefined : counters.get(call.counterId);
  // The ticket id is left out on purpose: it is the citizen's capability (the QR), and exported files travel.
  const columns: Column<OutOfTurnCall>[] = [
    {
      th: 'เวลาที่เรียก',
      en: 'Called at',
      format: 'text',
      width: 20,
      value: (c) => localDateTime(c.calledAt),
    },
    { th: 'หมายเลขคิว', en: 'Ticket number', format: 'text', width: 10, value: (c) => c.number },
    {
      th: 'รหัสบริการ',
      en: 'Service code',
      format: 'text',
      width: 8,
      value: (c) => services.get(c.serviceId)?.code ?? null,
    },
    {
      th: 'บริการ',
      en: 'Service',
      format: 'text',
      width: 30,
      value: (c) => services.get(c.serviceId)?.name.th ?? `#${c.serviceId}`,
    },
    {
      th: 'บริการ (อังกฤษ)',
      en: 'Service (English)',
      format: 'text',
      width: 26,
      value: (c) => services.get(c.serviceId)?.name.en ?? `#${c.serviceId}`,
    },
    {
      th: 'ช่องที่',
      en: 'Counter no.',
      format: 'count',
      width: 8,
      value: (c) => counterOf(c)?.number ?? null,
    },
    {
      th: 'ชื่อช่องบริการ',
      en: 'Counter',
      format: 'text',
      width: 24,
      value: (c) => counterOf(c)?.name ?? (c.counterId === null ? null : `#${c.counterId}`),
    },
    { th: 'เจ้าหน้าที่', en: 'Staff', format: 'text', width: 20, value: (c) => c.staff },
    {
      th: 'เหตุผล',
      en: 'Reason',
      format: 'text',
      width: 30,
      value: (c) => (c.reason === null ? null : OUT_OF_TURN_REASON_LABELS[c.reason].th),
    },
    {
      th: 'เหตุผล (อังกฤษ)',
      en: 'Reason (English)',
      format: 'text',
      width: 28,
      value: (c) => (c.reason === null ? null : OUT_OF_TURN_REASON_LABELS[c.reason].en),
    },
    { th: 'รหัสเหตุผล', en: 'Reason code', format: 'text', width: 24, value: (c) => c.reason },
  ];
  return exportTable({ th: 'เรียกข้ามคิว', en: 'Out of turn' }, 2, columns, report.outOfTurnCalls);
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

/** Arrivals by weekday and hour; every hour is a column, so the layout is the same in every report. */
function arrivalsTable(report: Report): ExportTable {
  const rows = WEEKDAY_LABELS.map((label, weekday) => ({
    label,
    hours: report.heatmap[weekday] ?? [],
  }));
  const columns: Column<(typeof rows)[number]>[] = [
    { th: 'วัน', en: 'Weekday', format: 'text', width: 10, value: (r) => r.label.th },
    {
      th: 'วัน (อังกฤษ)',
      en: 'Weekday (English)',
      format: 'text',
      width: 11,
      value: (r) => r.label.en,
    },
    ...HOURS.map((hour): Column<(typeof rows)[number]> => ({
      th: `${String(hour).padStart(2, '0')}.00 น.`,
      en: `${String(hour).padStart(2, '0')}:00`,
      format: 'count',
      width: 7,
      value: (r) => r.hours[hour] ?? 0,
    })),
    {
      th: 'รวม',
      en: 'Total',
      format: 'count',
      width: 8,
      value: (r) => r.hours.reduce((a, b) => a + b, 0),
    },
  ];
  return exportTable({ th: 'ช่วงเวลามาถึง', en: 'Arrivals' }, 1, columns, rows);
}

/** Every view of a report, in the order both exports write them. */
export function reportTables(report: Report): ExportTable[] {
  return [
    summaryTable(report),
    servicesTable(report),
    countersTable(report),
    staffTable(report),
    daysTable(report),
    outOfTurnTable(report),
    arrivalsTable(report),
    stepsTable(report),
    surveyTable(report),
    complaintsTable(report),
  ];
}
