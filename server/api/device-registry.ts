import type { DeviceKind, DeviceState, DeviceStatus } from '../contract/contract.ts';
import { DEVICE_REPORT_INTERVAL_MS } from '../contract/contract.ts';
import type { Clock } from '../core/clock.ts';

const STALE_AFTER_MS = 3 * DEVICE_REPORT_INTERVAL_MS;

export interface DeviceReport {
  deviceId: string;
  kind: DeviceKind;
  uri: string;
  state: DeviceState;
  detail?: string | undefined;
}

/**
 * The latest status of every device the agents have reported. Kept in memory on
 * purpose: it is a live picture for managers, not a record (print outcomes are
 * recorded in the ledger), and agents report again within seconds of a restart.
 */
export class DeviceRegistry {
  private readonly devices = new Map<
    string,
    { station: string; report: DeviceReport; atMs: number }
  >();

  constructor(
    private readonly clock: Clock,
    private readonly iso: (ms: number) => string,
  ) {}

  report(station: string, reports: DeviceReport[]): void {
    const now = this.clock.now();
    for (const report of reports)
      this.devices.set(`${station}/${report.deviceId}`, { station, report, atMs: now });
  }

  list(): DeviceStatus[] {
    const now = this.clock.now();
    return [...this.devices.values()]
      .sort((a, b) => (a.station + a.report.deviceId).localeCompare(b.station + b.report.deviceId))
      .map(({ station, report, atMs }) => ({
        station,
        deviceId: report.deviceId,
        kind: report.kind,
        uri: report.uri,
        state: report.state,
        detail: report.detail ?? null,
        reportedAt: this.iso(atMs),
        stale: now - atMs > STALE_AFTER_MS,
      }));
  }
}
