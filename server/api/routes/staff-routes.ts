import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { userActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import {
  callNextBody,
  cancelBody,
  counterStatusBody,
  numericIdParam,
  outOfTurnBody,
  parse,
  stepBody,
  stepOrderParam,
  ticketIdParam,
  transferBody,
} from '../schemas.ts';
import type { TicketCommands } from '../../commands/ticket-commands.ts';
import type { TicketRecord } from '../../core/records.ts';
import type { Actor } from '../../core/records.ts';
import { userAtCounter, userOnTicket } from '../counter-access.ts';

type SimpleAction = (this: TicketCommands, id: string, actor: Actor) => TicketRecord;

/**
 * What counter staff do all day. Every route needs a signed-in user with at least the staff
 * role; staff act only at the counter their session works (counter-access.ts), checked after
 * the body is read so nothing is awaited between the check and the command.
 */
export function staffRoutes(router: Router, deps: ApiDeps): void {
  const { office, sessions } = deps;
  const { tickets, views, admin } = office;

  router.on('POST', '/api/counters/:id/call-next', async ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const counterId = parse(numericIdParam, params.id);
    const body = parse(callNextBody, await readJsonBody(req));
    const user = userAtCounter(deps, req, counterId);
    const response = office.idempotent('call-next', body?.clientRequestId, { counterId }, () => {
      const ticket = tickets.callNext(counterId, userActor(user));
      return ticket && { ticket: views.ticket(ticket) };
    });
    if (!response) return sendJson(res, 204, null);
    sendJson(res, 200, response);
  });

  router.on('GET', '/api/counters/:id/waiting', ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const counterId = parse(numericIdParam, params.id);
    userAtCounter(deps, req, counterId);
    sendJson(res, 200, views.waitingAtCounter(counterId));
  });

  router.on('POST', '/api/counters/:id/status', async ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const counterId = parse(numericIdParam, params.id);
    const body = parse(counterStatusBody, await readJsonBody(req));
    const user = userAtCounter(deps, req, counterId);
    const counter = admin.setCounterStatus(
      counterId,
      body.status,
      body.reason ?? null,
      userActor(user),
    );
    sendJson(res, 200, { counter: views.counter(counter) });
  });

  const simple: Record<string, SimpleAction> = {
    start: tickets.start,
    finish: tickets.finish,
    'no-show': tickets.noShow,
    recall: tickets.recall,
    hold: tickets.hold,
    return: tickets.returnFromHold,
  };
  for (const [path, action] of Object.entries(simple)) {
    router.on('POST', `/api/tickets/:id/${path}`, async ({ req, res, params }) => {
      sessions.require(req, 'staff');
      const id = parse(ticketIdParam, params.id);
      await readJsonBody(req);
      const user = userOnTicket(deps, req, id);
      sendJson(res, 200, { ticket: views.ticket(action.call(tickets, id, userActor(user))) });
    });
  }

  router.on('POST', '/api/tickets/:id/cancel', async ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const id = parse(ticketIdParam, params.id);
    const reason = parse(cancelBody, await readJsonBody(req))?.reason ?? null;
    const user = userOnTicket(deps, req, id);
    sendJson(res, 200, { ticket: views.ticket(tickets.cancel(id, reason, userActor(user))) });
  });

  // The posted steps of the ticket being served: only its counter's staff read and time them.
  router.on('GET', '/api/tickets/:id/steps', ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const id = parse(ticketIdParam, params.id);
    userOnTicket(deps, req, id);
    const { ticket, steps } = office.steps.ofTicket(id);
    sendJson(res, 200, views.ticketSteps(ticket.id, steps));
  });
  for (const phase of ['start', 'finish'] as const) {
    router.on('POST', `/api/tickets/:id/steps/:order/${phase}`, async ({ req, res, params }) => {
      sessions.require(req, 'staff');
      const id = parse(ticketIdParam, params.id);
      const order = parse(stepOrderParam, params.order);
      parse(stepBody, await readJsonBody(req));
      const user = userOnTicket(deps, req, id);
      const { ticket, steps } = office.steps[phase](id, order, userActor(user));
      sendJson(res, 200, views.ticketSteps(ticket.id, steps));
    });
  }

  router.on('POST', '/api/tickets/:id/transfer', async ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const id = parse(ticketIdParam, params.id);
    const { serviceId } = parse(transferBody, await readJsonBody(req));
    const user = userOnTicket(deps, req, id);
    const { from, to } = tickets.transfer(id, serviceId, userActor(user));
    sendJson(res, 200, { ticket: views.ticket(to), from: views.ticket(from) });
  });

  router.on('POST', '/api/tickets/:id/call', async ({ req, res, params }) => {
    sessions.require(req, 'staff');
    const id = parse(ticketIdParam, params.id);
    const { counterId, reason } = parse(outOfTurnBody, await readJsonBody(req));
    // The command checks that the counter serves the ticket's service.
    const user = userAtCounter(deps, req, counterId);
    sendJson(res, 200, {
      ticket: views.ticket(tickets.callOutOfTurn(id, counterId, reason, userActor(user))),
    });
  });
}
