/**
 * สถิติการให้บริการ: the manager report of a quarter (or of the year so far) as the
 * office publishes it, per service and for the office. Every figure is the report's own:
 * nothing is computed here a second time.
 */
import type {
  PublicationPeriod,
  PublicationStatisticsRow,
  Report,
  ReportFigures,
  StatisticsPublication,
} from '../../contract/contract.ts';

function row(
  figures: ReportFigures,
  named: Pick<PublicationStatisticsRow, 'serviceId' | 'code' | 'name'>,
  standards: { targetWaitMinutes: number | null; standardMinutes: number | null },
): PublicationStatisticsRow {
  return {
    ...named,
    issued: figures.issued,
    served: figures.served,
    noShow: figures.noShow,
    cancelled: figures.cancelled,
    waitP50: figures.wait.p50,
    waitP90: figures.wait.p90,
    targetWaitMinutes: standards.targetWaitMinutes,
    withinTargetPct: figures.wait.withinTargetPct,
    serviceMean: figures.service.mean,
    standardMinutes: standards.standardMinutes,
    withinStandardPct: figures.service.withinStandardPct,
    outOfTurn: figures.fairness.outOfTurn,
  };
}

export function statisticsPublication(
  report: Report,
  period: PublicationPeriod,
): StatisticsPublication {
  return {
    title: {
      th: `สถิติการให้บริการ ปีงบประมาณ ${period.fiscalYear} ${period.label.th}`,
      en: `Service statistics, fiscal year ${period.fiscalYear}, ${period.label.en}`,
    },
    officeName: report.officeName,
    period,
    generatedAt: report.generatedAt,
    services: report.services.map((s) =>
      row(
        s,
        { serviceId: s.serviceId, code: s.code, name: s.name },
        { targetWaitMinutes: s.targetWaitMinutes, standardMinutes: s.standardMinutes },
      ),
    ),
    total: row(
      report.totals,
      { serviceId: null, code: '', name: { th: 'รวมทุกบริการ', en: 'All services' } },
      { targetWaitMinutes: null, standardMinutes: null },
    ),
  };
}
