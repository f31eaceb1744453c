import type { OutOfTurnReason, TicketHistoryEntry, TicketStatus } from '../contract/contract.ts';
import { OUT_OF_TURN_REASONS } from '../contract/contract.ts';
import type { Actor } from '../core/records.ts';
import type { LedgerEntry } from '../store/ledger.ts';

/** Who did it, in words: a user with their role, a station, or the system and why. */
export function actorName(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `${actor.username} (${actor.role})`;
    case 'station':
      return `station ${actor.station}`;
    case 'system':
      return `system: ${actor.reason}`;
    case 'anonymous':
      return `anonymous (${actor.via})`;
  }
}

const text = (value: unknown): string | null =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : null;

const outOfTurnReason = (value: unknown): OutOfTurnReason | null =>
  OUT_OF_TURN_REASONS.find((reason) => reason === value) ?? null;

/** A ledger entry of a ticket or its rating, as the manager's timeline shows it. */
export function historyEntry(entry: LedgerEntry, iso: (ms: number) => string): TicketHistoryEntry {
  const state = entry.data.state;
  const details = Object.entries(entry.data.details ?? {})
    .filter(([, value]) => value !== null && value !== undefined)
    .map(
      ([key, value]) =>
        `${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`,
    )
    .join(', ');
  const isTicket = entry.entity === 'ticket';
  return {
    seq: entry.seq,
    at: iso(entry.atMs),
    type: entry.type,
    actor: actorName(entry.data.actor),
    status: isTicket ? ((text(state.status) as TicketStatus | null) ?? null) : null,
    counterId: typeof state.counter_id === 'number' ? state.counter_id : null,
    staff: text(state.staff),
    reason: outOfTurnReason(entry.data.details?.reason),
    detail: details.length > 0 ? details : null,
    hash: entry.hash,
  };
}
