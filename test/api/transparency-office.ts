import type { Office } from '../../server/commands/office.ts';
import type { ManualClock } from '../../server/core/clock.ts';
import type { Actor } from '../../server/core/records.ts';
import type {
  ComplaintKind,
  OutOfTurnReason,
  SurveyAnswers,
} from '../../server/contract/contract.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';

/** The office day the tests stand on: Thursday 19 November 2026 (พ.ศ. 2569), 10:00. */
export const TODAY = '2026-11-19';
export const NOW_MS = Date.parse('2026-11-19T10:00:00+07:00');
export const FIRST_DAY_MS = Date.parse('2026-11-02T08:00:00+07:00');
export const DEMO_STAFF = ['somchai', 'malee'];
export const TODAY_REASON: OutOfTurnReason = 'returned_with_documents';

const MINUTE = 60_000;

export interface PlayedToday {
  /** The ticket counter 1 called out of turn this morning. */
  outOfTurnNumber: string;
  counterNumber: number;
}

/**
 * Thirteen weekdays of demo history (2-18 November 2026, with out-of-turn calls and ratings),
 * then this morning through the real commands: four tickets of service A, the third (a
 * priority ticket) called out of turn by counter 1 with a reason, then the first in order;
 * both served and rated. The clock ends at NOW_MS.
 */
export function playTransparencyOffice(office: Office, clock: ManualClock): PlayedToday {
  clock.set(FIRST_DAY_MS);
  playDemoDays(office, clock, {
    firstDay: '2026-11-02',
    days: 13,
    perDay: 40,
    seed: 7,
    staff: DEMO_STAFF,
  });
  clock.set(Date.parse(`${TODAY}T09:00:00+07:00`));
  const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
  const staff: Actor = { kind: 'user', username: DEMO_STAFF[0]!, role: 'staff' };
  const service = office.ctx.store.services.all().find((s) => s.code === 'A')!;
  const counter = office.ctx.store.counters.all().find((c) => c.number === 1)!;
  const issued = [null, null, 'elderly', null].map((priority) => {
    clock.advance(2 * MINUTE);
    return office.tickets.issue(service.id, priority as 'elderly' | null, kiosk).ticket;
  });
  clock.advance(3 * MINUTE);
  const outOfTurn = issued[2]!;
  const serve = (ticketId: string, score: number): void => {
    clock.advance(MINUTE);
    office.tickets.start(ticketId, staff);
    clock.advance(6 * MINUTE);
    office.tickets.finish(ticketId, staff);
    office.feedback.rate(ticketId, score, { kind: 'station', station: 'rating-1' });
  };
  office.tickets.callOutOfTurn(outOfTurn.id, counter.id, TODAY_REASON, staff);
  serve(outOfTurn.id, 5);
  clock.advance(MINUTE);
  office.tickets.callNext(counter.id, staff);
  serve(issued[0]!.id, 4);
  clock.set(NOW_MS);
  return { outOfTurnNumber: outOfTurn.number, counterNumber: counter.number };
}

/** One survey the office was given: the ticket's office day, its answers and its comment. */
export interface PlayedSurvey {
  ticketId: string;
  day: string;
  answers: SurveyAnswers;
  comment: string | null;
}

/** One complaint made from a ticket, as the citizen wrote it and as the manager closed it. */
export interface PlayedComplaint {
  ticketId: string;
  /** The office day it was received. */
  day: string;
  kind: ComplaintKind;
  text: string | null;
  reference: string;
  resolved: boolean;
  outcome: string | null;
}

export interface PlayedFeedback {
  surveys: PlayedSurvey[];
  complaints: PlayedComplaint[];
}

/** How the surveys and complaints reach the office: its commands, or the HTTP API. */
export interface FeedbackChannel {
  survey(ticketId: string, answers: SurveyAnswers, comment: string | null): Promise<void>;
  complain(ticketId: string, kind: ComplaintKind, text: string | null): Promise<{ id: number }>;
  /** A manager takes the complaint up, or closes it with the outcome when `outcome` is given. */
  decide(id: number, outcome: string | null): Promise<void>;
}

/** The office's own commands, as the routes call them. */
export function commandChannel(office: Office): FeedbackChannel {
  const citizen: Actor = { kind: 'anonymous', via: 'ticket-qr' };
  const manager = { kind: 'user', username: 'boss', role: 'manager' } as const;
  return {
    survey: async (ticketId, answers, comment) => {
      office.surveys.submit(ticketId, answers, comment, citizen);
    },
    complain: async (ticketId, kind, text) =>
      office.complaints.receive(ticketId, kind, text, citizen),
    decide: async (id, outcome) => {
      office.complaints.update(
        id,
        outcome === null ? 'investigating' : 'resolved',
        outcome,
        manager,
      );
    },
  };
}

/** Words no public page may show: each names its own kind of secret. */
export const SECRET = {
  surveyComment: 'ความเห็นลับของผู้ตอบแบบสำรวจ',
  complaintText: 'ข้อความร้องเรียนลับ',
  outcome: 'ผลการตรวจสอบลับ',
};

const ANSWERS: SurveyAnswers[] = [
  { process: 5, channels: 4, staff: 5, facilities: 3, overall: 5 },
  { process: 4, channels: 4, staff: 5, facilities: 2, overall: 4 },
  { process: 3, channels: 5, staff: 4, facilities: 4, overall: 4 },
  { process: 5, channels: 5, staff: 5, facilities: 5, overall: 5 },
  { process: 2, channels: 3, staff: 4, facilities: 3, overall: 3 },
  { process: 4, channels: 2, staff: 3, facilities: 4, overall: 4 },
  { process: 5, channels: 4, staff: 4, facilities: 1, overall: 4 },
];
const KINDS: ComplaintKind[] = ['skipped', 'rude', 'skipped', 'bribe_request', 'other'];

/**
 * After playTransparencyOffice, at 10:00 on TODAY: surveys of yesterday's latest served tickets
 * (still within the survey's 24 hours) and of five service-B tickets served this morning at
 * counter 2, some with a comment; then five complaints of the kinds in KINDS, on tickets of
 * both days, two of them resolved with an outcome and one taken up. The clock ends later that
 * morning; every secret word is in SECRET.
 */
export async function playFeedback(
  office: Office,
  clock: ManualClock,
  channel: FeedbackChannel = commandChannel(office),
): Promise<PlayedFeedback> {
  const { store } = office.ctx;
  const staff: Actor = { kind: 'user', username: DEMO_STAFF[1]!, role: 'staff' };
  const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
  const now = office.ctx.now();
  const yesterday = store.tickets
    .issuedBetween(now - 26 * 60 * MINUTE, now)
    .filter(
      (t) =>
        t.day === '2026-11-18' &&
        t.status === 'done' &&
        t.finishedMs !== null &&
        now - t.finishedMs < 23 * 60 * MINUTE,
    )
    .slice(-3);
  if (yesterday.length < 3) throw new Error('the demo history has too few late tickets yesterday');

  const service = store.services.all().find((s) => s.code === 'B')!;
  const counter = store.counters.all().find((c) => c.number === 2)!;
  const today = [0, 1, 2, 3, 4].map(() => {
    clock.advance(MINUTE);
    const ticket = office.tickets.issue(service.id, null, kiosk).ticket;
    clock.advance(MINUTE);
    const called = office.tickets.callNext(counter.id, staff);
    if (called?.id !== ticket.id) throw new Error(`counter 2 called ${called?.number}`);
    office.tickets.start(ticket.id, staff);
    clock.advance(4 * MINUTE);
    office.tickets.finish(ticket.id, staff);
    return ticket;
  });

  const surveys: PlayedSurvey[] = [];
  const surveyed = [...yesterday, ...today.slice(0, 4)];
  for (const [i, ticket] of surveyed.entries()) {
    const answers = ANSWERS[i]!;
    const comment = i % 3 === 0 ? `${SECRET.surveyComment} ${i}` : null;
    clock.advance(MINUTE);
    await channel.survey(ticket.id, answers, comment);
    surveys.push({ ticketId: ticket.id, day: ticket.day, answers, comment });
  }

  const complaints: PlayedComplaint[] = [];
  const ids: number[] = [];
  const complainedOf = [yesterday[0]!, today[4]!, yesterday[1]!, today[0]!, today[1]!];
  for (const [i, ticket] of complainedOf.entries()) {
    const kind = KINDS[i]!;
    const text = i === 4 ? null : `${SECRET.complaintText} ${i}`;
    clock.advance(MINUTE);
    const { id } = await channel.complain(ticket.id, kind, text);
    const record = store.complaints.get(id)!;
    ids.push(id);
    complaints.push({
      ticketId: ticket.id,
      day: record.day,
      kind,
      text,
      reference: record.reference,
      resolved: false,
      outcome: null,
    });
  }
  for (const i of [0, 3]) {
    const played = complaints[i]!;
    const outcome = `${SECRET.outcome} ${i}`;
    clock.advance(MINUTE);
    await channel.decide(ids[i]!, outcome);
    Object.assign(played, { resolved: true, outcome });
  }
  clock.advance(MINUTE);
  await channel.decide(ids[1]!, null);
  clock.advance(MINUTE);
  return { surveys, complaints };
}
