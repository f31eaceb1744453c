import { RATING_TARGET_TIMEOUT_MS } from '../contract/contract.ts';

/** What the store knows of a counter's latest finished ticket. */
export interface RatingCandidate {
  finishedMs: number;
  rated: boolean;
  /** A call, a recall or a return from hold has brought someone to the counter since it finished. */
  counterCalledSince: boolean;
}

/**
 * How long the counter's latest finished ticket stays its rating target, in ms; null when it
 * is none: rated, the counter has called someone since (whoever stands at the screen now is
 * not that citizen), or RATING_TARGET_TIMEOUT_MS has passed since it finished.
 */
export function ratingTargetClosesInMs(candidate: RatingCandidate, nowMs: number): number | null {
  if (candidate.rated || candidate.counterCalledSince) return null;
  const left = candidate.finishedMs + RATING_TARGET_TIMEOUT_MS - nowMs;
  return left > 0 ? left : null;
}
