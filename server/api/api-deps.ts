import type { IncomingMessage } from 'node:http';
import type { Office } from '../commands/office.ts';
import type { Sessions } from './sessions.ts';
import type { LoginLimiter } from './login-limiter.ts';
import type { Actor, StationRecord, UserRecord } from '../core/records.ts';
import type { DeviceRegistry } from './device-registry.ts';
import type { Reports } from '../reports/reports.ts';
import type { ReportPdfPrinter } from '../reports/export/report-pdf.ts';
import type { StationAuth } from './station-auth.ts';

export interface ApiDeps {
  office: Office;
  sessions: Sessions;
  limiter: LoginLimiter;
  devices: DeviceRegistry;
  reports: Reports;
  pdf: Pick<ReportPdfPrinter, 'print' | 'printJob'>;
  /** Paired stations' tokens (issue 8). */
  stations: StationAuth;
}

export const userActor = (user: UserRecord): Actor => ({
  kind: 'user',
  username: user.username,
  role: user.role,
});

/** A paired station as the ledger names it; its id says which token acted. */
export const stationActor = (station: StationRecord): Actor => ({
  kind: 'station',
  station: station.name,
  stationId: station.id,
});

export function clientAddress(req: IncomingMessage): string {
  return req.socket.remoteAddress ?? 'unknown';
}
