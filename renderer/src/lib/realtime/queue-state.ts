import type {
  CallSummary,
  Counter,
  LocalizedText,
  NowServing,
  PublicCallSummary,
  PublicNowServing,
  PublicSnapshot,
  QueueRule,
  QueueServiceSummary,
  ServerToClientEvents,
  Service,
} from '../contract.ts';

/**
 * What the hall, the kiosk and the counters show about the queue as a whole. The hall gets
 * numbers only; a signed-in counter gets the same with ticket ids (`'id' in ticket`). Calls
 * are told apart by number: a number is one citizen's for the day, across transfers too.
 */
export interface QueueState {
  seq: number;
  officeName: LocalizedText;
  counters: Counter[];
  services: QueueServiceSummary[];
  latestCalls: (CallSummary | PublicCallSummary)[];
  nowServing: (NowServing | PublicNowServing)[];
  /** Posted services (inactive ones too), from the snapshot and every services:updated. */
  serviceDefinitions: Service[];
  /** The published calling rule; a changed rule comes with the snapshot after office:updated. */
  rule: QueueRule;
}

export type EventName = Exclude<keyof ServerToClientEvents, 'snapshot'>;
export type EventPayload<E extends keyof ServerToClientEvents> = Parameters<
  ServerToClientEvents[E]
>[0];

const LATEST_CALLS = 10;
const ACTIVE = new Set(['called', 'serving']);

export function fromSnapshot(snapshot: PublicSnapshot): QueueState {
  return {
    seq: snapshot.seq,
    officeName: snapshot.officeName,
    counters: snapshot.counters,
    services: snapshot.services,
    latestCalls: snapshot.latestCalls,
    nowServing: snapshot.nowServing,
    serviceDefinitions: snapshot.serviceDefinitions,
    rule: snapshot.rule,
  };
}

/**
 * Applies one realtime event to the state (pure). Waiting counts and estimates
 * are not derived here: they follow the server's rule, so the caller refreshes
 * them from GET /api/queue after ticket events.
 */
export function applyEvent<E extends EventName>(
  state: QueueState,
  name: E,
  event: EventPayload<E>,
): QueueState {
  const next = { ...state, seq: Math.max(state.seq, event.seq) };
  switch (name) {
    case 'ticket:called': {
      const called = event as EventPayload<'ticket:called'>;
      const call: CallSummary | PublicCallSummary = {
        ticket: called.ticket,
        counter: called.counter,
        calledAt: new Date().toISOString(),
        recall: called.recall,
      };
      next.latestCalls = [
        call,
        ...state.latestCalls.filter((c) => c.ticket.number !== called.ticket.number),
      ].slice(0, LATEST_CALLS);
      next.nowServing = withServing(state.nowServing, called.counter.id, {
        ...called.ticket,
        status: 'called',
      });
      return next;
    }
    case 'ticket:updated': {
      const { ticket } = event as EventPayload<'ticket:updated'>;
      // Drop the ticket from whichever counter showed it, then show it where it is active now.
      let serving = state.nowServing.map((n) =>
        n.ticket?.number === ticket.number ? { ...n, ticket: null } : n,
      );
      if (ticket.counterId !== null && ACTIVE.has(ticket.status) && !ticket.held) {
        serving = withServing(serving, ticket.counterId, {
          ...('id' in ticket ? { id: ticket.id } : {}),
          number: ticket.number,
          serviceId: ticket.serviceId,
          status: ticket.status,
        });
      }
      next.nowServing = serving;
      return next;
    }
    case 'counter:updated': {
      const { counter } = event as EventPayload<'counter:updated'>;
      const known = state.counters.some((c) => c.id === counter.id);
      next.counters = known
        ? state.counters.map((c) => (c.id === counter.id ? counter : c))
        : [...state.counters, counter];
      if (!state.nowServing.some((n) => n.counterId === counter.id)) {
        next.nowServing = [...state.nowServing, { counterId: counter.id, ticket: null }];
      }
      return next;
    }
    case 'services:updated': {
      next.serviceDefinitions = (event as EventPayload<'services:updated'>).services;
      return next;
    }
    case 'ticket:issued':
    case 'ticket:rated':
    case 'ticket:printed':
    case 'profiles:updated':
    case 'office:updated':
      return next;
  }
  return next;
}

function withServing(
  list: QueueState['nowServing'],
  counterId: number,
  ticket: NowServing['ticket'] | PublicNowServing['ticket'],
): QueueState['nowServing'] {
  if (!list.some((n) => n.counterId === counterId)) return [...list, { counterId, ticket }];
  return list.map((n) => (n.counterId === counterId ? { counterId, ticket } : n));
}

/** Ticket, counter and service events change waiting counts; the caller refreshes them from the server. */
export function changesWaitingCounts(name: EventName): boolean {
  return (
    name === 'ticket:issued' ||
    name === 'ticket:called' ||
    name === 'ticket:updated' ||
    name === 'counter:updated' ||
    // A new or recoded service: its waiting count comes from the server's list.
    name === 'services:updated'
  );
}
