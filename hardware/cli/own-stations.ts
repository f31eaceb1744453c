import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Office } from '../../server/commands/office.ts';
import type { StationInput } from '../../server/commands/station-commands.ts';
import type { Actor } from '../../server/core/records.ts';

const ACTOR: Actor = { kind: 'system', reason: 'npm_start_pairs_its_own_devices' };

const sameCounters = (a: number[], b: number[]): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * `npm start` runs the office server and its own device agent in one process, so it pairs
 * its own stations instead of asking someone to copy tokens out of /admin. The server keeps
 * only each token's hash, so the token is kept next to the database in
 * `<data>/stations/<kind>-<name>.token` (readable by this user only) and reused on the next
 * start while its station is live and unchanged; otherwise the old station is revoked and a
 * new one paired, both in the ledger like an admin's pairing.
 */
export function ownStationToken(office: Office, dataDir: string, spec: StationInput): string {
  const dir = join(dataDir, 'stations');
  const file = join(dir, `${spec.kind}-${spec.name}.token`);
  if (existsSync(file)) {
    const token = readFileSync(file, 'utf8').trim();
    const live = office.stations.byToken(token);
    if (
      live &&
      live.name === spec.name &&
      live.kind === spec.kind &&
      live.counterId === spec.counterId &&
      sameCounters(live.buttonCounterIds, spec.buttonCounterIds)
    )
      return token;
  }
  const previous = office.ctx.store.stations.liveByName(spec.name, spec.kind);
  if (previous) office.stations.revoke(previous.id, ACTOR);
  const { token } = office.stations.add(spec, ACTOR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  // writeFileSync keeps an existing file's mode.
  chmodSync(file, 0o600);
  return token;
}

/** The link that pairs a browser as a station; opened once on the screen's PC. */
export const pairingLink = (serverUrl: string, token: string, path: string): string =>
  `${serverUrl}/pair?token=${encodeURIComponent(token)}&next=${encodeURIComponent(path)}`;
