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

/** An office has a few kiosks, counters and agents; these bounds leave room for any of them. */
export const MAX_STATIONS = 50;
export const MAX_DEVICES_PER_STATION = 20;
export const MAX_URI_LENGTH = 200;
export const MAX_DETAIL_LENGTH = 300;

interface Entry {
  report: DeviceReport;
  atMs: number;
}

/**
 * The latest status of every device the agents have reported. Kept in memory on
 * purpose: it is a live picture for managers, not a record (print outcomes are
 * recorded in the ledger), and agents report again within seconds of a restart.
 * Bounded, so reports under ever new station and device names cannot fill the
 * server's memory: past MAX_STATIONS the station heard from least recently is
 * forgotten, and likewise a station's devices past MAX_DEVICES_PER_STATION.
 */
export class DeviceRegistry {
  /** Map order is least recently reported first, for both levels. */
  private readonly stations = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly clock: Clock,
    private readonly iso: (ms: number) => string,
  ) {}

  report(station: string, reports: DeviceReport[]): void {
    const now = this.clock.now();
    const devices = this.stations.get(station) ?? new Map<string, Entry>();
    this.stations.delete(station);
    this.stations.set(station, devices);
    for (const report of reports) {
      devices.delete(report.deviceId);
      devices.set(report.deviceId, { report: capped(report), atMs: now });
    }
    dropOldest(devices, MAX_DEVICES_PER_STATION);
    dropOldest(this.stations, MAX_STATIONS);
  }

  list(): DeviceStatus[] {
    const now = this.clock.now();
    const all: DeviceStatus[] = [];
    for (const [station, devices] of this.stations) {
      for (const { report, atMs } of devices.values()) {
        all.push({
          station,
          deviceId: report.deviceId,
          kind: report.kind,
          uri: report.uri,
          state: report.state,
          detail: report.detail ?? null,
          reportedAt: this.iso(atMs),
          stale: now - atMs > STALE_AFTER_MS,
        });
      }
    }
    return all.sort((a, b) => (a.station + a.deviceId).localeCompare(b.station + b.deviceId));
  }
}

function dropOldest<V>(map: Map<string, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}

/** The API already refuses longer values; the registry does not rely on every caller doing so. */
function capped(report: DeviceReport): DeviceReport {
  return {
    deviceId: report.deviceId,
    kind: report.kind,
    uri: report.uri.slice(0, MAX_URI_LENGTH),
    state: report.state,
    detail: report.detail?.slice(0, MAX_DETAIL_LENGTH),
  };
}
