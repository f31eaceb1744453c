/**
 * The five-question survey's figures (project 16): per question, the answers at each level,
 * the mean, the sample SD and the Thai band, with the same helpers as the ratings' figures so
 * a survey question and a rating are read alike. Pure: the managers' report and the public
 * /transparency page both call `surveyFigures` on the counts the store read.
 */
import type { LocalizedText, SurveyFigures, SurveyQuestion } from '../contract/contract.ts';
import { SURVEY_QUESTIONS } from '../contract/contract.ts';
import type { SurveyCountsRecord } from '../store/report-store.ts';
import { satisfactionFigures } from './satisfaction.ts';

/** The questions as Thai offices word them in their survey reports. */
export const SURVEY_QUESTION_LABELS: Record<SurveyQuestion, LocalizedText> = {
  process: { th: 'ด้านขั้นตอนการให้บริการ', en: 'Process and steps' },
  channels: { th: 'ด้านช่องทางการให้บริการ', en: 'Service channels' },
  staff: { th: 'ด้านเจ้าหน้าที่ผู้ให้บริการ', en: 'Staff' },
  facilities: { th: 'ด้านสิ่งอำนวยความสะดวก', en: 'Facilities' },
  overall: { th: 'ด้านคุณภาพการให้บริการโดยรวม', en: 'Overall service quality' },
};

/** No surveys: every question with no answers. */
export function noSurveyCounts(): SurveyCountsRecord {
  const counts = {} as SurveyCountsRecord['counts'];
  for (const question of SURVEY_QUESTIONS) counts[question] = [0, 0, 0, 0, 0];
  return { n: 0, withComment: 0, counts };
}

/** Each question's figures over the surveys counted, in the order the questions are asked. */
export function surveyFigures(counted: SurveyCountsRecord): SurveyFigures {
  return {
    n: counted.n,
    withComment: counted.withComment,
    questions: SURVEY_QUESTIONS.map((question) => {
      // Served is only the base of a response rate, which a question does not have.
      const f = satisfactionFigures(counted.counts[question], 0, 0);
      return {
        question,
        label: SURVEY_QUESTION_LABELS[question],
        counts: f.counts,
        n: f.n,
        mean: f.mean,
        sd: f.sd,
        band: f.band,
        satisfiedPct: f.satisfiedPct,
      };
    }),
  };
}
