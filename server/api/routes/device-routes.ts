import type { IncomingMessage } from 'node:http';
import type { StationRecord } from '../../core/records.ts';
import { KhiuError } from '../../core/errors.ts';
import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import {
  deviceReportBody,
  parse,
  printReportBody,
  stationParam,
  ticketIdParam,
} from '../schemas.ts';

/**
 * What device agents send (a paired `agent` station, `Authorization: Bearer <token>`,
 * speaking only for its own station), and what managers read back.
 */
export function deviceRoutes(
  router: Router,
  { office, sessions, devices, stations }: ApiDeps,
): void {
  const requireAgent = (req: IncomingMessage) => stations.require(req, ['agent']);
  /** An agent speaks for its own station only: another agent's word would be a forgery. */
  const speaksFor = (agent: StationRecord, name: string): void => {
    if (agent.name !== name)
      throw new KhiuError(
        'wrong_station',
        `agent ${agent.name} cannot speak for station ${name}`,
        403,
      );
  };

  router.on('POST', '/api/devices/report', async ({ req, res }) => {
    const agent = requireAgent(req);
    const body = parse(deviceReportBody, await readJsonBody(req));
    speaksFor(agent, body.station);
    devices.report(body.station, body.devices);
    sendJson(res, 204, null);
  });

  router.on('GET', '/api/device-profiles', ({ res }) => {
    sendJson(res, 200, office.views.deviceProfiles());
  });

  router.on('GET', '/api/devices', ({ req, res }) => {
    sessions.require(req, 'manager');
    sendJson(res, 200, devices.list());
  });

  router.on('GET', '/api/stations/:station/unprinted', ({ req, res, params }) => {
    const agent = requireAgent(req);
    const station = parse(stationParam, params.station);
    speaksFor(agent, station);
    sendJson(res, 200, {
      tickets: office.feedback.unprinted(station).map((t) => office.views.ticket(t)),
    });
  });

  router.on('POST', '/api/tickets/:id/print-report', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    const agent = requireAgent(req);
    const body = parse(printReportBody, await readJsonBody(req));
    speaksFor(agent, body.station);
    office.feedback.recordPrint(id, agent, body.outcome, body.reprint, body.detail ?? null);
    sendJson(res, 204, null);
  });
}
