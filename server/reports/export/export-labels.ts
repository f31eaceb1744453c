import type { LocalizedText } from '../../contract/contract.ts';

/**
 * Words the exports print for codes in a report: the weekdays and the rating levels. The reasons
 * for a call out of turn come from the contract, which the screens read too.
 */
export { OUT_OF_TURN_REASON_LABELS } from '../../contract/contract.ts';

export const WEEKDAY_LABELS: readonly LocalizedText[] = [
  { th: 'จันทร์', en: 'Monday' },
  { th: 'อังคาร', en: 'Tuesday' },
  { th: 'พุธ', en: 'Wednesday' },
  { th: 'พฤหัสบดี', en: 'Thursday' },
  { th: 'ศุกร์', en: 'Friday' },
  { th: 'เสาร์', en: 'Saturday' },
  { th: 'อาทิตย์', en: 'Sunday' },
];

/** The five levels of a rating or a survey answer, 1 (lowest) to 5, as the exports' headers name them. */
export const RATING_LEVEL_LABELS: readonly LocalizedText[] = [
  { th: 'น้อยที่สุด', en: 'lowest' },
  { th: 'น้อย', en: 'low' },
  { th: 'ปานกลาง', en: 'moderate' },
  { th: 'มาก', en: 'high' },
  { th: 'มากที่สุด', en: 'highest' },
];
