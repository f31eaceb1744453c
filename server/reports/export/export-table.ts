import type { LocalizedText } from '../../contract/contract.ts';
import { cell, type Cell, type CellFormat, type CellValue } from './export-cells.ts';

/** One column of a view: its headers, how it is shown, and how to read it from a row. */
export interface Column<Row> {
  th: string;
  en: string;
  format: CellFormat | ((row: Row) => CellFormat);
  value: (row: Row) => CellValue;
  /** Width in characters in the XLSX; the format's default when absent. */
  width?: number;
}

/** A view of a report as a grid, read once and written by both the CSV and the XLSX. */
export interface ExportTable {
  name: LocalizedText;
  columns: { th: string; en: string; width: number }[];
  /** Leading columns that name the row (service, counter, day), kept in view when scrolling sideways. */
  keyColumns: number;
  rows: Cell[][];
}

const DEFAULT_WIDTHS: Record<CellFormat, number> = {
  text: 18,
  count: 10,
  minutes: 11,
  percent: 11,
  statistic: 10,
  flag: 10,
};

export function exportTable<Row>(
  name: LocalizedText,
  keyColumns: number,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): ExportTable {
  const formatOf = (column: Column<Row>, row: Row): CellFormat =>
    typeof column.format === 'function' ? column.format(row) : column.format;
  return {
    name,
    keyColumns,
    columns: columns.map((column) => ({
      th: column.th,
      en: column.en,
      width:
        column.width ??
        DEFAULT_WIDTHS[typeof column.format === 'function' ? 'text' : column.format],
    })),
    rows: rows.map((row) =>
      columns.map((column) => cell(column.value(row), formatOf(column, row))),
    ),
  };
}
