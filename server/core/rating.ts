import { RATING_LABELS } from '../contract/contract.ts';
import type { LocalizedText } from '../contract/contract.ts';
import { invalid } from './errors.ts';

/** The five satisfaction levels of project 16, 5 = มากที่สุด (very satisfied). */
export function ratingLabel(score: number): LocalizedText {
  const label = RATING_LABELS[score];
  if (!Number.isInteger(score) || !label) {
    throw invalid('invalid_score', `score must be an integer from 1 to 5, got ${String(score)}`);
  }
  return label;
}
