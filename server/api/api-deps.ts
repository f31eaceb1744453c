import type { IncomingMessage } from 'node:http';
import type { Office } from '../commands/office.ts';
import type { Sessions } from './sessions.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { Actor, UserRecord } from '../core/records.ts';
import type { DeviceRegistry } from './device-registry.ts';
import type { Reports } from '../reports/reports.ts';
import type { ReportPdfPrinter } from '../reports/export/report-pdf.ts';

export interface ApiDeps {
  office: Office;
  sessions: Sessions;
  limiter: LoginLimiter;
  devices: DeviceRegistry;
  reports: Reports;
  pdf: Pick<ReportPdfPrinter, 'print'>;
}

export const userActor = (user: UserRecord): Actor => ({
  kind: 'user',
  username: user.username,
  role: user.role,
});

/** Public stations may name themselves (X-Khiu-Station: kiosk-1) for the ledger; nothing more. */
export function stationActor(req: IncomingMessage, fallback: string): Actor {
  const header = req.headers['x-khiu-station'];
  const name =
    typeof header === 'string' && /^[A-Za-z0-9._-]{1,40}$/.test(header) ? header : fallback;
  return { kind: 'station', station: name };
}

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
