import {
  COMPLAINTS_PER_TICKET,
  COMPLAINT_WINDOW_DAYS,
  type ComplaintKind,
  type ComplaintStatus,
} from '../contract/contract.ts';
import type { Actor, TicketRecord } from '../core/records.ts';
import type { ComplaintRecord } from '../store/complaint-store.ts';
import type { Store } from '../store/store.ts';
import type { OfficeContext } from './office-context.ts';
import { conflict, invalid, notFound } from '../core/errors.ts';
import { localDay } from '../core/local-time.ts';
import { mustGetTicket } from './ticket-lookup.ts';

const DAY_MS = 24 * 60 * 60_000;
export const COMPLAINT_WINDOW_MS = COMPLAINT_WINDOW_DAYS * DAY_MS;
/** A transfer chain longer than this is corrupt data, not a citizen's path. */
const MAX_CHAIN = 50;
/** The most complaints one listing returns (newest first). */
export const COMPLAINTS_LISTED = 500;

/** A ticket's transfer chain, first ticket first: one citizen's one visit. */
export function transferChain(store: Store, ticket: TicketRecord): TicketRecord[] {
  let first = ticket;
  for (let i = 0; first.transferredFrom !== null && i < MAX_CHAIN; i += 1)
    first = store.tickets.get(first.transferredFrom) ?? first;
  const chain = [first];
  for (let t = first; t.transferredTo !== null && chain.length < MAX_CHAIN;) {
    const next = store.tickets.get(t.transferredTo);
    if (!next) break;
    chain.push(next);
    t = next;
  }
  return chain;
}

export interface ComplaintsOfTicket {
  ticket: TicketRecord;
  complaints: ComplaintRecord[];
  remaining: number;
  closesMs: number;
  open: boolean;
}

/**
 * Citizens' complaints of unfair service (project 17), made with the ticket id their QR holds
 * and followed there. A complaint is recorded under the id the citizen used; a transfer chain
 * is one visit, so the limit and the window count over the whole chain and every id of it
 * shows all of its complaints. Managers move each to investigating and resolved (with an
 * outcome); resolved is final. Every change is one transaction with its ledger entry.
 */
export class ComplaintCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** What the ticket's holder sees: its chain's complaints, and whether one more may be made. */
  ofTicket(ticketId: string): ComplaintsOfTicket {
    const ticket = mustGetTicket(this.store, ticketId);
    const chain = transferChain(this.store, ticket);
    const complaints = this.store.complaints.ofTickets(chain.map((t) => t.id));
    const closesMs = chain[0]!.issuedMs + COMPLAINT_WINDOW_MS;
    const remaining = Math.max(0, COMPLAINTS_PER_TICKET - complaints.length);
    return {
      ticket,
      complaints,
      remaining,
      closesMs,
      open: remaining > 0 && this.ctx.now() <= closesMs,
    };
  }

  /** 409 after the window or past the limit; any ticket status (a skipped citizen may still wait). */
  receive(
    ticketId: string,
    kind: ComplaintKind,
    text: string | null,
    actor: Actor,
  ): ComplaintRecord {
    return this.ctx.run(() => {
      const { ticket, remaining, closesMs } = this.ofTicket(ticketId);
      const now = this.ctx.now();
      if (now > closesMs)
        throw conflict(
          'complaint_window_closed',
          `ticket ${ticket.number} was issued more than ${COMPLAINT_WINDOW_DAYS} days ago; ` +
            'complain through the office’s other channels',
        );
      if (remaining === 0)
        throw conflict(
          'complaint_limit_reached',
          `ticket ${ticket.number} has made its ${COMPLAINTS_PER_TICKET} complaints; ` +
            'add to one through the office’s other channels with its reference',
        );
      const day = localDay(now, this.ctx.config().timeZone);
      const complaint = this.store.complaints.insert({
        year: Number(day.slice(0, 4)) + 543,
        ticketId: ticket.id,
        kind,
        text,
        day,
        receivedMs: now,
      });
      this.store.ledger.record(now, 'complaint.received', 'complaint', complaint.id, actor, {
        ticketId: ticket.id,
        kind,
      });
      return complaint;
    });
  }

  /** Newest first; `status` null for all. */
  list(status: ComplaintStatus | null): ComplaintRecord[] {
    return this.store.complaints.list(status, COMPLAINTS_LISTED);
  }

  get(id: number): ComplaintRecord {
    const complaint = this.store.complaints.get(id);
    if (!complaint) throw notFound('complaint', id);
    return complaint;
  }

  /**
   * A manager takes it up (investigating) or closes it (resolved, with what was found and
   * done). Resolved is final: the citizen has read the outcome.
   */
  update(
    id: number,
    status: Exclude<ComplaintStatus, 'received'>,
    outcome: string | null,
    actor: Actor & { kind: 'user' },
  ): ComplaintRecord {
    if (status === 'resolved' && outcome === null)
      throw invalid('outcome_required', 'a resolved complaint needs its outcome');
    if (status === 'investigating' && outcome !== null)
      throw invalid('invalid_input', 'outcome: given only when resolving');
    return this.ctx.run(() => {
      const before = this.get(id);
      if (before.status === 'resolved')
        throw conflict(
          'complaint_resolved',
          `complaint ${before.reference} is resolved; a resolved complaint does not change`,
        );
      if (before.status === status)
        throw conflict('invalid_state', `complaint ${before.reference} is already ${status}`);
      const now = this.ctx.now();
      const after: ComplaintRecord = {
        ...before,
        status,
        outcome,
        updatedMs: now,
        updatedBy: actor.username,
        resolvedMs: status === 'resolved' ? now : null,
      };
      this.store.complaints.save(after);
      this.store.ledger.record(now, `complaint.${status}`, 'complaint', id, actor, {
        from: before.status,
        to: status,
      });
      return after;
    });
  }
}
