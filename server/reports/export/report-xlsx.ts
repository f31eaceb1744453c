/**
 * A report as an Excel workbook: a sheet per view, the same tables the CSV
 * writes. Numbers are stored as numbers, rounded as in the CSV, and shown with a
 * number format; percentages are stored as the percentage itself (92.5, shown
 * 92.5%), the same figure the CSV, the screen and the JSON give.
 */
import type * as ExcelJS from 'exceljs';
import { excelWorkbook } from './on-demand-packages.ts';
import type { Report } from '../../contract/contract.ts';
import type { CellFormat } from './export-cells.ts';
import type { ExportTable } from './export-table.ts';
import { reportTables } from './report-tables.ts';

const NUMBER_FORMATS: Partial<Record<CellFormat, string>> = {
  count: '0',
  minutes: '0.0',
  percent: '0.0"%"',
  statistic: '0.00',
};

/** The title, the range, the Thai headers, the English headers: kept in view when scrolling down. */
const TITLE_ROWS = 3;
const HEADER_ROWS = 2;
export const XLSX_FROZEN_ROWS = TITLE_ROWS + HEADER_ROWS;

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDCE6F2' },
};

/** "บริการ Services": Thai first; both stay within Excel's 31 characters for a sheet name. */
export function sheetName(table: ExportTable): string {
  return `${table.name.th} ${table.name.en}`;
}

function addSheet(workbook: ExcelJS.Workbook, report: Report, table: ExportTable): void {
  const { range } = report;
  const sheet = workbook.addWorksheet(sheetName(table), {
    views: [{ state: 'frozen', xSplit: table.keyColumns, ySplit: XLSX_FROZEN_ROWS }],
  });
  sheet.columns = table.columns.map((column) => ({ width: column.width }));

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

  const thai = sheet.addRow(table.columns.map((column) => column.th));
  const english = sheet.addRow(table.columns.map((column) => column.en));
  thai.font = { bold: true };
  english.font = { italic: true, color: { argb: 'FF44546A' } };
  // Thai headers are long; they wrap within the set widths, so the row is given room for three lines.
  thai.height = 48;
  english.height = 32;
  for (const header of [thai, english]) {
    header.eachCell((cell) => {
      cell.fill = HEADER_FILL;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  english.eachCell((cell) => (cell.border = { bottom: { style: 'thin' } }));

  for (const cells of table.rows) {
    const row = sheet.addRow(cells.map((cell) => cell.value));
    cells.forEach((cell, i) => {
      const format = NUMBER_FORMATS[cell.format];
      if (format && typeof cell.value === 'number') row.getCell(i + 1).numFmt = format;
    });
  }
  if (table.rows.length > 0) {
    sheet.autoFilter = {
      from: { row: XLSX_FROZEN_ROWS, column: 1 },
      to: { row: XLSX_FROZEN_ROWS, column: table.columns.length },
    };
  }
}

export async function reportXlsx(report: Report): Promise<Buffer> {
  const Workbook = await excelWorkbook();
  const workbook = new Workbook();
  workbook.creator = 'Khiu';
  workbook.title = report.title.th;
  // The report's own time, so the same report always gives the same workbook properties.
  workbook.created = workbook.modified = new Date(report.generatedAt);
  for (const table of reportTables(report)) addSheet(workbook, report, table);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
