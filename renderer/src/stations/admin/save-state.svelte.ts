import { toApiError, type ApiError } from '../../lib/api/api-error.ts';

/**
 * One settings section's save: waiting for the server, saved, or refused. Every section of the
 * Office tab saves through it, so they behave alike: the button waits, "Saved" appears only once
 * the server has answered, a refusal shows in the section's ErrorNotice.
 */
export class SaveState {
  busy = $state(false);
  saved = $state(false);
  error = $state<ApiError | null>(null);

  /** Runs one save; `explains` may take a refusal the section words itself (returns true). */
  async run(work: () => Promise<void>, explains?: (failure: ApiError) => boolean): Promise<void> {
    this.busy = true;
    this.saved = false;
    this.error = null;
    try {
      await work();
      this.saved = true;
    } catch (e) {
      const failure = toApiError(e);
      if (!explains?.(failure)) this.error = failure;
    } finally {
      this.busy = false;
    }
  }

  /** A section whose current value could not be loaded says so like a refused save. */
  readonly loadFailed = (e: unknown): void => {
    this.error = toApiError(e);
  };
}
