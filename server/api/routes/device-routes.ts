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
 * What device agents send (no sign-in: an agent is a station like the kiosk, and
 * can only report), and what managers read back.
 */
export function deviceRoutes(router: Router, { office, sessions, devices }: ApiDeps): void {
  router.on('POST', '/api/devices/report', async ({ req, res }) => {
    const body = parse(deviceReportBody, await readJsonBody(req));
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

  router.on('GET', '/api/stations/:station/unprinted', ({ res, params }) => {
    const station = parse(stationParam, params.station);
    sendJson(res, 200, {
      tickets: office.feedback.unprinted(station).map((t) => office.views.ticket(t)),
    });
  });

  router.on('POST', '/api/tickets/:id/print-report', async ({ req, res, params }) => {
    const id = parse(ticketIdParam, params.id);
    const body = parse(printReportBody, await readJsonBody(req));
    office.feedback.recordPrint(id, body.station, body.outcome, body.reprint, body.detail ?? null);
    sendJson(res, 204, null);
  });
}
