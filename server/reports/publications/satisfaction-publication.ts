/**
 * รายงานผลความพึงพอใจ (project 16; ITA): the ratings of the fiscal halves (6 months) and the
 * year (12 months) per service and for the office, with the method stated. The figures are
 * the manager report's own. Ratings are grouped in sections, one per way of collecting them:
 * the rating buttons after each service, then the five-question survey by the ticket's QR,
 * whose rows are its questions (`dimension`).
 */
import type {
  LocalizedText,
  PublicationPeriod,
  Report,
  SatisfactionPublication,
  SatisfactionSection,
} from '../../contract/contract.ts';
import { RATING_LABELS } from '../../contract/contract.ts';
import { satisfactionBand, satisfactionFigures } from '../satisfaction.ts';
import { noSurveyCounts, surveyFigures } from '../survey.ts';

/**
 * The interpretation bands, read off the report engine's own band of each printed mean
 * (1.00 ... 5.00), so this page and the figures can never disagree.
 */
export function satisfactionBands(): SatisfactionPublication['bands'] {
  const bands: SatisfactionPublication['bands'] = [];
  for (let hundredths = 100; hundredths <= 500; hundredths += 1) {
    const mean = hundredths / 100;
    const label = satisfactionBand(mean);
    if (!label) continue;
    const last = bands.at(-1);
    if (last && last.label.th === label.th) last.max = mean;
    else bands.push({ min: mean, max: mean, label });
  }
  return bands.reverse();
}

const RATING_BUTTONS_METHOD = (responses: number, served: number): LocalizedText => ({
  th:
    'ผู้รับบริการประเมินความพึงพอใจด้วยตนเองทันทีหลังรับบริการแต่ละครั้ง โดยกดปุ่มหรือแตะหน้าจอประเมินที่ช่องบริการ ' +
    'ซึ่งมี 5 ระดับ (5 = มากที่สุด, 4 = มาก, 3 = ปานกลาง, 2 = น้อย, 1 = น้อยที่สุด) บัตรคิวหนึ่งใบประเมินได้หนึ่งครั้ง ' +
    `ในช่วงนี้มีผู้ตอบ ${responses.toLocaleString('th-TH')} ครั้ง จากผู้รับบริการเสร็จ ${served.toLocaleString('th-TH')} ราย ` +
    'ค่าเฉลี่ยแปลผลตามเกณฑ์ด้านล่าง และร้อยละความพึงพอใจคือสัดส่วนของผู้ตอบระดับ 4 และ 5 ' +
    'นอกจากนี้ผู้รับบริการยังตอบแบบสำรวจ 5 ด้านผ่าน QR บนบัตรคิวได้ (ส่วนถัดไป)',
  en:
    'Citizens rate the service themselves right after it, by pressing a button or tapping the rating ' +
    'screen at the counter, on a five-level scale (5 = very satisfied ... 1 = very dissatisfied); one ' +
    `rating per ticket. In this period ${responses.toLocaleString('en-GB')} ratings were given for ` +
    `${served.toLocaleString('en-GB')} tickets served. Means are read by the bands below; the share ` +
    'satisfied is the share of ratings at levels 4 and 5. Citizens may also answer the ' +
    'five-question survey by the QR on their ticket (the next section).',
});

/** The ratings given at the counters, per service and for the office. */
function ratingButtonsSection(report: Report): SatisfactionSection {
  return {
    id: 'rating-buttons',
    title: {
      th: 'การประเมินหลังรับบริการ (ปุ่ม/หน้าจอประเมิน)',
      en: 'Ratings after the service (buttons or screen)',
    },
    method: RATING_BUTTONS_METHOD(report.totals.satisfaction.n, report.totals.served),
    rows: [
      ...report.services.map((s) => ({
        kind: 'service' as const,
        serviceId: s.serviceId,
        label: s.name,
        served: s.served,
        figures: s.satisfaction,
      })),
      {
        kind: 'overall' as const,
        serviceId: null,
        label: { th: 'ภาพรวมทุกบริการ', en: 'All services' },
        served: report.totals.served,
        figures: report.totals.satisfaction,
      },
    ],
  };
}

const QR_SURVEY_METHOD = (surveys: number, served: number): LocalizedText => ({
  th:
    'ผู้รับบริการตอบแบบสำรวจความพึงพอใจ 5 ด้าน (ขั้นตอนการให้บริการ ช่องทางการให้บริการ เจ้าหน้าที่ผู้ให้บริการ ' +
    'สิ่งอำนวยความสะดวก และคุณภาพการให้บริการโดยรวม) ด้วยโทรศัพท์ของตนเองหลังรับบริการ โดยสแกน QR บนบัตรคิว ' +
    'แต่ละด้านมี 5 ระดับเช่นเดียวกับการกดปุ่ม บัตรคิวหนึ่งใบตอบได้หนึ่งครั้งภายใน 24 ชั่วโมงหลังรับบริการเสร็จ ' +
    `ในช่วงนี้มีผู้ตอบ ${surveys.toLocaleString('th-TH')} ราย จากผู้รับบริการเสร็จ ${served.toLocaleString('th-TH')} ราย ` +
    'แยกจากการประเมินด้วยปุ่มหรือหน้าจอประเมินที่ช่องบริการข้างต้น ซึ่งนับผู้ตอบของตนเอง',
  en:
    'Citizens answer a five-question survey (process, channels, staff, facilities, overall quality) ' +
    'on their own phone after the service, by scanning the QR on their ticket, on the same five levels ' +
    'as the buttons; one survey per ticket, within 24 hours of the finish. In this period ' +
    `${surveys.toLocaleString('en-GB')} surveys were answered for ${served.toLocaleString('en-GB')} ` +
    'tickets served; they are counted apart from the ratings at the counter above.',
});

/** The QR survey's five questions, each with the figures the manager report gives it. */
function qrSurveySection(report: Report): SatisfactionSection {
  const survey = report.surveys ?? surveyFigures(noSurveyCounts());
  const targetPct = report.totals.satisfaction.targetPct;
  return {
    id: 'qr-survey',
    title: {
      th: 'แบบสำรวจความพึงพอใจ 5 ด้าน (QR บนบัตรคิว หลังรับบริการ)',
      en: 'Five-question survey (the ticket QR, after the service)',
    },
    method: QR_SURVEY_METHOD(survey.n, report.totals.served),
    rows: survey.questions.map((q) => ({
      kind: 'dimension' as const,
      serviceId: null,
      label: q.label,
      served: null,
      // The same function the question's own figures come from: a question has no response rate.
      figures: { ...satisfactionFigures(q.counts, 0, targetPct), responseRatePct: null },
    })),
  };
}

export function satisfactionPublication(
  report: Report,
  period: PublicationPeriod,
): SatisfactionPublication {
  return {
    title: {
      th: `รายงานผลการประเมินความพึงพอใจของผู้รับบริการ ปีงบประมาณ ${period.fiscalYear} ${period.label.th}`,
      en: `Citizen satisfaction report, fiscal year ${period.fiscalYear}, ${period.label.en}`,
    },
    officeName: report.officeName,
    period,
    generatedAt: report.generatedAt,
    targetPct: report.totals.satisfaction.targetPct,
    scale: [5, 4, 3, 2, 1].map((level) => ({ level, label: RATING_LABELS[level]! })),
    bands: satisfactionBands(),
    sections: [ratingButtonsSection(report), qrSurveySection(report)],
  };
}
