import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { stationActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import { issueTicketBody, numericIdParam, parse, ratingBody, ticketIdParam } from '../schemas.ts';
import { publishedRule } from '../../core/queue-rule.ts';
import { notFound } from '../../core/errors.ts';
import { ratingLabel } from '../../core/rating.ts';

/** What the kiosk, the hall display, the rating screen and the public may do, without signing in. */
export function publicRoutes(router: Router, { office }: ApiDeps): void {
  const { views, tickets, feedback } = office;

  router.on('GET', '/api/health', ({ res }) => sendJson(res, 200, { ok: true }));

  router.on('GET', '/api/office', ({ res }) =>
    sendJson(res, 200, { name: office.ctx.officeName() }),
  );

  router.on('GET', '/api/services', ({ res }) => sendJson(res, 200, views.services()));

  router.on('GET', '/api/services/:id', ({ res, params }) => {
    const id = parse(numericIdParam, params.id);
    const service = views.services().find((s) => s.id === id);
    if (!service) throw notFound('service', id);
    sendJson(res, 200, service);
  });

  router.on('GET', '/api/counters', ({ res }) => sendJson(res, 200, views.counters()));

  router.on('GET', '/api/queue', ({ res }) => sendJson(res, 200, views.queue()));

  router.on('GET', '/api/queue/rule', ({ res }) =>
    sendJson(res, 200, publishedRule(office.ctx.config())),
  );

  router.on('POST', '/api/tickets', async ({ req, res }) => {
    const body = parse(issueTicketBody, await readJsonBody(req));
    const request = { serviceId: body.serviceId, priority: body.priority ?? null };
    const response = office.idempotent('issue', body.clientRequestId, request, () => {
      const issued = tickets.issue(request.serviceId, request.priority, stationActor(req, 'kiosk'));
      return { ticket: views.ticket(issued.ticket, issued.ahead) };
    });
    sendJson(res, 201, response);
  });

  router.on('GET', '/api/tickets/:id', ({ res, params }) => {
    sendJson(res, 200, views.ticketStatus(parse(ticketIdParam, params.id)));
  });

  router.on('POST', '/api/tickets/:id/rating', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    const { score } = parse(ratingBody, await readJsonBody(req));
    feedback.rate(id, score, stationActor(req, 'rating'));
    sendJson(res, 201, { rating: { ticketId: id, score, label: ratingLabel(score) } });
  });

  router.on('GET', '/api/counters/:id/rating-target', ({ res, params }) => {
    const ticket = feedback.ratingTarget(parse(numericIdParam, params.id));
    if (!ticket) return sendJson(res, 204, null);
    sendJson(res, 200, { ticket: views.ticket(ticket) });
  });

  router.on('POST', '/api/counters/:id/rating', async ({ req, res, params }) => {
    const counterId = parse(numericIdParam, params.id);
    const { score } = parse(ratingBody, await readJsonBody(req));
    const ticket = feedback.rateAtCounter(
      counterId,
      score,
      stationActor(req, `rating-${counterId}`),
    );
    sendJson(res, 201, { rating: { ticketId: ticket.id, score, label: ratingLabel(score) } });
  });
}
