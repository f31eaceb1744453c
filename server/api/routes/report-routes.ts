import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { sendJson } from '../http-io.ts';
import {
  fiscalYearQuery,
  halfYearQuery,
  monthlyQuery,
  parse,
  ticketIdParam,
  weeklyQuery,
} from '../schemas.ts';
import type { Report, ReportKind } from '../../contract/contract.ts';
import type { ReportRequest } from '../../reports/report-period.ts';
import { reportCsv } from '../../reports/export/report-csv.ts';
import { reportXlsx } from '../../reports/export/report-xlsx.ts';
import { supervisorView } from '../../commands/supervisor-view.ts';

const FORMATS = ['json', 'csv', 'xlsx', 'pdf'] as const;
type Format = (typeof FORMATS)[number];

const CONTENT_TYPES: Record<Exclude<Format, 'json'>, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/** Reads a report's query string into the period it names; a bad one is a 400. */
const REQUESTS: Record<ReportKind, (query: URLSearchParams) => ReportRequest> = {
  weekly: (q) => ({ kind: 'weekly', ...parse(weeklyQuery, queryObject(q, ['start'])) }),
  monthly: (q) => ({ kind: 'monthly', ...parse(monthlyQuery, queryObject(q, ['month'])) }),
  'half-year': (q) => ({
    kind: 'half-year',
    ...parse(halfYearQuery, queryObject(q, ['fiscalYear', 'half'])),
  }),
  'fiscal-year': (q) => ({
    kind: 'fiscal-year',
    ...parse(fiscalYearQuery, queryObject(q, ['fiscalYear'])),
  }),
};

function queryObject(query: URLSearchParams, names: string[]): Record<string, string | undefined> {
  const object: Record<string, string | undefined> = {};
  for (const name of [...names, 'serviceId']) object[name] = query.get(name) ?? undefined;
  return object;
}

/** Managers' reports, a ticket's history and the supervisor's live view. Manager role or above. */
export function reportRoutes(
  router: Router,
  { office, sessions, reports, pdf, devices }: ApiDeps,
): void {
  for (const kind of Object.keys(REQUESTS) as ReportKind[]) {
    for (const format of FORMATS) {
      const path = `/api/reports/${kind}${format === 'json' ? '' : `.${format}`}`;
      router.on('GET', path, async ({ req, res, query }) => {
        sessions.require(req, 'manager');
        const request = REQUESTS[kind](query);
        const report = reports.build(request);
        if (format === 'json') return sendJson(res, 200, report);
        const body = await render(format, report);
        res.writeHead(200, {
          'content-type': CONTENT_TYPES[format],
          'content-length': body.length,
          'content-disposition': `attachment; filename="${fileName(report, format)}"`,
          'cache-control': 'no-store',
        });
        res.end(body);
      });
    }
  }

  async function render(format: Exclude<Format, 'json'>, report: Report): Promise<Buffer> {
    if (format === 'csv') return Buffer.from(reportCsv(report), 'utf8');
    if (format === 'xlsx') return reportXlsx(report);
    return pdf.print(report);
  }

  router.on('GET', '/api/tickets/:id/history', ({ req, res, params }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, reports.ticketHistory(parse(ticketIdParam, params.id)));
  });

  router.on('GET', '/api/supervisor', ({ req, res }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, supervisorView(office.ctx, devices.list()));
  });
}

/** khiu-weekly-2026-11-23.csv: ASCII, so every browser keeps it. */
function fileName(report: Report, format: string): string {
  const service = report.serviceId === null ? '' : `-service-${report.serviceId}`;
  return `khiu-${report.kind}-${report.range.from}-to-${report.range.to}${service}.${format}`;
}
