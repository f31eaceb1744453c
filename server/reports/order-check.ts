import type { IsoTime, OrderCheck, OrderCheckCall } from '../contract/contract.ts';
import type { OrderCheckTicket } from '../store/order-check-store.ts';

export interface OrderCheckInput {
  /** The ticket asked about (where the citizen is now, after any transfer). */
  ticket: OrderCheckTicket;
  /** Every ticket of its service and office day (the ticket itself may be among them). */
  line: readonly OrderCheckTicket[];
  /** When it left the line without being called (cancelled), or null. */
  leftMs: number | null;
  nowMs: number;
  targetWaitMinutes: number;
  iso: (ms: number) => IsoTime;
}

/** Whether `a` joined the line after `b`: later in time, equal times by issue order. */
const joinedAfter = (a: OrderCheckTicket, b: OrderCheckTicket): boolean =>
  a.queuedMs > b.queuedMs || (a.queuedMs === b.queuedMs && a.seq > b.seq);

const minutes = (ms: number): number => Math.round(Math.max(0, ms) / 600) / 100;

/**
 * Was anyone who joined the line after this ticket called before it? Every ticket of the same
 * service and office day with a later place in time (queuedMs, which a transfer keeps) whose
 * first call came before this ticket's first call (before it left the line uncalled, or before
 * now while it waits), in calling order. A priority ticket called without being flagged out of
 * turn was called by the published rule (one priority call every N): `priority_turn`. Any other
 * is `out_of_turn` with the reason the counter recorded; a null reason means the call was not
 * recorded as out of turn, which happens when this ticket was not yet in the line at the time
 * (it came by transfer, keeping its earlier place) and otherwise only in a database changed by
 * hand, which `khiu verify` names.
 */
export function orderCheck(input: OrderCheckInput): OrderCheck {
  const { ticket, line, nowMs } = input;
  const endMs = ticket.calledMs ?? input.leftMs ?? nowMs;
  const calledBefore = line
    .filter(
      (other) =>
        other.id !== ticket.id &&
        other.calledMs !== null &&
        other.calledMs < endMs &&
        joinedAfter(other, ticket),
    )
    .sort((a, b) => a.calledMs! - b.calledMs! || a.seq - b.seq)
    .map((other): OrderCheckCall =>
      other.priority && !other.outOfTurn
        ? {
            number: other.number,
            calledAt: input.iso(other.calledMs!),
            rule: 'priority_turn',
            reason: null,
          }
        : {
            number: other.number,
            calledAt: input.iso(other.calledMs!),
            rule: 'out_of_turn',
            reason: other.outOfTurnReason,
          },
    );
  return {
    ticket: { id: ticket.id, number: ticket.number },
    waitMinutes: minutes(endMs - ticket.issuedMs),
    targetWaitMinutes: input.targetWaitMinutes,
    calledBefore,
  };
}
