import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { userActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import {
  complaintBody,
  complaintListQuery,
  complaintUpdateBody,
  numericIdParam,
  parse,
  ticketIdParam,
} from '../schemas.ts';
import type { Complaint, TicketComplaint, TicketComplaints } from '../../contract/contract.ts';
import type { ComplaintRecord } from '../../store/complaint-store.ts';
import type { Office } from '../../commands/office.ts';

/**
 * Complaints of unfair service (project 17). The citizen makes and follows them with the
 * ticket id their QR holds (the capability, as for GET /api/tickets/:id); managers read and
 * handle them. The text is data: it goes out as a JSON string and is never interpreted.
 */
export function complaintRoutes(router: Router, { office, sessions }: ApiDeps): void {
  const { complaints } = office;

  router.on('POST', '/api/tickets/:id/complaint', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    const { kind, text } = parse(complaintBody, await readJsonBody(req));
    const user = sessions.userOf(req);
    const complaint = complaints.receive(
      id,
      kind,
      text,
      user ? userActor(user) : { kind: 'anonymous', via: 'ticket-qr' },
    );
    sendJson(res, 201, { complaint: citizenView(office, complaint) });
  });

  router.on('GET', '/api/tickets/:id/complaints', ({ res, params }) => {
    const of = complaints.ofTicket(parse(ticketIdParam, params.id));
    const answer: TicketComplaints = {
      complaints: of.complaints.map((c) => citizenView(office, c)),
      remaining: of.remaining,
      closesAt: office.views.iso(of.closesMs),
      open: of.open,
    };
    sendJson(res, 200, answer);
  });

  router.on('GET', '/api/complaints', ({ req, res, query }) => {
    sessions.require(req, 'manager');
    const { status } = parse(complaintListQuery, { status: query.get('status') ?? undefined });
    sendJson(
      res,
      200,
      complaints.list(status ?? null).map((c) => managerView(office, c)),
    );
  });

  router.on('PATCH', '/api/complaints/:id', async ({ req, res, params }) => {
    const user = sessions.require(req, 'manager');
    const id = parse(numericIdParam, params.id);
    const { status, outcome } = parse(complaintUpdateBody, await readJsonBody(req));
    const actor = { kind: 'user', username: user.username, role: user.role } as const;
    const complaint = complaints.update(id, status, outcome, actor);
    sendJson(res, 200, { complaint: managerView(office, complaint) });
  });
}

function citizenView(office: Office, c: ComplaintRecord): TicketComplaint {
  return {
    reference: c.reference,
    kind: c.kind,
    text: c.text,
    status: c.status,
    receivedAt: office.views.iso(c.receivedMs),
    updatedAt: office.views.iso(c.updatedMs),
    outcome: c.outcome,
    resolvedAt: office.views.iso(c.resolvedMs),
  };
}

function managerView(office: Office, c: ComplaintRecord): Complaint {
  const ticket = office.ctx.store.tickets.get(c.ticketId);
  return {
    id: c.id,
    ...citizenView(office, c),
    ticketId: c.ticketId,
    ticketNumber: ticket?.number ?? '',
    serviceId: ticket?.serviceId ?? 0,
    updatedBy: c.updatedBy,
  };
}
