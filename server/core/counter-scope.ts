import type { Role } from '../contract/contract.ts';
import type { CounterRecord, TicketRecord } from './records.ts';
import { KhiuError } from './errors.ts';

/*
 * Staff work one counter at a time. Without this, the clerk of counter 1 could finish or
 * no-show counter 2's citizens, close counter 2, or call its queue, and the reports would
 * credit the results to the wrong desk. Managers and admins stand in for any counter.
 */

/** Where a signed-in user may act: every counter, or the one their session works. */
export type CounterScope = { kind: 'any' } | { kind: 'one'; counterId: number };

/** The scope of a session: managers and admins anywhere; staff at their chosen counter. */
export function counterScopeOf(
  role: Role,
  username: string,
  counterId: number | null,
): CounterScope {
  if (role !== 'staff') return { kind: 'any' };
  if (counterId === null) {
    throw new KhiuError(
      'no_counter_chosen',
      `${username} has not chosen a counter; choose one with PUT /api/session/counter`,
      409,
    );
  }
  return { kind: 'one', counterId };
}

const notYours = (scope: { counterId: number }, what: string): KhiuError =>
  new KhiuError(
    'not_your_counter',
    `${what} belongs to another counter; this session works counter id ${scope.counterId}`,
    403,
  );

/** Throws 403 not_your_counter unless the scope covers the counter. */
export function assertCounterInScope(
  scope: CounterScope,
  counter: Pick<CounterRecord, 'id' | 'number'>,
): void {
  if (scope.kind === 'one' && scope.counterId !== counter.id)
    throw notYours(scope, `counter ${counter.number}`);
}

/**
 * Throws 403 not_your_counter unless the ticket is the scope's to act on: a ticket called
 * to, served at or held by a counter belongs to that counter; one still in line belongs to
 * every counter that serves its service.
 */
export function assertTicketInScope(
  scope: CounterScope,
  ticket: Pick<TicketRecord, 'number' | 'counterId' | 'serviceId'>,
  counter: Pick<CounterRecord, 'id' | 'serviceIds'> | undefined,
): void {
  if (scope.kind === 'any') return;
  const ours =
    ticket.counterId !== null
      ? ticket.counterId === scope.counterId
      : counter !== undefined &&
        counter.id === scope.counterId &&
        counter.serviceIds.includes(ticket.serviceId);
  if (!ours) throw notYours(scope, `ticket ${ticket.number}`);
}
