/**
 * What the report and publication workbooks are built from: a workbook dated by its document,
 * a sheet with frozen panes, column widths, the Thai-over-English header rows and figure rows
 * with their number formats. exceljs stays a type here; its code loads at the first workbook.
 */
import type * as ExcelJS from 'exceljs';
import type { IsoTime, LocalizedText } from '../../contract/contract.ts';
import type { CellValue } from './export-cells.ts';
import { excelWorkbook } from './on-demand-packages.ts';

/** English under Thai: italic and muted, so the Thai line reads first. */
export const ENGLISH_FONT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF44546A' } };

const HEADER_FILL: ExcelJS.Fill = {
  type: 'pattern',
  pattern: 'solid',
  fgColor: { argb: 'FFDCE6F2' },
};

export async function datedWorkbook(
  title: LocalizedText,
  generatedAt: IsoTime,
): Promise<ExcelJS.Workbook> {
  const Workbook = await excelWorkbook();
  const workbook = new Workbook();
  workbook.creator = 'Khiu';
  workbook.title = title.th;
  // The document's own time: the same document always gives the same workbook properties.
  workbook.created = workbook.modified = new Date(generatedAt);
  return workbook;
}

/** A sheet whose first `xSplit` columns and `ySplit` rows stay in view when scrolling. */
export function frozenSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  frozen: { xSplit: number; ySplit: number },
  pageSetup?: Partial<ExcelJS.PageSetup>,
): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, { views: [{ state: 'frozen', ...frozen }], pageSetup });
}

/** Each column's width in characters, from the first column on. */
export function columnWidths(
  sheet: ExcelJS.Worksheet,
  columns: readonly { width: number }[],
): void {
  columns.forEach(({ width }, i) => (sheet.getColumn(i + 1).width = width));
}

/** A Thai header row over an English one, filled, wrapping, underlined below the English. */
export function headerRows(
  sheet: ExcelJS.Worksheet,
  columns: readonly { th: string; en: string }[],
): void {
  const thai = sheet.addRow(columns.map((c) => c.th));
  const english = sheet.addRow(columns.map((c) => c.en));
  thai.font = { bold: true };
  english.font = ENGLISH_FONT;
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
}

/** A row of values; a cell with a number format shows its figure that way, the others as Excel's General. */
export function figureRow(
  sheet: ExcelJS.Worksheet,
  values: readonly CellValue[],
  numFmts: readonly (string | undefined)[],
): ExcelJS.Row {
  const row = sheet.addRow([...values]);
  numFmts.forEach((numFmt, i) => {
    if (numFmt) row.getCell(i + 1).numFmt = numFmt;
  });
  return row;
}
