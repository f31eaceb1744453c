/** The rating screen's states: nothing to rate, asking, thanking. */
export type RatingPhase = 'idle' | 'asking' | 'thanks';

/** How long the thank-you stays before the screen waits for the next citizen. */
export const THANKS_MS = 5_000;

/** What made the screen ask the server again: a rating at its counter, or anything else. */
export type CheckReason = 'rated' | 'changed';

/**
 * What the screen does with the server's rating target while it asks about `askingId` (null
 * when it is not asking). The server alone decides the target; the screen only tells apart a
 * question answered elsewhere (the button box: thank) from one that ended unanswered (the
 * counter called its next citizen, or the timeout: go quiet).
 */
export function nextStep(
  askingId: string | null,
  targetId: string | null,
  reason: CheckReason,
): 'ask' | 'thank' | 'idle' | 'stay' {
  if (targetId !== null) return 'ask';
  if (askingId === null) return 'stay';
  return reason === 'rated' ? 'thank' : 'idle';
}
