import type { Db } from './database.ts';
import { canonicalJson } from '../core/canonical-json.ts';

/**
 * `client_requests` keeps the first answer to a request that carried a clientRequestId, and
 * a retry gets that answer back verbatim: the kiosk shows its number from it, the counter
 * its called citizen. It is not in the ledger, but every answer it keeps is a ticket as one
 * ledger entry recorded it (the issue, or the call), so each stored answer is recomputed from
 * that entry: the ticket's number, service, status, counter and times, the people ahead at
 * issue, and the request it answered; and one entry answers one request. An answer edited,
 * copied over another request's, or made up by hand is named.
 *
 * Not caught, because the ledger does not record request ids: an answer moved to another id
 * with the first row deleted; `estimatedWaitMinutes` (a forecast from the service's recent
 * pace, recorded nowhere); a call-next that found nobody (null, 204), which names no ticket.
 * Each misleads only a client retrying that very id, seconds after its request: the kiosk's
 * printed ticket and the counter's screen come from the events, not from this answer.
 *
 * The server deletes rows past their replay window (client-requests-prune.ts), so only the
 * rows present are checked, each on its own: nothing here expects a row for an entry, and an id
 * answered again after its first row was deleted is a row like any other.
 */
export function compareClientRequests(db: Db): string | null {
  const entriesOf = db.prepare(`SELECT seq, data FROM ledger
    WHERE entity = 'ticket' AND entity_id = ? AND type = ? ORDER BY seq`);
  const rows = db
    .prepare('SELECT key, fingerprint, response FROM client_requests ORDER BY key')
    .iterate() as IterableIterator<StoredRequest>;
  const entries = (ticketId: string, type: string) =>
    entriesOf.all(ticketId, type) as { seq: number; data: string }[];
  // One entry answers one request: an answer copied over another request's is named.
  const answeredBy = new Map<number, string>();
  for (const row of rows) {
    const found = storedAnswer(row, entries);
    if (typeof found === 'string') return `client request ${row.key} ${found}`;
    if (found === null) continue;
    const other = answeredBy.get(found.seq);
    if (other)
      return `client request ${row.key} answers ticket ${found.number} as client request ${other} does: one answer was copied over the other`;
    answeredBy.set(found.seq, row.key);
  }
  return null;
}

interface StoredRequest {
  key: string;
  fingerprint: string;
  response: string;
}

type TicketState = Record<string, unknown>;

/**
 * What each kind of request (office.idempotent in api/routes) answers with, and the request
 * it was. A new kind of retried request needs its line here, or verify names its rows.
 */
const KINDS: Record<string, { entryType: string; request: (state: TicketState) => unknown }> = {
  issue: {
    entryType: 'ticket.issued',
    request: (state) => ({ serviceId: state.service_id, priority: state.priority }),
  },
  'call-next': {
    entryType: 'ticket.called',
    request: (state) => ({ counterId: state.counter_id }),
  },
};

/**
 * The ledger entry a stored answer comes from (with the ticket's number), null for a
 * call-next that found nobody, or what is wrong with the answer.
 */
function storedAnswer(
  row: StoredRequest,
  entriesOf: (ticketId: string, type: string) => { seq: number; data: string }[],
): { seq: number; number: string } | null | string {
  const kind = row.key.slice(0, row.key.indexOf(':'));
  const spec = KINDS[kind];
  if (!spec) return 'is of a kind the server never stores';
  let response: { ticket?: Record<string, unknown> } | null;
  try {
    response = JSON.parse(row.response) as typeof response;
  } catch {
    return 'holds an answer that is not JSON';
  }
  if (response === null) {
    return kind === 'call-next' && isCallNextRequest(row.fingerprint)
      ? null
      : 'answers nothing, which no such request was ever answered with';
  }
  const ticket = response.ticket;
  if (typeof ticket !== 'object' || ticket === null || typeof ticket.id !== 'string')
    return 'holds an answer that names no ticket';
  for (const entry of entriesOf(ticket.id, spec.entryType)) {
    const { state, details } = JSON.parse(entry.data) as {
      state: TicketState;
      details: Record<string, unknown>;
    };
    const ahead = kind === 'issue' ? details.ahead : 0;
    if (
      sameTicket(ticket, state) &&
      ticket.ahead === ahead &&
      row.fingerprint === canonicalJson(spec.request(state))
    )
      return { seq: entry.seq, number: String(state.number) };
  }
  return `answers ticket ${String(ticket.number ?? ticket.id)} as no ${spec.entryType} entry of the ledger recorded it`;
}

function isCallNextRequest(fingerprint: string): boolean {
  try {
    const request = JSON.parse(fingerprint) as { counterId?: unknown };
    return Number.isInteger(request.counterId) && canonicalJson(request) === fingerprint;
  } catch {
    return false;
  }
}

/** The view's fields that come straight from the row (views.ts), against the recorded row. */
function sameTicket(view: Record<string, unknown>, state: TicketState): boolean {
  const same: [unknown, unknown][] = [
    [view.id, state.id],
    [view.number, state.number],
    [view.serviceId, state.service_id],
    [view.status, state.status],
    [view.priority, state.priority],
    [view.counterId, state.counter_id],
    [view.held, state.held === 1],
    [view.recalls, state.recalls],
    [view.outOfTurn, state.out_of_turn === 1],
    [view.transferredTo, state.transferred_to],
    [view.transferredFrom, state.transferred_from],
    [msOf(view.issuedAt), state.issued_ms],
    [msOf(view.calledAt), state.called_ms],
    [msOf(view.startedAt), state.started_ms],
    [msOf(view.finishedAt), state.finished_ms],
  ];
  return same.every(([a, b]) => a === b);
}

/** An ISO time with its offset as the view writes it, in epoch ms; null stays null. */
function msOf(iso: unknown): number | null | undefined {
  if (iso === null) return null;
  if (typeof iso !== 'string') return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : ms;
}
