import type { Router } from '../router.ts';
import type { IncomingMessage } from 'node:http';
import type { ApiDeps } from '../api-deps.ts';
import { stationActor, userActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import {
  counterRatingBody,
  issueTicketBody,
  numericIdParam,
  parse,
  ratingBody,
  surveyBody,
  ticketIdParam,
} from '../schemas.ts';
import { publicQueue } from '../public-payloads.ts';
import { publishedRule } from '../../core/queue-rule.ts';
import type { Actor, StationRecord } from '../../core/records.ts';
import type { RatingTarget } from '../../contract/contract.ts';
import { KhiuError, notFound } from '../../core/errors.ts';
import { ratingLabel } from '../../core/rating.ts';
import { orderCheck } from '../../reports/order-check.ts';

/**
 * What the kiosk, the hall display, the rating screen and the public may do, without signing
 * in. Anonymous answers carry numbers, never ticket ids (a ticket id is the citizen's own
 * capability: the QR); the rating screen and button boxes must be paired stations.
 */
export function publicRoutes(router: Router, { office, sessions, stations }: ApiDeps): void {
  const { views, tickets, feedback } = office;

  /** Ratings come from citizens: a signed-in browser (a counter's own PC) gives none. */
  const refuseStaff = (req: IncomingMessage): void => {
    const user = sessions.userOf(req);
    if (user) {
      throw new KhiuError(
        'staff_cannot_rate',
        `${user.username} is signed in: ratings come from citizens, not from staff sessions`,
        403,
      );
    }
  };

  /** The counter's paired rating screen, or the agent its rating button box is plugged into. */
  const requireRater = (req: IncomingMessage, counterId: number): StationRecord =>
    stations.require(req, ['rating', 'agent'], (station) => {
      if (station.kind === 'rating' && station.counterId !== counterId)
        return `station ${station.name} rates counter ${station.counterId}, not counter ${counterId}`;
      if (station.kind === 'agent' && !station.buttonCounterIds.includes(counterId))
        return `agent ${station.name} carries no button box of counter ${counterId} (its buttonCounterIds)`;
      return null;
    });

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

  // Staff act on ticket ids; everyone else sees numbers.
  router.on('GET', '/api/queue', ({ req, res }) =>
    sendJson(res, 200, sessions.userOf(req) ? views.queue() : publicQueue(views.queue())),
  );

  router.on('GET', '/api/queue/rule', ({ res }) =>
    sendJson(res, 200, publishedRule(office.ctx.config())),
  );

  router.on('POST', '/api/tickets', async ({ req, res }) => {
    const body = parse(issueTicketBody, await readJsonBody(req));
    const request = { serviceId: body.serviceId, priority: body.priority ?? null };
    // Only a paired kiosk's tickets print (at that kiosk); a claimed name (the old X-Khiu-Station) prints nothing.
    const kiosk = stations.stationOf(req);
    const user = sessions.userOf(req);
    const actor: Actor =
      kiosk?.kind === 'kiosk'
        ? stationActor(kiosk)
        : user
          ? userActor(user)
          : { kind: 'anonymous', via: 'kiosk' };
    const response = office.idempotent('issue', body.clientRequestId, request, () => {
      const issued = tickets.issue(request.serviceId, request.priority, actor);
      return { ticket: views.ticket(issued.ticket, issued.ahead) };
    });
    sendJson(res, 201, response);
  });

  router.on('GET', '/api/tickets/:id', ({ res, params }) => {
    sendJson(res, 200, views.ticketStatus(parse(ticketIdParam, params.id)));
  });

  // The ticket id is the capability, as for GET /api/tickets/:id: whoever holds it may ask.
  router.on('GET', '/api/tickets/:id/order-check', ({ res, params }) => {
    const id = parse(ticketIdParam, params.id);
    const rows = office.ctx.store.orderCheck.lineOf(id);
    if (!rows) throw notFound('ticket', id);
    const service = office.ctx.services().get(rows.ticket.serviceId);
    sendJson(
      res,
      200,
      orderCheck({
        ...rows,
        nowMs: office.ctx.now(),
        targetWaitMinutes: service?.targetWaitMinutes ?? 0,
        iso: (ms) => views.iso(ms),
      }),
    );
  });

  // The signed daily checkpoints, for anyone to save outside the office (docs/security.md).
  router.on('GET', '/api/ledger/checkpoints', ({ res }) => {
    if (!office.checkpoints)
      throw new KhiuError('checkpoints_unavailable', 'this server signs no checkpoints', 503);
    sendJson(res, 200, office.checkpoints.published());
  });

  router.on('POST', '/api/tickets/:id/rating', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    refuseStaff(req);
    const { score } = parse(ratingBody, await readJsonBody(req));
    const station = stations.stationOf(req);
    feedback.rate(
      id,
      score,
      station ? stationActor(station) : { kind: 'anonymous', via: 'ticket-qr' },
    );
    sendJson(res, 201, { rating: { ticketId: id, score, label: ratingLabel(score) } });
  });

  // The five-question survey (project 16), by the ticket's id like the rating: the id in the QR
  // is the citizen's capability; it follows a transfer to the ticket where the service ended.
  router.on('GET', '/api/tickets/:id/survey', ({ res, params }) => {
    sendJson(res, 200, office.surveys.status(parse(ticketIdParam, params.id)));
  });

  router.on('POST', '/api/tickets/:id/survey', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    refuseStaff(req);
    const { comment, ...answers } = parse(surveyBody, await readJsonBody(req));
    const survey = office.surveys.submit(id, answers, comment, {
      kind: 'anonymous',
      via: 'ticket-qr',
    });
    sendJson(res, 201, { survey });
  });

  // The ticket a counter's rating screen asks about: only that screen (or its button box's agent) learns it.
  // A counter that has called its next citizen, or a finish older than the timeout, has none.
  router.on('GET', '/api/counters/:id/rating-target', ({ req, res, params }) => {
    const counterId = parse(numericIdParam, params.id);
    refuseStaff(req);
    requireRater(req, counterId);
    const target = feedback.ratingTarget(counterId);
    if (!target) return sendJson(res, 204, null);
    const answer: RatingTarget = {
      ticket: views.ticket(target.ticket),
      closesInMs: target.closesInMs,
    };
    sendJson(res, 200, answer);
  });

  router.on('POST', '/api/counters/:id/rating', async ({ req, res, params }) => {
    const counterId = parse(numericIdParam, params.id);
    refuseStaff(req);
    const station = requireRater(req, counterId);
    const { score, ticketId } = parse(counterRatingBody, await readJsonBody(req));
    const ticket = feedback.rateAtCounter(counterId, score, stationActor(station), ticketId);
    sendJson(res, 201, { rating: { ticketId: ticket.id, score, label: ratingLabel(score) } });
  });
}
