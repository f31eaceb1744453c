/**
 * A report as one CSV file: every view in turn, each a title line, a header row
 * and its rows, with a blank line between. UTF-8 with a byte-order mark, which
 * is how Excel knows the Thai is UTF-8; CRLF line ends and RFC 4180 quoting.
 */
import type { Report } from '../../contract/contract.ts';
import type { Cell } from './export-cells.ts';
import { reportTables } from './report-tables.ts';

const BOM = '\uFEFF';
const CRLF = '\r\n';

/**
 * Text a spreadsheet would run as a formula when the file is opened (=, +, -, @,
 * and tab or CR, which some programs strip first). Staff names are user input.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text field, neutralised against formulas and quoted when it holds a comma, quote or line break. */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvCell({ value }: Cell): string {
  if (value === null) return '';
  // Numbers are ours, not user input: written plain with a dot, so a negative change stays a number.
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return csvText(value);
}

const line = (fields: string[]): string => fields.join(',') + CRLF;

export function reportCsv(report: Report): string {
  const sections = reportTables(report).map(
    (table) =>
      line([csvText(`${table.name.th} / ${table.name.en}`)]) +
      line(table.columns.map((column) => csvText(`${column.th} / ${column.en}`))) +
      table.rows.map((row) => line(row.map(csvCell))).join(''),
  );
  return BOM + sections.join(CRLF);
}
