import type { Actor, TicketRecord } from '../core/records.ts';
import type { Survey, SurveyAnswers, SurveyStatus } from '../contract/contract.ts';
import { SURVEY_COMMENT_MAX, SURVEY_QUESTIONS } from '../contract/contract.ts';
import type { OfficeContext } from './office-context.ts';
import type { SurveyRecord } from '../store/survey-store.ts';
import { conflict, invalid } from '../core/errors.ts';
import { toLocalIso } from '../core/local-time.ts';
import { mustGetTicket } from './ticket-lookup.ts';

/**
 * How long after the finish the survey stays open, as for a rating by the ticket's id: the
 * citizen answers the day they were served, and a QR found later cannot move the figures.
 */
export const SURVEY_WINDOW_MS = 24 * 60 * 60_000;

/** A transfer chain is short; the bound only stops a cycle someone wrote by hand. */
const MAX_TRANSFERS = 50;

/**
 * The five-question survey by the ticket's QR (project 16). A survey belongs to the ticket
 * where the service ended: the opened id is followed through its transfers, as the ticket
 * page follows it, so the citizen answers once for the whole visit and the answers count
 * for the service that served them.
 */
export class SurveyCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** One survey per finished ticket, within SURVEY_WINDOW_MS of its finish; never edited. */
  submit(openedId: string, answers: SurveyAnswers, comment: string | null, actor: Actor): Survey {
    assertAnswers(answers, comment);
    return this.ctx.run(() => {
      const ticket = this.endOf(openedId);
      if (this.store.surveys.get(ticket.id))
        throw conflict('survey_exists', `ticket ${ticket.number} has already been surveyed`);
      if (ticket.status !== 'done' || ticket.finishedMs === null)
        throw conflict(
          'not_finished',
          `ticket ${ticket.number} is ${ticket.status}: the survey opens once its service is finished`,
        );
      const now = this.ctx.now();
      if (now - ticket.finishedMs > SURVEY_WINDOW_MS)
        throw conflict(
          'survey_closed',
          `ticket ${ticket.number} was finished more than 24 hours ago; its survey is closed`,
        );
      const scores = pickAnswers(answers);
      const record: SurveyRecord = {
        ticketId: ticket.id,
        ...scores,
        comment,
        submittedMs: now,
      };
      this.store.surveys.insert(record);
      this.store.ledger.record(now, 'survey.given', 'survey', ticket.id, actor, scores);
      return this.view(ticket, record);
    });
  }

  /** The answered survey of the ticket the id leads to, or whether its form is open now. */
  status(openedId: string): SurveyStatus {
    const ticket = this.endOf(openedId);
    const record = this.store.surveys.get(ticket.id);
    const finished = ticket.status === 'done' ? ticket.finishedMs : null;
    const closesMs = finished === null ? null : finished + SURVEY_WINDOW_MS;
    return {
      ticket: { id: ticket.id, number: ticket.number },
      survey: record ? this.view(ticket, record) : null,
      open: !record && closesMs !== null && this.ctx.now() <= closesMs,
      closesAt: closesMs === null ? null : this.iso(closesMs),
    };
  }

  /** The ticket where the citizen's service ended (or where they are now), following transfers. */
  private endOf(openedId: string): TicketRecord {
    let ticket = mustGetTicket(this.store, openedId);
    for (let hops = 0; ticket.transferredTo && hops < MAX_TRANSFERS; hops += 1)
      ticket = this.store.tickets.get(ticket.transferredTo) ?? ticket;
    return ticket;
  }

  private view(ticket: TicketRecord, record: SurveyRecord): Survey {
    return {
      ticketId: ticket.id,
      number: ticket.number,
      ...pickAnswers(record),
      comment: record.comment,
      submittedAt: this.iso(record.submittedMs),
    };
  }

  private iso(ms: number): string {
    return toLocalIso(ms, this.ctx.config().timeZone);
  }
}

const pickAnswers = (answers: SurveyAnswers): SurveyAnswers => ({
  process: answers.process,
  channels: answers.channels,
  staff: answers.staff,
  facilities: answers.facilities,
  overall: answers.overall,
});

/** The API parses the body; this holds callers inside the server to the same levels and length. */
function assertAnswers(answers: SurveyAnswers, comment: string | null): void {
  for (const question of SURVEY_QUESTIONS) {
    const level = answers[question];
    if (!Number.isInteger(level) || level < 1 || level > 5)
      throw invalid('invalid_input', `${question}: must be an integer from 1 to 5`);
  }
  if (comment !== null && (comment.length === 0 || comment.length > SURVEY_COMMENT_MAX))
    throw invalid('invalid_input', `comment: from 1 to ${SURVEY_COMMENT_MAX} characters`);
}
