import { randomBytes } from 'node:crypto';
import { OfficeContext, type OfficeDeps } from './office-context.ts';
import { TicketCommands } from './ticket-commands.ts';
import { StepCommands } from './step-commands.ts';
import { ComplaintCommands } from './complaint-commands.ts';
import { SurveyCommands } from './survey-commands.ts';
import { AdminCommands } from './admin-commands.ts';
import { FeedbackCommands } from './feedback-commands.ts';
import { StationCommands } from './station-commands.ts';
import { Views } from './views.ts';
import { ClockStepCommands } from './clock-step-commands.ts';
import type { CheckpointCommands } from './checkpoint-commands.ts';
import { conflict } from '../core/errors.ts';
import { canonicalJson } from '../core/canonical-json.ts';

const ID_BYTES = 9;
let pool = Buffer.alloc(0);
let used = 0;

/**
 * 12 url-safe characters (72 random bits): printable in a QR, impossible to guess.
 * Drawn from a pooled buffer, since one small randomBytes call per ticket costs more
 * than the rest of the id.
 */
export function randomTicketId(): string {
  if (used + ID_BYTES > pool.length) {
    pool = randomBytes(ID_BYTES * 512);
    used = 0;
  }
  used += ID_BYTES;
  return pool.toString('base64url', used - ID_BYTES, used);
}

/** The office: its commands and read models over one database. */
export class Office {
  readonly ctx: OfficeContext;
  readonly tickets: TicketCommands;
  readonly steps: StepCommands;
  readonly complaints: ComplaintCommands;
  readonly surveys: SurveyCommands;
  readonly admin: AdminCommands;
  readonly feedback: FeedbackCommands;
  readonly stations: StationCommands;
  readonly views: Views;
  readonly clockSteps: ClockStepCommands;
  /** The signed daily checkpoints; set by the server once its key is loaded (seed-demo signs none). */
  checkpoints: CheckpointCommands | null = null;

  constructor(deps: Omit<OfficeDeps, 'newTicketId'> & { newTicketId?: () => string }) {
    this.ctx = new OfficeContext({ newTicketId: randomTicketId, ...deps });
    this.tickets = new TicketCommands(this.ctx);
    this.steps = new StepCommands(this.ctx);
    this.complaints = new ComplaintCommands(this.ctx);
    this.surveys = new SurveyCommands(this.ctx);
    this.admin = new AdminCommands(this.ctx);
    this.feedback = new FeedbackCommands(this.ctx);
    this.stations = new StationCommands(this.ctx);
    this.views = new Views(this.ctx);
    this.clockSteps = new ClockStepCommands(this.ctx);
  }

  /**
   * Runs `compute` once per clientRequestId: a retry with the same id and the same
   * request gets the first answer back and changes nothing; the same id with a
   * different request is a 409.
   */
  idempotent<T>(
    kind: string,
    clientRequestId: string | undefined,
    request: unknown,
    compute: () => T,
  ): T {
    if (clientRequestId === undefined) return compute();
    return this.ctx.run(() => {
      const key = `${kind}:${clientRequestId}`;
      const fingerprint = canonicalJson(request);
      const stored = this.ctx.store.clientRequests.get(key);
      if (stored) {
        if (stored.fingerprint !== fingerprint) {
          throw conflict(
            'client_request_reused',
            `clientRequestId ${clientRequestId} was already used for a different request`,
          );
        }
        return stored.response as T;
      }
      const response = compute();
      this.ctx.store.clientRequests.insert(key, fingerprint, response ?? null, this.ctx.now());
      return response;
    });
  }
}
