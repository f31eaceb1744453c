import type { ReportKind } from '../contract.ts';
import { REPORT_KIND_LIST, isReportKind } from './report-period.ts';

export type ReportFormat = 'json' | 'csv' | 'xlsx' | 'pdf';

/** /api/reports/weekly.csv?start=2026-11-23: the report in a format, for a period's parameters. */
export function reportPath(
  kind: ReportKind,
  format: ReportFormat,
  params: Record<string, string>,
): string {
  const query = new URLSearchParams(params).toString();
  return `/api/reports/${kind}${format === 'json' ? '' : `.${format}`}${query ? `?${query}` : ''}`;
}

/** /manager/print?kind=weekly&start=…: the A4 page the server prints to PDF. */
export function printPagePath(kind: ReportKind, params: Record<string, string>): string {
  return `/manager/print?${new URLSearchParams({ kind, ...params }).toString()}`;
}

export type PrintRequest =
  { ok: true; kind: ReportKind; params: Record<string, string> } | { ok: false; problem: string };

/**
 * Reads the print page's query: `kind` picks the report, every other parameter
 * goes to the API exactly as given, so the page prints what the server was asked for.
 */
export function readPrintRequest(search: string): PrintRequest {
  const query = new URLSearchParams(search);
  const kind = query.get('kind');
  if (!kind || !isReportKind(kind)) {
    return { ok: false, problem: `kind must be one of ${REPORT_KIND_LIST.join(', ')}` };
  }
  query.delete('kind');
  return { ok: true, kind, params: Object.fromEntries(query) };
}
