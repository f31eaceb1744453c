import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { sendJson } from '../http-io.ts';
import { parse, ticketRangeQuery } from '../schemas.ts';

/** Reading the record: ticket history and the ledger check. Manager role or above. */
export function managerRoutes(router: Router, { office, sessions }: ApiDeps): void {
  router.on('GET', '/api/tickets', ({ req, res, query }) => {
    sessions.require(req, 'manager');
    const { from, to } = parse(ticketRangeQuery, {
      from: query.get('from') ?? undefined,
      to: query.get('to') ?? undefined,
    });
    sendJson(res, 200, office.views.ticketListing(from, to));
  });

  router.on('GET', '/api/ledger/verify', ({ req, res }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, office.ctx.store.ledger.verify());
  });
}
