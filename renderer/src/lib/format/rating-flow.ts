/** The rating screen's states: nothing to rate, asking, thanking. */
export type RatingPhase = 'idle' | 'asking' | 'thanks';

/** Asking ends unrated after this long, so the next citizen does not rate someone else's service. */
export const ASK_TIMEOUT_MS = 90_000;
export const THANKS_MS = 5_000;

/**
 * Whether a finished ticket should arm the screen: it must be this counter's,
 * not one the citizen already rated or let time out on this screen.
 */
export function shouldAsk(
  ticket: { id: string; counterId: number | null; status: string } | null,
  counterId: number,
  dismissed: ReadonlySet<string>,
): boolean {
  return (
    ticket !== null &&
    ticket.counterId === counterId &&
    ticket.status === 'done' &&
    !dismissed.has(ticket.id)
  );
}
