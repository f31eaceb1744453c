/**
 * The ITA documents of an office: its service manual, its service statistics per quarter and
 * its satisfaction report per half year and year. Reads the office's posted services and the
 * manager reports (Reports); the builders beside this file shape them for publishing.
 */
import type {
  PublicationFile,
  PublicationList,
  PublicationListEntry,
  PublicationPart,
  SatisfactionPublication,
  ServiceManual,
  StatisticsPublication,
} from '../../contract/contract.ts';
import type { OfficeContext } from '../../commands/office-context.ts';
import type { Reports } from '../reports.ts';
import { localDay, toLocalIso } from '../../core/local-time.ts';
import { notFound } from '../../core/errors.ts';
import { fiscalYearOf, type ReportPeriod } from '../report-period.ts';
import { partRange, publicationPeriod } from './publication-period.ts';
import { serviceManual } from './service-manual.ts';
import { statisticsPublication } from './statistics-publication.ts';
import { satisfactionPublication } from './satisfaction-publication.ts';
import {
  satisfactionFileName,
  serviceManualFileName,
  statisticsFileName,
  type PublicationFormat,
} from './publication-files.ts';

export type StatisticsPart = 'q1' | 'q2' | 'q3' | 'q4' | 'year';
export type SatisfactionPart = 'h1' | 'h2' | 'year';

const STATISTICS_PARTS: readonly StatisticsPart[] = ['q1', 'q2', 'q3', 'q4', 'year'];
const SATISFACTION_PARTS: readonly SatisfactionPart[] = ['h1', 'h2', 'year'];
const FORMATS: readonly PublicationFormat[] = ['pdf', 'xlsx'];

/** The quarter before a quarter, for the report's comparison (not published, but always computed). */
function quarterBefore(fiscalYear: number, part: 'q1' | 'q2' | 'q3' | 'q4') {
  const index = Number(part[1]);
  return index === 1
    ? partRange(fiscalYear - 1, 'q4')
    : partRange(fiscalYear, `q${index - 1}` as PublicationPart);
}

export class Publications {
  constructor(
    private readonly ctx: OfficeContext,
    private readonly reports: Reports,
  ) {}

  private today(): string {
    return localDay(this.ctx.now(), this.ctx.config().timeZone);
  }

  /** Every active service's manual, or one service's (404 for a service that does not exist). */
  serviceManual(serviceId: number | null): ServiceManual {
    const services = [...this.ctx.services().values()].sort((a, b) => a.sortOrder - b.sortOrder);
    if (serviceId !== null && !this.ctx.services().has(serviceId))
      throw notFound('service', serviceId);
    return serviceManual(
      {
        officeName: this.ctx.officeName(),
        generatedAt: toLocalIso(this.ctx.now(), this.ctx.config().timeZone),
        services,
        counters: this.ctx.counters(),
        complaintChannel: this.ctx.complaintChannel(),
      },
      serviceId,
    );
  }

  statistics(fiscalYear: number, part: StatisticsPart): StatisticsPublication {
    const period = publicationPeriod(fiscalYear, part, this.today());
    const report =
      part === 'year'
        ? this.reports.build({ kind: 'fiscal-year', fiscalYear })
        : this.reports.buildPeriod(this.quarterPeriod(fiscalYear, part), null);
    return statisticsPublication(report, period);
  }

  satisfaction(fiscalYear: number, part: SatisfactionPart): SatisfactionPublication {
    const period = publicationPeriod(fiscalYear, part, this.today());
    const report =
      part === 'year'
        ? this.reports.build({ kind: 'fiscal-year', fiscalYear })
        : this.reports.build({ kind: 'half-year', fiscalYear, half: part === 'h1' ? 1 : 2 });
    return satisfactionPublication(report, period);
  }

  private quarterPeriod(fiscalYear: number, part: 'q1' | 'q2' | 'q3' | 'q4'): ReportPeriod {
    return {
      kind: 'custom',
      title: {
        th: `รายงานไตรมาส ${part[1]} ปีงบประมาณ ${fiscalYear}`,
        en: `Quarter ${part[1]} of fiscal year ${fiscalYear}`,
      },
      range: partRange(fiscalYear, part),
      previous: quarterBefore(fiscalYear, part),
    };
  }

  /** The documents of the current and the previous fiscal year that have started, newest year first. */
  list(): PublicationList {
    const today = this.today();
    const current = fiscalYearOf(today);
    const services = [...this.ctx.services().values()]
      .filter((s) => s.active)
      .sort((a, b) => a.sortOrder - b.sortOrder);
    return {
      today,
      serviceManual: {
        files: [manualFile(null)],
        services: services.map((s) => ({
          serviceId: s.id,
          code: s.code,
          name: s.name,
          file: manualFile(s),
        })),
      },
      fiscalYears: [current, current - 1].map((fiscalYear) => ({
        fiscalYear,
        documents: [
          ...STATISTICS_PARTS.flatMap((part) => listed('statistics', fiscalYear, part, today)),
          ...SATISFACTION_PARTS.flatMap((part) => listed('satisfaction', fiscalYear, part, today)),
        ],
      })),
    };
  }
}

function manualFile(
  service: { id: number; code: string; name: { th: string; en: string } } | null,
): PublicationFile {
  const { name } = serviceManualFileName(service);
  return {
    format: 'pdf',
    path: service
      ? `/api/publications/service-manual/${service.id}.pdf`
      : '/api/publications/service-manual.pdf',
    fileName: name,
  };
}

function listed(
  kind: PublicationListEntry['kind'],
  fiscalYear: number,
  part: PublicationPart,
  today: string,
): PublicationListEntry[] {
  if (partRange(fiscalYear, part).from > today) return [];
  const period = publicationPeriod(fiscalYear, part, today);
  const query = (format: PublicationFormat): string =>
    kind === 'statistics'
      ? `fiscalYear=${fiscalYear}&quarter=${part === 'year' ? 'year' : part[1]}&format=${format}`
      : `fiscalYear=${fiscalYear}&half=${part === 'year' ? 'year' : part[1]}&format=${format}`;
  const nameOf = kind === 'statistics' ? statisticsFileName : satisfactionFileName;
  return [
    {
      kind,
      period,
      state: period.dataUntil === null ? 'complete' : 'in-progress',
      files: FORMATS.map((format) => ({
        format,
        path: `/api/publications/${kind}?${query(format)}`,
        fileName: nameOf(fiscalYear, part, format).name,
      })),
    },
  ];
}
