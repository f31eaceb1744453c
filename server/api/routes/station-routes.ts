import type { Router } from '../router.ts';
import type { ApiDeps } from '../api-deps.ts';
import { userActor } from '../api-deps.ts';
import { readJsonBody, sendJson } from '../http-io.ts';
import { numericIdParam, parse } from '../schemas.ts';
import { createStationBody, pairingToken } from '../station-schemas.ts';
import { sameOriginPath, sendPairingProblem } from '../pairing.ts';
import { stationPath, stationView } from '../../commands/station-view.ts';
import type { StationCreated } from '../../contract/contract.ts';
import { KhiuError } from '../../core/errors.ts';

/**
 * Pairing stations (issue 8): the admin adds and revokes them; a screen's browser is paired
 * once by opening /pair; a paired screen or agent asks who it is at GET /api/station.
 */
export function stationRoutes(router: Router, { office, sessions, stations }: ApiDeps): void {
  const counterNumberOf = (counterId: number) => office.ctx.store.counters.get(counterId)?.number;
  const view = (s: Parameters<typeof stationView>[0]) =>
    stationView(s, (ms) => office.views.iso(ms), counterNumberOf);

  router.on('POST', '/api/stations', async ({ req, res }) => {
    const user = sessions.require(req, 'admin');
    const body = parse(createStationBody, await readJsonBody(req));
    const { station, token } = office.stations.add(
      {
        name: body.name,
        kind: body.kind,
        counterId: body.counterId ?? null,
        buttonCounterIds: body.buttonCounterIds ?? [],
      },
      userActor(user),
    );
    const path = stationPath(station, counterNumberOf);
    const created: StationCreated = {
      station: view(station),
      token,
      pairingPath:
        path === null
          ? null
          : `/pair?token=${encodeURIComponent(token)}&next=${encodeURIComponent(path)}`,
    };
    sendJson(res, 201, created);
  });

  router.on('GET', '/api/stations', ({ req, res }) => {
    sessions.require(req, 'admin');
    sendJson(res, 200, office.ctx.store.stations.all().map(view));
  });

  router.on('DELETE', '/api/stations/:id', async ({ req, res, params }) => {
    const user = sessions.require(req, 'admin');
    const id = parse(numericIdParam, params.id);
    await readJsonBody(req);
    sendJson(res, 200, { station: view(office.stations.revoke(id, userActor(user))) });
  });

  router.on('GET', '/api/station', ({ req, res }) => {
    const presented = stations.tokenOf(req);
    const station = presented && stations.byToken(presented.token);
    if (!station) {
      throw new KhiuError(
        'station_required',
        presented
          ? 'this station token is unknown or revoked; ask the administrator to pair the station again'
          : 'this browser is not a paired station; open the pairing link from /admin → Stations',
        401,
      );
    }
    // A paired screen renews its cookie on every visit, so it outlives the browsers' 400-day cap.
    const headers: Record<string, string> =
      presented.source === 'cookie' ? { 'set-cookie': stations.cookie(presented.token) } : {};
    sendJson(res, 200, { station: view(station) }, headers);
  });

  router.on('GET', '/pair', ({ res, query }) => {
    const tokenCheck = pairingToken.safeParse(query.get('token') ?? '');
    const station = tokenCheck.success ? stations.byToken(tokenCheck.data) : undefined;
    if (!tokenCheck.success || !station) {
      return sendPairingProblem(
        res,
        401,
        'station_required',
        'ลิงก์นี้ไม่ถูกต้อง หรือสถานีถูกยกเลิกแล้ว กรุณาขอลิงก์ใหม่จากผู้ดูแลระบบ (/admin → สถานี)',
        'This link is not valid, or the station was revoked. Ask the administrator for a new one (/admin → Stations).',
      );
    }
    const path = stationPath(station, counterNumberOf);
    if (path === null) {
      return sendPairingProblem(
        res,
        400,
        'wrong_station',
        'โทเค็นของเอเจนต์อุปกรณ์ใส่ในไฟล์ตั้งค่าของเอเจนต์ ไม่ใช่เปิดในเบราว์เซอร์',
        "A device agent's token goes in the agent's config file (token or tokenFile), not in a browser.",
      );
    }
    const next = query.has('next') ? sameOriginPath(query.get('next')!) : path;
    if (next === null) {
      return sendPairingProblem(
        res,
        400,
        'invalid_input',
        'ปลายทาง (next) ต้องเป็นหน้าของเซิร์ฟเวอร์นี้ เช่น /kiosk',
        'next must be a page of this server, such as /kiosk.',
      );
    }
    // 303: the browser GETs the station page, and the token leaves the address bar.
    res.writeHead(303, {
      location: next,
      'set-cookie': stations.cookie(tokenCheck.data),
      'cache-control': 'no-store',
    });
    res.end();
  });
}
