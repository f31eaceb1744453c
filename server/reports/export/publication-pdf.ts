/**
 * The ITA publications as print jobs for the report printer: headless Chromium opens the
 * manager entry's publication page (/manager/print/publication) on the private print origin
 * and is answered the document's JSON, exactly as the office server's API gives it.
 */
import type {
  PublicationPeriod,
  SatisfactionPublication,
  ServiceManual,
  StatisticsPublication,
} from '../../contract/contract.ts';
import { PRINT_ORIGIN, type PrintJob } from './print-origin.ts';

export const PUBLICATION_PAGE = '/manager/print/publication';

const pageUrl = (params: Record<string, string>): string =>
  `${PRINT_ORIGIN}${PUBLICATION_PAGE}?${new URLSearchParams(params)}`;

/** quarter=1..4|year, half=1|2|year: the API's own query for a part of the year. */
export function partParam(period: PublicationPeriod): string {
  return period.part === 'year' ? 'year' : period.part.slice(1);
}

export function serviceManualPrintJob(manual: ServiceManual, serviceId: number | null): PrintJob {
  return {
    label: `service manual${serviceId === null ? '' : ` of service ${serviceId}`}`,
    pageUrl: pageUrl({
      document: 'service-manual',
      ...(serviceId === null ? {} : { serviceId: String(serviceId) }),
    }),
    apiPath: `/api/publications/service-manual${serviceId === null ? '' : `/${serviceId}`}`,
    body: manual,
  };
}

export function statisticsPrintJob(doc: StatisticsPublication): PrintJob {
  const quarter = partParam(doc.period);
  return {
    label: `statistics ${doc.period.fiscalYear} ${doc.period.part}`,
    pageUrl: pageUrl({
      document: 'statistics',
      fiscalYear: String(doc.period.fiscalYear),
      quarter,
    }),
    apiPath: '/api/publications/statistics',
    body: doc,
  };
}

export function satisfactionPrintJob(doc: SatisfactionPublication): PrintJob {
  const half = partParam(doc.period);
  return {
    label: `satisfaction ${doc.period.fiscalYear} ${doc.period.part}`,
    pageUrl: pageUrl({ document: 'satisfaction', fiscalYear: String(doc.period.fiscalYear), half }),
    apiPath: '/api/publications/satisfaction',
    body: doc,
  };
}
