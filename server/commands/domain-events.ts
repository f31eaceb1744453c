import type { CounterRecord, RatingRecord, StationRecord, TicketRecord } from '../core/records.ts';
import type { PrintOutcome } from '../contract/contract.ts';

/** What a committed command changed; the api turns these into realtime events. */
export type DomainEvent =
  | {
      kind: 'ticket:issued';
      seq: number;
      ticket: TicketRecord;
      ahead: number;
      station: string | null;
    }
  | {
      kind: 'ticket:printed';
      seq: number;
      ticket: TicketRecord;
      station: string;
      outcome: PrintOutcome;
      reprint: boolean;
      detail: string | null;
    }
  | {
      kind: 'ticket:called';
      seq: number;
      ticket: TicketRecord;
      counter: CounterRecord;
      recall: boolean;
    }
  | { kind: 'ticket:updated'; seq: number; ticket: TicketRecord }
  | { kind: 'ticket:rated'; seq: number; rating: RatingRecord }
  | { kind: 'counter:updated'; seq: number; counter: CounterRecord }
  | { kind: 'services:updated'; seq: number }
  | { kind: 'profiles:updated'; seq: number }
  /** An office setting changed; clients fetch a fresh snapshot. */
  | { kind: 'office:updated'; seq: number }
  /** Not broadcast: the realtime server closes the revoked station's sockets. */
  | { kind: 'station:revoked'; seq: number; station: StationRecord };

export type EventSink = (events: DomainEvent[]) => void;
