import type {
  PublicQueueSummary,
  PublicSnapshot,
  PublicTicket,
  QueueSummary,
  Snapshot,
  Ticket,
} from '../contract/contract.ts';

/*
 * What anonymous clients (the hall display, a phone, anyone on the LAN) are shown: numbers,
 * counters and times. A ticket id is the citizen's capability to rate (it is in the QR), and
 * a priority kind says who is elderly, disabled or pregnant; neither leaves for the hall.
 * Each payload is built field by field, so a field added to the full form stays out until
 * someone adds it here on purpose.
 */

export function publicTicket(t: Ticket): PublicTicket {
  return {
    number: t.number,
    serviceId: t.serviceId,
    status: t.status,
    issuedAt: t.issuedAt,
    joinedAt: t.joinedAt,
    ahead: t.ahead,
    estimatedWaitMinutes: t.estimatedWaitMinutes,
    counterId: t.counterId,
    calledAt: t.calledAt,
    startedAt: t.startedAt,
    finishedAt: t.finishedAt,
    held: t.held,
    recalls: t.recalls,
    outOfTurn: t.outOfTurn,
  };
}

export function publicQueue(q: QueueSummary): PublicQueueSummary {
  return {
    services: q.services,
    latestCalls: q.latestCalls.map((c) => ({
      ticket: { number: c.ticket.number, serviceId: c.ticket.serviceId },
      counter: c.counter,
      calledAt: c.calledAt,
      recall: c.recall,
    })),
    nowServing: q.nowServing.map((n) => ({
      counterId: n.counterId,
      ticket: n.ticket && {
        number: n.ticket.number,
        serviceId: n.ticket.serviceId,
        status: n.ticket.status,
      },
    })),
  };
}

export function publicSnapshot(s: Snapshot): PublicSnapshot {
  return {
    seq: s.seq,
    timeZone: s.timeZone,
    officeName: s.officeName,
    counters: s.counters,
    serviceDefinitions: s.serviceDefinitions,
    rule: s.rule,
    publicBaseUrl: s.publicBaseUrl,
    complaintChannel: s.complaintChannel,
    issuing: s.issuing,
    announcement: s.announcement,
    ...publicQueue(s),
  };
}
