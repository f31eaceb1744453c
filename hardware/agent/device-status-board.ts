import type { DeviceReportItem } from './office-http.ts';
import { DEVICE_REPORT_INTERVAL_MS } from '../../server/contract/contract.ts';

/*
 * The server keeps device status in memory only and marks a device stale
 * after three missed intervals. The agent reports twice as often as the
 * contract asks, so one lost report never makes a working printer look stale;
 * and it reports at once on any change.
 */
export const DEVICE_REPORT_EVERY_MS = DEVICE_REPORT_INTERVAL_MS / 2;

export interface DeviceStatusBoardOptions {
  send: (devices: DeviceReportItem[]) => Promise<void>;
  log: (line: string) => void;
  intervalMs?: number;
}

/** The latest state of each device of the station, reported on change and periodically. */
export class DeviceStatusBoard {
  private readonly devices = new Map<string, DeviceReportItem>();
  private readonly listeners = new Set<(item: DeviceReportItem) => void>();
  private timer: NodeJS.Timeout | null = null;
  private scheduled = false;
  private sending: Promise<void> | null = null;
  private again = false;
  private lastFailure: string | null = null;

  constructor(private readonly options: DeviceStatusBoardOptions) {}

  get(deviceId: string): DeviceReportItem | undefined {
    return this.devices.get(deviceId);
  }

  all(): DeviceReportItem[] {
    return [...this.devices.values()];
  }

  onChange(listener: (item: DeviceReportItem) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  set(item: DeviceReportItem): void {
    const detail = item.detail === undefined ? undefined : item.detail.slice(0, 300);
    const next: DeviceReportItem = detail === undefined ? { ...item } : { ...item, detail };
    const before = this.devices.get(item.deviceId);
    this.devices.set(item.deviceId, next);
    if (before && before.state === next.state && before.detail === next.detail) return;
    for (const l of this.listeners) l(next);
    // Several devices change together on a reconnect: one report for all of them.
    if (this.timer !== null && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        void this.reportNow();
      });
    }
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(
      () => void this.reportNow(),
      this.options.intervalMs ?? DEVICE_REPORT_EVERY_MS,
    );
    void this.reportNow();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Sends every device's state; a report asked for while one is in flight follows it. */
  async reportNow(): Promise<void> {
    if (this.sending) {
      this.again = true;
      return this.sending;
    }
    if (this.devices.size === 0) return;
    this.sending = (async () => {
      do {
        this.again = false;
        try {
          await this.options.send(this.all());
          if (this.lastFailure) this.options.log('device status reported again');
          this.lastFailure = null;
        } catch (err) {
          const message = (err as Error).message;
          // Once per outage, not every 15 s: the next interval retries anyway.
          if (message !== this.lastFailure)
            this.options.log(`device status not reported: ${message}`);
          this.lastFailure = message;
        }
      } while (this.again);
    })().finally(() => (this.sending = null));
    return this.sending;
  }
}
