/**
 * The private origin the PDF printer loads the manager's print page from. Every
 * request the page makes is answered here: files of the built renderer, the one
 * report it asks for, and nothing else, so printing needs neither the office
 * server's listener nor a session, and reaches no network.
 */
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Report } from '../../contract/contract.ts';
import { KhiuError } from '../../core/errors.ts';
import { FILE_TYPES } from '../../core/file-types.ts';
import { fiscalYearOf } from '../report-period.ts';

export const PRINT_ORIGIN = 'http://khiu-print.invalid';
export const MANAGER_ENTRY = 'manager.html';

export interface PrintResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
}

/** The query that names the report's period, as the API and the print page read it. */
export function reportParams(report: Report): URLSearchParams {
  const { from, to } = report.range;
  const params = new URLSearchParams();
  switch (report.kind) {
    case 'weekly':
      params.set('start', from);
      break;
    case 'monthly':
      params.set('month', from.slice(0, 7));
      break;
    case 'half-year': {
      const month = Number(from.slice(5, 7));
      params.set('fiscalYear', String(fiscalYearOf(from)));
      // October to March is the first half of a Thai fiscal year.
      params.set('half', month >= 10 || month <= 3 ? '1' : '2');
      break;
    }
    case 'fiscal-year':
      params.set('fiscalYear', String(fiscalYearOf(from)));
      break;
    case 'custom':
      params.set('from', from);
      params.set('to', to);
      break;
  }
  if (report.serviceId !== null) params.set('serviceId', String(report.serviceId));
  return params;
}

export function printPageUrl(report: Report): string {
  return `${PRINT_ORIGIN}/manager/print?kind=${encodeURIComponent(report.kind)}&${reportParams(report)}`;
}

/**
 * One page to print: a page of the manager entry and the one API answer it may fetch (a
 * report, or an ITA publication), given here rather than read from the office server.
 */
export interface PrintJob {
  /** What the log calls it: "weekly 2026-11-23..2026-11-29". */
  label: string;
  /** The page on the print origin. */
  pageUrl: string;
  /** The API path (no query) the page fetches, and the JSON it is answered. */
  apiPath: string;
  body: unknown;
}

export function reportPrintJob(report: Report): PrintJob {
  return {
    label: `${report.kind} ${report.range.from}..${report.range.to}`,
    pageUrl: printPageUrl(report),
    apiPath: `/api/reports/${report.kind}`,
    body: report,
  };
}

/** The built renderer's directory, or why the manager's screens cannot be printed. */
export function builtRenderer(staticDir: string | undefined): string {
  if (staticDir && existsSync(join(staticDir, MANAGER_ENTRY))) return resolve(staticDir);
  throw new KhiuError(
    'screens_not_built',
    `The manager's screens are not built (no ${MANAGER_ENTRY} in ${staticDir ?? 'dist/renderer'}): run npm run build:renderer`,
    503,
  );
}

const notFound = (what: string): PrintResponse => ({
  status: 404,
  contentType: 'application/json; charset=utf-8',
  body: JSON.stringify({
    error: { code: 'not_found', message: `${what} is not part of a printed report` },
  }),
});

/**
 * The answer to one request of the print page, or null for a request that must
 * not leave the browser (any other origin).
 */
export function answerPrintRequest(
  url: string,
  staticDir: string,
  report: Report,
): Promise<PrintResponse | null> {
  return answerPrintJobRequest(url, staticDir, reportPrintJob(report));
}

/** Like answerPrintRequest, for any print job. */
export async function answerPrintJobRequest(
  url: string,
  staticDir: string,
  job: PrintJob,
): Promise<PrintResponse | null> {
  const parsed = new URL(url);
  if (parsed.origin !== PRINT_ORIGIN) return null;
  const { pathname } = parsed;
  if (pathname === job.apiPath) {
    return {
      status: 200,
      contentType: 'application/json; charset=utf-8',
      body: JSON.stringify(job.body),
    };
  }
  if (pathname.startsWith('/api/')) return notFound(pathname);
  // Like the office server: a /manager/... page is the manager entry; anything else is a file.
  let file: string;
  if (pathname.split('/')[1] === 'manager' && !extname(pathname)) {
    file = join(staticDir, MANAGER_ENTRY);
  } else {
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return notFound(pathname);
    }
    file = normalize(join(staticDir, decoded));
    if (!file.startsWith(staticDir + sep)) return notFound(pathname);
  }
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound(pathname);
  return {
    status: 200,
    contentType: FILE_TYPES[extname(file)] ?? 'application/octet-stream',
    body: await readFile(file),
  };
}
