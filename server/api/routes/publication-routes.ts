import { z } from 'zod';
import type { ServerResponse } from 'node:http';
import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { sendJson } from '../http-io.ts';
import { parse } from '../schemas.ts';
import { Publications } from '../../reports/publications/publications.ts';
import {
  contentDisposition,
  satisfactionFileName,
  serviceManualFileName,
  statisticsFileName,
  type PublicationFileName,
} from '../../reports/publications/publication-files.ts';
import { satisfactionXlsx, statisticsXlsx } from '../../reports/export/publication-xlsx.ts';
import {
  satisfactionPrintJob,
  serviceManualPrintJob,
  statisticsPrintJob,
} from '../../reports/export/publication-pdf.ts';

const CONTENT_TYPES = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

const fiscalYear = z
  .string({ error: 'give the Buddhist-era fiscal year, e.g. fiscalYear=2569' })
  .regex(/^\d{4}$/, 'a Buddhist-era year, e.g. 2569')
  .transform(Number)
  .pipe(
    z.int().min(2500, 'a Buddhist-era year, e.g. 2569').max(2700, 'a Buddhist-era year, e.g. 2569'),
  );
const format = z
  .enum(['pdf', 'xlsx', 'json'], { error: 'format is pdf, xlsx or json' })
  .default('json');

export const statisticsQuery = z.object({
  fiscalYear,
  quarter: z
    .enum(['1', '2', '3', '4', 'year'], { error: 'quarter is 1, 2, 3, 4 or year' })
    .transform((q) => (q === 'year' ? 'year' : (`q${q}` as const))),
  format,
});
export const satisfactionQuery = z.object({
  fiscalYear,
  half: z
    .enum(['1', '2', 'year'], { error: 'half is 1, 2 or year' })
    .transform((h) => (h === 'year' ? 'year' : (`h${h}` as const))),
  format,
});
/** 3 (the JSON) or 3.pdf. */
const manualFile = z
  .string()
  .regex(/^[1-9]\d{0,9}(\.pdf)?$/, 'a service id, e.g. 3 or 3.pdf')
  .transform((file) => ({
    serviceId: Number(file.replace(/\.pdf$/, '')),
    pdf: file.endsWith('.pdf'),
  }));

const queryOf = (query: URLSearchParams, names: string[]): Record<string, string | undefined> =>
  Object.fromEntries(names.map((name) => [name, query.get(name) ?? undefined]));

function sendFile(
  res: ServerResponse,
  kind: keyof typeof CONTENT_TYPES,
  body: Buffer,
  name: PublicationFileName,
): void {
  res.writeHead(200, {
    'content-type': CONTENT_TYPES[kind],
    'content-length': body.length,
    'content-disposition': contentDisposition(name),
    'cache-control': 'no-store',
  });
  res.end(body);
}

/**
 * The ITA documents (manager role or above): the service manual, the quarterly service
 * statistics and the half-yearly and yearly satisfaction report, each as the office uploads it.
 */
export function publicationRoutes(
  router: Router,
  { office, sessions, reports, pdf }: ApiDeps,
): void {
  const publications = new Publications(office.ctx, reports);

  router.on('GET', '/api/publications', ({ req, res }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, publications.list());
  });

  router.on('GET', '/api/publications/service-manual', ({ req, res }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, publications.serviceManual(null));
  });

  router.on('GET', '/api/publications/service-manual.pdf', async ({ req, res }) => {
    sessions.require(req, 'manager');
    const manual = publications.serviceManual(null);
    const body = await pdf.printJob(serviceManualPrintJob(manual, null));
    sendFile(res, 'pdf', body, serviceManualFileName(null));
  });

  router.on('GET', '/api/publications/service-manual/:file', async ({ req, res, params }) => {
    sessions.require(req, 'manager');
    const { serviceId, pdf: asPdf } = parse(manualFile, params.file);
    const manual = publications.serviceManual(serviceId);
    if (!asPdf) return sendJson(res, 200, manual);
    const body = await pdf.printJob(serviceManualPrintJob(manual, serviceId));
    sendFile(res, 'pdf', body, serviceManualFileName(manual.services[0] ?? null));
  });

  router.on('GET', '/api/publications/statistics', async ({ req, res, query }) => {
    sessions.require(req, 'manager');
    const q = parse(statisticsQuery, queryOf(query, ['fiscalYear', 'quarter', 'format']));
    const doc = publications.statistics(q.fiscalYear, q.quarter);
    if (q.format === 'json') return sendJson(res, 200, doc);
    const name = statisticsFileName(q.fiscalYear, q.quarter, q.format);
    const body =
      q.format === 'xlsx' ? await statisticsXlsx(doc) : await pdf.printJob(statisticsPrintJob(doc));
    sendFile(res, q.format, body, name);
  });

  router.on('GET', '/api/publications/satisfaction', async ({ req, res, query }) => {
    sessions.require(req, 'manager');
    const q = parse(satisfactionQuery, queryOf(query, ['fiscalYear', 'half', 'format']));
    const doc = publications.satisfaction(q.fiscalYear, q.half);
    if (q.format === 'json') return sendJson(res, 200, doc);
    const name = satisfactionFileName(q.fiscalYear, q.half, q.format);
    const body =
      q.format === 'xlsx'
        ? await satisfactionXlsx(doc)
        : await pdf.printJob(satisfactionPrintJob(doc));
    sendFile(res, q.format, body, name);
  });
}
