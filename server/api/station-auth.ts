import type { IncomingMessage } from 'node:http';
import type { StationKind } from '../contract/contract.ts';
import type { StationRecord } from '../core/records.ts';
import type { StationCommands } from '../commands/station-commands.ts';
import { KhiuError } from '../core/errors.ts';
import { parseCookies } from './http-io.ts';

export const STATION_COOKIE = 'khiu_station';
/** Browsers keep a cookie at most 400 days; every visit of a paired screen renews it (GET /api/station). */
export const STATION_COOKIE_MAX_AGE_S = 400 * 24 * 60 * 60;

/** Where a request's station token came from: agents send a bearer, paired browsers a cookie. */
export type TokenSource = 'bearer' | 'cookie';

/**
 * Paired stations (issue 8): a device agent sends `Authorization: Bearer <token>`, a
 * paired screen's browser the HttpOnly `khiu_station` cookie set by /pair. An unknown
 * or revoked token is no station at all.
 */
export class StationAuth {
  constructor(
    private readonly stations: StationCommands,
    /** The attributes every cookie of this server carries (HttpOnly, SameSite, Secure on HTTPS). */
    private readonly cookieAttributes: () => string,
  ) {}

  /** The token a request presents, the bearer first; undefined when it presents none. */
  tokenOf(req: IncomingMessage): { token: string; source: TokenSource } | undefined {
    const header = req.headers.authorization;
    if (typeof header === 'string') {
      const match = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header.trim());
      return match ? { token: match[1]!, source: 'bearer' } : { token: '', source: 'bearer' };
    }
    const cookie = parseCookies(req.headers.cookie).get(STATION_COOKIE);
    return cookie ? { token: cookie, source: 'cookie' } : undefined;
  }

  /** The live station behind a token; undefined when it is unknown or revoked. */
  byToken(token: string): StationRecord | undefined {
    return token ? this.stations.byToken(token) : undefined;
  }

  stationOf(req: IncomingMessage): StationRecord | undefined {
    const presented = this.tokenOf(req);
    return presented && this.byToken(presented.token);
  }

  /**
   * The paired station making this request, which `fits` must accept; 401 `station_required`
   * without a live token, 403 `wrong_station` for a station of another kind, place or counter.
   */
  require(
    req: IncomingMessage,
    kinds: readonly StationKind[],
    fits: (station: StationRecord) => string | null = () => null,
  ): StationRecord {
    const presented = this.tokenOf(req);
    const station = presented && this.byToken(presented.token);
    if (!station) {
      throw new KhiuError(
        'station_required',
        presented
          ? 'this station token is unknown or revoked; ask the administrator to pair the station again'
          : `only a paired ${kinds.join(' or ')} station may do this (Authorization: Bearer <token>, or a browser paired through /pair)`,
        401,
      );
    }
    const problem = kinds.includes(station.kind)
      ? fits(station)
      : `station ${station.name} is a ${station.kind} station; this needs a ${kinds.join(' or ')} station`;
    if (problem) throw new KhiuError('wrong_station', problem, 403);
    return station;
  }

  /** The long-lived cookie that pairs a browser: HttpOnly (no script reads it), same-site only. */
  cookie(token: string): string {
    return `${STATION_COOKIE}=${token}; ${this.cookieAttributes()}; Max-Age=${STATION_COOKIE_MAX_AGE_S}`;
  }
}
