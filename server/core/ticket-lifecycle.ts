import type { CancelReason, TicketStatus } from '../contract/contract.ts';
import type { TicketRecord } from './records.ts';
import { CANCELLABLE_STATUSES } from '../contract/contract.ts';
import { conflict } from './errors.ts';

export type TicketAction =
  | 'call'
  | 'recall'
  | 'start'
  | 'finish'
  | 'no_show'
  | 'transfer'
  | 'hold'
  | 'return'
  | 'cancel'
  | 'rate'
  | 'step';

const FROM: Record<TicketAction, readonly TicketStatus[]> = {
  call: ['waiting'],
  recall: ['called'],
  start: ['called'],
  finish: ['serving'],
  no_show: ['called'],
  transfer: ['waiting', 'called', 'serving'],
  hold: ['called', 'serving'],
  return: ['waiting'],
  // Published in the contract so the counter screen offers cancel exactly where it is allowed.
  cancel: CANCELLABLE_STATUSES,
  rate: ['done'],
  // A posted step is timed while the citizen is being served, and only then.
  step: ['serving'],
};

const VERB: Record<TicketAction, string> = {
  call: 'called',
  recall: 'recalled',
  start: 'started',
  finish: 'finished',
  no_show: 'marked as a no-show',
  transfer: 'transferred',
  hold: 'put on hold',
  return: 'returned from hold',
  cancel: 'cancelled',
  rate: 'rated',
  step: 'timed step by step',
};

type LifecycleTicket = { number: string; status: TicketStatus; held: boolean };

/** Whether `action` is allowed for a ticket in this state. */
export function ticketCan(action: TicketAction, ticket: Omit<LifecycleTicket, 'number'>): boolean {
  // A held ticket waits aside: only its own counter may return it, nobody calls it in line.
  const holdOk = action === 'return' ? ticket.held : action === 'call' ? !ticket.held : true;
  return FROM[action].includes(ticket.status) && holdOk;
}

/** Throws a 409 unless `action` is allowed for a ticket in this state. */
export function assertTicketCan(action: TicketAction, ticket: LifecycleTicket): void {
  if (!ticketCan(action, ticket)) {
    const state = ticket.held && ticket.status === 'waiting' ? 'on hold' : ticket.status;
    const code = action === 'rate' ? 'ticket_not_finished' : 'invalid_state';
    throw conflict(code, `ticket ${ticket.number} is ${state} and cannot be ${VERB[action]}`);
  }
}

/**
 * Why a ticket was cancelled: the reasons staff choose from, and the office day closing.
 * Recorded in the ledger entry of the cancel, never on the ticket row.
 */
export type CancelCause = CancelReason | 'day_closed';

/** The progress of a ticket that waits in line and has not been called: new or just transferred. */
export const NOT_YET_CALLED = {
  status: 'waiting',
  calledMs: null,
  lastCalledMs: null,
  startedMs: null,
  finishedMs: null,
  counterId: null,
  staff: null,
  held: false,
  recalls: 0,
  outOfTurn: false,
  outOfTurnReason: null,
  transferredTo: null,
} as const satisfies Partial<TicketRecord>;
