/**
 * Packages an idle office never needs, loaded at their first use: the XLSX writer (exceljs,
 * about 25 MB resident once imported) and Chromium's driver for PDF reports (playwright-core,
 * about 75 MB). Importing them at start kept an idle server near 160 MB instead of 90
 * (docs/benchmarks.md, `server_rss_idle_mb`).
 */
let excel: Promise<typeof import('exceljs')> | undefined;
let playwright: Promise<typeof import('playwright-core')> | undefined;

type ExcelModule = typeof import('exceljs');

/** exceljs's Workbook class. */
export async function excelWorkbook(): Promise<ExcelModule['Workbook']> {
  const loaded = await (excel ??= import('exceljs'));
  // The package is CommonJS: Node's import puts its exports on `default`.
  return ((loaded as { default?: ExcelModule }).default ?? loaded).Workbook;
}

export function playwrightCore(): Promise<typeof import('playwright-core')> {
  return (playwright ??= import('playwright-core'));
}
