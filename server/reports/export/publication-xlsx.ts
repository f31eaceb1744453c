/**
 * The ITA statistics and satisfaction documents as Excel workbooks an office can upload as
 * they are: a title block (office, document, Buddhist-era dates, how far the figures reach),
 * Thai and English headers, one row per service and one for the office. Figures are stored
 * exactly as the manager reports give them (the JSON's); number formats only choose how
 * many decimals show.
 */
import type * as ExcelJS from 'exceljs';
import type {
  LocalizedText,
  PublicationPeriod,
  PublicationStatisticsRow,
  SatisfactionPublication,
  SatisfactionPublicationRow,
  StatisticsPublication,
} from '../../contract/contract.ts';
import {
  columnWidths,
  datedWorkbook,
  ENGLISH_FONT,
  figureRow,
  frozenSheet,
  headerRows,
} from './xlsx-sheets.ts';

type Value = string | number | null;

interface XlsxColumn<Row> {
  th: string;
  en: string;
  width: number;
  numFmt?: string;
  value: (row: Row) => Value;
}

const TOTAL_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFF2F2F2' },
};

/** An A4 page across, as wide as the table: how an office prints the document to sign it. */
const A4_ACROSS: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

/** A column whose figures show as `numFmt` (none: text as it is). */
const columnKind =
  (numFmt?: string) =>
  <Row>(th: string, en: string, width: number, value: (row: Row) => Value): XlsxColumn<Row> =>
    numFmt ? { th, en, width, numFmt, value } : { th, en, width, value };
const text = columnKind();
const count = columnKind('#,##0');
const minutes = columnKind('0.0');
const percent = columnKind('0.0"%"');
const statistic = columnKind('0.00');

const englishLine = (sheet: ExcelJS.Worksheet, line: string): void => {
  sheet.addRow([line]).font = ENGLISH_FONT;
};

/** Office, title, dates and how far the figures reach. */
function titleBlock(
  sheet: ExcelJS.Worksheet,
  officeName: LocalizedText,
  title: LocalizedText,
  period: PublicationPeriod,
): void {
  sheet.addRow([officeName.th]).font = { bold: true, size: 14 };
  sheet.addRow([title.th]).font = { bold: true, size: 13 };
  englishLine(sheet, title.en);
  const until = period.dataUntilText ? ` (${period.dataUntilText.th})` : '';
  sheet.addRow([`ช่วงวันที่ ${period.rangeText.th}${until}`]);
  const untilEn = period.dataUntilText ? ` (${period.dataUntilText.en})` : '';
  englishLine(sheet, `Period ${period.rangeText.en}${untilEn}`);
}

/** The header rows, then a row per item; the office's total is bold on grey. */
function table<Row>(
  sheet: ExcelJS.Worksheet,
  columns: readonly XlsxColumn<Row>[],
  rows: readonly Row[],
  isTotal: (row: Row) => boolean,
): void {
  headerRows(sheet, columns);
  const numFmts = columns.map((c) => c.numFmt);
  for (const item of rows) {
    const values = columns.map((c) => c.value(item));
    const row = figureRow(sheet, values, numFmts);
    if (isTotal(item)) {
      row.font = { bold: true };
      row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = TOTAL_FILL));
    }
  }
}

export const STATISTICS_COLUMNS: readonly XlsxColumn<PublicationStatisticsRow>[] = [
  text('รหัส', 'Code', 7, (r) => r.code),
  text('บริการ', 'Service', 30, (r) => r.name.th),
  count('ออกบัตรคิว', 'Tickets issued', 10, (r) => r.issued),
  count('ให้บริการเสร็จ', 'Served', 10, (r) => r.served),
  count('ไม่มาตามเรียก', 'No-shows', 10, (r) => r.noShow),
  count('ยกเลิก', 'Cancelled', 9, (r) => r.cancelled),
  minutes('เวลารอ มัธยฐาน (นาที)', 'Wait median (min)', 11, (r) => r.waitP50),
  minutes('เวลารอ P90 (นาที)', 'Wait p90 (min)', 11, (r) => r.waitP90),
  count('เวลารอเป้าหมาย (นาที)', 'Target wait (min)', 11, (r) => r.targetWaitMinutes),
  percent('เรียกภายในเวลารอเป้าหมาย (%)', 'Called within target (%)', 13, (r) => r.withinTargetPct),
  minutes('เวลาให้บริการเฉลี่ย (นาที)', 'Service time mean (min)', 12, (r) => r.serviceMean),
  count('เวลามาตรฐาน (นาที)', 'Standard time (min)', 11, (r) => r.standardMinutes),
  percent('เสร็จภายในเวลามาตรฐาน (%)', 'Within the standard (%)', 13, (r) => r.withinStandardPct),
  count('เรียกนอกลำดับ (ครั้ง)', 'Out-of-turn calls', 11, (r) => r.outOfTurn),
];

/** Rows before the first figure row of the statistics sheet: the title block, a gap, two header rows. */
export const STATISTICS_FIRST_ROW = 9;

export async function statisticsXlsx(doc: StatisticsPublication): Promise<Buffer> {
  const workbook = await datedWorkbook(doc.title, doc.generatedAt);
  const sheet = frozenSheet(
    workbook,
    'สถิติการให้บริการ Statistics',
    { xSplit: 2, ySplit: STATISTICS_FIRST_ROW - 1 },
    A4_ACROSS,
  );
  columnWidths(sheet, STATISTICS_COLUMNS);
  titleBlock(sheet, doc.officeName, doc.title, doc.period);
  sheet.addRow([]);
  table(sheet, STATISTICS_COLUMNS, [...doc.services, doc.total], (r) => r.serviceId === null);
  sheet.addRow([]);
  sheet.addRow([
    'เวลารอ = จากออกบัตรคิวถึงเรียกครั้งแรก; เวลาให้บริการ = จากเริ่มถึงเสร็จ; เรียกนอกลำดับ = เรียกข้ามคิวพร้อมเหตุผลที่บันทึกไว้',
  ]);
  englishLine(
    sheet,
    'Wait = issue to first call; service time = start to finish; out-of-turn = called ahead of the published order, with its recorded reason',
  );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** How many answered `level`; the form lists 5, the highest, first. */
const levelColumn = (level: number): XlsxColumn<SatisfactionPublicationRow> =>
  count(`ระดับ ${level}`, `Level ${level}`, 8, (r) => r.figures.counts[level - 1]!);

export const SATISFACTION_COLUMNS: readonly XlsxColumn<SatisfactionPublicationRow>[] = [
  text('บริการ', 'Service', 30, (r) => r.label.th),
  ...[5, 4, 3, 2, 1].map(levelColumn),
  count('จำนวนผู้ตอบ', 'Responses', 10, (r) => r.figures.n),
  statistic('ค่าเฉลี่ย', 'Mean', 8, (r) => r.figures.mean),
  statistic('ส่วนเบี่ยงเบนมาตรฐาน', 'S.D.', 11, (r) => r.figures.sd),
  text('ระดับความพึงพอใจ', 'Band', 12, (r) => r.figures.band?.th ?? null),
  percent(
    'ร้อยละความพึงพอใจ (ระดับ 4–5)',
    'Satisfied (levels 4–5) %',
    13,
    (r) => r.figures.satisfiedPct,
  ),
  percent('เป้าหมาย (%)', 'Target %', 9, (r) => r.figures.targetPct),
  text('ผลเทียบเป้าหมาย', 'Against the target', 12, (r) =>
    r.figures.targetMet === null ? null : r.figures.targetMet ? 'ผ่าน (met)' : 'ไม่ผ่าน (not met)',
  ),
  count('ผู้รับบริการเสร็จ', 'Served', 10, (r) => r.served),
  percent('อัตราการตอบ (%)', 'Response rate %', 10, (r) => r.figures.responseRatePct),
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
  const workbook = await datedWorkbook(doc.title, doc.generatedAt);
  const sheet = frozenSheet(
    workbook,
    'ความพึงพอใจ Satisfaction',
    { xSplit: 1, ySplit: 0 },
    A4_ACROSS,
  );
  columnWidths(sheet, SATISFACTION_COLUMNS);
  titleBlock(sheet, doc.officeName, doc.title, doc.period);
  for (const section of doc.sections) {
    sheet.addRow([]);
    sheet.addRow([`${section.title.th} · ${section.title.en}`]).font = { bold: true };
    table(sheet, satisfactionColumns(section), section.rows, (r) => r.kind === 'overall');
    sheet.addRow([]);
    sheet.addRow([`วิธีการ: ${section.method.th}`]);
    englishLine(sheet, `Method: ${section.method.en}`);
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
