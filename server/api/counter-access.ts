import type { IncomingMessage } from 'node:http';
import type { ApiDeps } from './api-deps.ts';
import type { UserRecord } from '../core/records.ts';
import { notFound } from '../core/errors.ts';
import {
  assertCounterInScope,
  assertTicketInScope,
  counterScopeOf,
  type CounterScope,
} from '../core/counter-scope.ts';
import { mustGetTicket } from '../commands/ticket-lookup.ts';

/*
 * The counter check of every staff route. It runs synchronously right before the command,
 * with nothing awaited in between, so the ticket it judged is the one the command changes.
 */

function scopeOf(
  { sessions }: Pick<ApiDeps, 'sessions'>,
  req: IncomingMessage,
): { user: UserRecord; scope: CounterScope } {
  const { user, counterId } = sessions.requireSession(req, 'staff');
  return { user, scope: counterScopeOf(user.role, user.username, counterId) };
}

/** The signed-in user, who may act at this counter (404 for an unknown one). */
export function userAtCounter(
  deps: Pick<ApiDeps, 'sessions' | 'office'>,
  req: IncomingMessage,
  counterId: number,
): UserRecord {
  const { user, scope } = scopeOf(deps, req);
  const counter = deps.office.ctx.store.counters.get(counterId);
  if (!counter) throw notFound('counter', counterId);
  assertCounterInScope(scope, counter);
  return user;
}

/** The signed-in user, who may act on this ticket (404 for an unknown one). */
export function userOnTicket(
  deps: Pick<ApiDeps, 'sessions' | 'office'>,
  req: IncomingMessage,
  ticketId: string,
): UserRecord {
  const { user, scope } = scopeOf(deps, req);
  const { store } = deps.office.ctx;
  const ticket = mustGetTicket(store, ticketId);
  const counter = scope.kind === 'one' ? store.counters.get(scope.counterId) : undefined;
  assertTicketInScope(scope, ticket, counter);
  return user;
}
