/**
 * A report as an Excel workbook: a sheet per view, the same tables the CSV
 * writes. Numbers are stored as numbers, rounded as in the CSV, and shown with a
 * number format; percentages are stored as the percentage itself (92.5, shown
 * 92.5%), the same figure the CSV, the screen and the JSON give.
 */
import type * as ExcelJS from 'exceljs';
import type { Report } from '../../contract/contract.ts';
import type { Cell, CellFormat, CellValue } from './export-cells.ts';
import type { ExportTable } from './export-table.ts';
import { reportTables } from './report-tables.ts';
import { columnWidths, datedWorkbook, figureRow, frozenSheet, headerRows } from './xlsx-sheets.ts';

const NUMBER_FORMATS: Partial<Record<CellFormat, string>> = {
  count: '0',
  minutes: '0.0',
  percent: '0.0"%"',
  statistic: '0.00',
};

const valueOf = (cell: Cell): CellValue => cell.value;
/** Only numbers take a number format: text, flags and empty cells stay General. */
const numberFormat = (cell: Cell): string | undefined =>
  typeof cell.value === 'number' ? NUMBER_FORMATS[cell.format] : undefined;

/** The title, the range, the Thai headers, the English headers: kept in view when scrolling down. */
const TITLE_ROWS = 3;
const HEADER_ROWS = 2;
export const XLSX_FROZEN_ROWS = TITLE_ROWS + HEADER_ROWS;

/** "บริการ Services": Thai first; both stay within Excel's 31 characters for a sheet name. */
export function sheetName(table: ExportTable): string {
  return `${table.name.th} ${table.name.en}`;
}

function addSheet(workbook: ExcelJS.Workbook, report: Report, table: ExportTable): void {
  const { range } = report;
  const sheet = frozenSheet(workbook, sheetName(table), {
    xSplit: table.keyColumns,
    ySplit: XLSX_FROZEN_ROWS,
  });
  columnWidths(sheet, table.columns);

  sheet.addRow([`${report.officeName.th} · ${table.name.th}: ${report.title.th}`]).font = {
    bold: true,
    size: 14,
  };
  // An office may leave its English name empty: the English line then carries the Thai one.
  const officeEn = report.officeName.en || report.officeName.th;
  sheet.addRow([`${officeEn} · ${table.name.en}: ${report.title.en}`]).font = {
    italic: true,
  };
  sheet.addRow([
    `ช่วงวันที่ ${range.from} ถึง ${range.to} (${range.days} วัน) · ` +
      `Range ${range.from} to ${range.to} (${range.days} days)`,
  ]);

  headerRows(sheet, table.columns);
  for (const cells of table.rows) {
    figureRow(sheet, cells.map(valueOf), cells.map(numberFormat));
  }
  if (table.rows.length > 0) {
    sheet.autoFilter = {
      from: { row: XLSX_FROZEN_ROWS, column: 1 },
      to: { row: XLSX_FROZEN_ROWS, column: table.columns.length },
    };
  }
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const workbook = await datedWorkbook(report.title, report.generatedAt);
  for (const table of reportTables(report)) addSheet(workbook, report, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
