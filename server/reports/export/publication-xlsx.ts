/**
 * The ITA statistics and satisfaction documents as Excel workbooks an office can upload as
 * they are: a title block (office, document, Buddhist-era dates, how far the figures reach),
 * Thai and English headers, one row per service and one for the office. Figures are stored
 * exactly as the manager reports give them (the JSON's); number formats only choose how
 * many decimals show.
 */
import type * as ExcelJS from 'exceljs';
import { excelWorkbook } from './on-demand-packages.ts';
import type {
  IsoTime,
  LocalizedText,
  PublicationPeriod,
  PublicationStatisticsRow,
  SatisfactionPublication,
  SatisfactionPublicationRow,
  StatisticsPublication,
} from '../../contract/contract.ts';

type Value = string | number | null;

interface XlsxColumn<Row> {
  th: string;
  en: string;
  width: number;
  numFmt?: string;
  value: (row: Row) => Value;
}

const COUNT = '#,##0';
const MINUTES = '0.0';
const PERCENT = '0.0"%"';
const STATISTIC = '0.00';

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDCE6F2' },
};
const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};

async function workbookFor(title: LocalizedText, generatedAt: IsoTime): Promise<ExcelJS.Workbook> {
  const Workbook = await excelWorkbook();
  const workbook = new Workbook();
  workbook.creator = 'Khiu';
  workbook.title = title.th;
  // The document's own time: the same document always gives the same workbook properties.
  workbook.created = workbook.modified = new Date(generatedAt);
  return workbook;
}

/** Office, title, dates and how far the figures reach; returns the next free row. */
function titleBlock(
  sheet: ExcelJS.Worksheet,
  officeName: LocalizedText,
  title: LocalizedText,
  period: PublicationPeriod,
): void {
  sheet.addRow([officeName.th]).font = { bold: true, size: 14 };
  sheet.addRow([title.th]).font = { bold: true, size: 13 };
  sheet.addRow([title.en]).font = { italic: true, color: { argb: 'FF44546A' } };
  const until = period.dataUntilText ? ` (${period.dataUntilText.th})` : '';
  sheet.addRow([`ช่วงวันที่ ${period.rangeText.th}${until}`]);
  const untilEn = period.dataUntilText ? ` (${period.dataUntilText.en})` : '';
  sheet.addRow([`Period ${period.rangeText.en}${untilEn}`]).font = {
    italic: true,
    color: { argb: 'FF44546A' },
  };
}

function table<Row>(
  sheet: ExcelJS.Worksheet,
  columns: readonly XlsxColumn<Row>[],
  rows: readonly Row[],
  isTotal: (row: Row) => boolean,
): void {
  const thai = sheet.addRow(columns.map((c) => c.th));
  const english = sheet.addRow(columns.map((c) => c.en));
  thai.font = { bold: true };
  english.font = { italic: true, color: { argb: 'FF44546A' } };
  thai.height = 48;
  english.height = 32;
  for (const header of [thai, english]) {
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  english.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));
  for (const item of rows) {
    const row = sheet.addRow(columns.map((c) => c.value(item)));
    columns.forEach((c, i) => {
      if (c.numFmt) row.getCell(i + 1).numFmt = c.numFmt;
    });
    if (isTotal(item)) {
      row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = TOTAL_FILL));
    }
  }
}

function setWidths<Row>(sheet: ExcelJS.Worksheet, columns: readonly XlsxColumn<Row>[]): void {
  columns.forEach((c, i) => (sheet.getColumn(i + 1).width = c.width));
}

export const STATISTICS_COLUMNS: readonly XlsxColumn<PublicationStatisticsRow>[] = [
  { th: 'รหัส', en: 'Code', width: 7, value: (r) => r.code },
  { th: 'บริการ', en: 'Service', width: 30, value: (r) => r.name.th },
  { th: 'ออกบัตรคิว', en: 'Tickets issued', width: 10, numFmt: COUNT, value: (r) => r.issued },
  { th: 'ให้บริการเสร็จ', en: 'Served', width: 10, numFmt: COUNT, value: (r) => r.served },
  { th: 'ไม่มาตามเรียก', en: 'No-shows', width: 10, numFmt: COUNT, value: (r) => r.noShow },
  { th: 'ยกเลิก', en: 'Cancelled', width: 9, numFmt: COUNT, value: (r) => r.cancelled },
  {
    th: 'เวลารอ มัธยฐาน (นาที)',
    en: 'Wait median (min)',
    width: 11,
    numFmt: MINUTES,
    value: (r) => r.waitP50,
  },
  {
    th: 'เวลารอ P90 (นาที)',
    en: 'Wait p90 (min)',
    width: 11,
    numFmt: MINUTES,
    value: (r) => r.waitP90,
  },
  {
    th: 'เวลารอเป้าหมาย (นาที)',
    en: 'Target wait (min)',
    width: 11,
    numFmt: COUNT,
    value: (r) => r.targetWaitMinutes,
  },
  {
    th: 'เรียกภายในเวลารอเป้าหมาย (%)',
    en: 'Called within target (%)',
    width: 13,
    numFmt: PERCENT,
    value: (r) => r.withinTargetPct,
  },
  {
    th: 'เวลาให้บริการเฉลี่ย (นาที)',
    en: 'Service time mean (min)',
    width: 12,
    numFmt: MINUTES,
    value: (r) => r.serviceMean,
  },
  {
    th: 'เวลามาตรฐาน (นาที)',
    en: 'Standard time (min)',
    width: 11,
    numFmt: COUNT,
    value: (r) => r.standardMinutes,
  },
  {
    th: 'เสร็จภายในเวลามาตรฐาน (%)',
    en: 'Within the standard (%)',
    width: 13,
    numFmt: PERCENT,
    value: (r) => r.withinStandardPct,
  },
  {
    th: 'เรียกนอกลำดับ (ครั้ง)',
    en: 'Out-of-turn calls',
    width: 11,
    numFmt: COUNT,
    value: (r) => r.outOfTurn,
  },
];

/** Rows before the first figure row of the statistics sheet: the title block, a gap, two header rows. */
export const STATISTICS_FIRST_ROW = 9;

export async function statisticsXlsx(doc: StatisticsPublication): Promise<Buffer> {
  const workbook = await workbookFor(doc.title, doc.generatedAt);
  const sheet = workbook.addWorksheet('สถิติการให้บริการ Statistics', {
    views: [{ state: 'frozen', xSplit: 2, ySplit: STATISTICS_FIRST_ROW - 1 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  setWidths(sheet, STATISTICS_COLUMNS);
  titleBlock(sheet, doc.officeName, doc.title, doc.period);
  sheet.addRow([]);
  table(sheet, STATISTICS_COLUMNS, [...doc.services, doc.total], (r) => r.serviceId === null);
  sheet.addRow([]);
  sheet.addRow([
    'เวลารอ = จากออกบัตรคิวถึงเรียกครั้งแรก; เวลาให้บริการ = จากเริ่มถึงเสร็จ; เรียกนอกลำดับ = เรียกข้ามคิวพร้อมเหตุผลที่บันทึกไว้',
  ]);
  sheet.addRow([
    'Wait = issue to first call; service time = start to finish; out-of-turn = called ahead of the published order, with its recorded reason',
  ]).font = { italic: true, color: { argb: 'FF44546A' } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const LEVEL_COLUMNS: XlsxColumn<SatisfactionPublicationRow>[] = [5, 4, 3, 2, 1].map((level) => ({
  th: `ระดับ ${level}`,
  en: `Level ${level}`,
  width: 8,
  numFmt: COUNT,
  value: (r) => r.figures.counts[level - 1]!,
}));

export const SATISFACTION_COLUMNS: readonly XlsxColumn<SatisfactionPublicationRow>[] = [
  { th: 'บริการ', en: 'Service', width: 30, value: (r) => r.label.th },
  ...LEVEL_COLUMNS,
  { th: 'จำนวนผู้ตอบ', en: 'Responses', width: 10, numFmt: COUNT, value: (r) => r.figures.n },
  { th: 'ค่าเฉลี่ย', en: 'Mean', width: 8, numFmt: STATISTIC, value: (r) => r.figures.mean },
  { th: 'ส่วนเบี่ยงเบนมาตรฐาน', en: 'S.D.', width: 11, numFmt: STATISTIC, value: (r) => r.figures.sd },
  { th: 'ระดับความพึงพอใจ', en: 'Band', width: 12, value: (r) => r.figures.band?.th ?? null },
  {
    th: 'ร้อยละความพึงพอใจ (ระดับ 4–5)',
    en: 'Satisfied (levels 4–5) %',
    width: 13,
    numFmt: PERCENT,
    value: (r) => r.figures.satisfiedPct,
  },
  {
    th: 'เป้าหมาย (%)',
    en: 'Target %',
    width: 9,
    numFmt: PERCENT,
    value: (r) => r.figures.targetPct,
  },
  {
    th: 'ผลเทียบเป้าหมาย',
    en: 'Against the target',
    width: 12,
    value: (r) =>
      r.figures.targetMet === null ? null : r.figures.targetMet ? 'ผ่าน (met)' : 'ไม่ผ่าน (not met)',
  },
  { th: 'ผู้รับบริการเสร็จ', en: 'Served', width: 10, numFmt: COUNT, value: (r) => r.served },
  {
    th: 'อัตราการตอบ (%)',
    en: 'Response rate %',
    width: 10,
    numFmt: PERCENT,
    value: (r) => r.figures.responseRatePct,
  },
];

/** A survey's rows are its questions: the first column is headed by what it names. */
function satisfactionColumns(
  section: SatisfactionPublication['sections'][number],
): readonly XlsxColumn<SatisfactionPublicationRow>[] {
  if (!section.rows.every((r) => r.kind === 'dimension')) return SATISFACTION_COLUMNS;
  const [first, ...rest] = SATISFACTION_COLUMNS;
  return [{ ...first!, th: 'ด้าน', en: 'Question' }, ...rest];
}

export async function satisfactionXlsx(doc: SatisfactionPublication): Promise<Buffer> {
  const workbook = await workbookFor(doc.title, doc.generatedAt);
  const sheet = workbook.addWorksheet('ความพึงพอใจ Satisfaction', {
    views: [{ state: 'frozen', xSplit: 1, ySplit: 0 }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    },
  });
  setWidths(sheet, SATISFACTION_COLUMNS);
  titleBlock(sheet, doc.officeName, doc.title, doc.period);
  for (const section of doc.sections) {
    sheet.addRow([]);
    sheet.addRow([`${section.title.th} · ${section.title.en}`]).font = { bold: true };
    table(sheet, satisfactionColumns(section), section.rows, (r) => r.kind === 'overall');
    sheet.addRow([]);
    sheet.addRow([`วิธีการ: ${section.method.th}`]);
    sheet.addRow([`Method: ${section.method.en}`]).font = {
      italic: true,
      color: { argb: 'FF44546A' },
    };
  }
  sheet.addRow([]);
  sheet.addRow(['เกณฑ์การแปลผลค่าเฉลี่ย · Reading the mean']).font = { bold: true };
  for (const band of doc.bands) {
    sheet.addRow([
      `${band.min.toFixed(2)} – ${band.max.toFixed(2)}`,
      `${band.label.th} (${band.label.en})`,
    ]);
  }
  sheet.addRow([
    `เป้าหมายของสำนักงาน: ร้อยละความพึงพอใจ (ผู้ตอบระดับ 4–5) ไม่น้อยกว่า ${doc.targetPct}% · Office target: at least ${doc.targetPct}% satisfied`,
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
