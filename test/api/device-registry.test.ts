import { describe, expect, it } from 'vitest';
import {
  DeviceRegistry,
  MAX_DETAIL_LENGTH,
  MAX_DEVICES_PER_STATION,
  MAX_STATIONS,
  MAX_URI_LENGTH,
  type DeviceReport,
} from '../../server/api/device-registry.ts';
import { ManualClock } from '../../server/core/clock.ts';

const device = (deviceId: string, extra: Partial<DeviceReport> = {}): DeviceReport => ({
  deviceId,
  kind: 'printer',
  uri: 'tcp://192.168.1.50:9100',
  state: 'online',
  detail: 'x'.repeat(300),
  ...extra,
});

describe('the device registry', () => {
  it('stays bounded when 10,000 reports name ever new stations and devices', () => {
    const clock = new ManualClock(Date.parse('2026-11-25T02:00:00Z'));
    const registry = new DeviceRegistry(clock, (ms) => new Date(ms).toISOString());
    for (let r = 0; r < 10_000; r += 1) {
      clock.advance(1);
      registry.report(
        `flood-${r}`,
        Array.from({ length: 20 }, (_, d) => device(`dev-${r}-${d}`)),
      );
    }
    const listed = registry.list();
    // Before: 200,000 entries, and GET /api/devices answered 131 MB.
    expect(listed.length).toBe(MAX_STATIONS * MAX_DEVICES_PER_STATION);
    expect(Buffer.byteLength(JSON.stringify(listed))).toBeLessThan(1_000_000);
    // The stations heard from most recently are the ones kept.
    expect(new Set(listed.map((d) => d.station))).toEqual(
      new Set(Array.from({ length: MAX_STATIONS }, (_, i) => `flood-${9_999 - i}`)),
    );
  });

  it('keeps a station’s latest devices and forgets its oldest past the bound', () => {
    const clock = new ManualClock(0);
    const registry = new DeviceRegistry(clock, (ms) => new Date(ms).toISOString());
    for (let d = 0; d < MAX_DEVICES_PER_STATION + 5; d += 1) {
      clock.advance(1000);
      registry.report('kiosk-1', [device(`printer-${d}`)]);
    }
    // A device reported again counts as recent.
    registry.report('kiosk-1', [device('printer-5', { state: 'paper_out' })]);
    registry.report('kiosk-1', [device('printer-new')]);
    const ids = registry.list().map((d) => d.deviceId);
    expect(ids).toHaveLength(MAX_DEVICES_PER_STATION);
    expect(ids).toContain('printer-5');
    expect(ids).toContain('printer-new');
    expect(ids).not.toContain('printer-6');
    expect(registry.list().find((d) => d.deviceId === 'printer-5')!.state).toBe('paper_out');
  });

  it('caps what one report may make it hold', () => {
    const registry = new DeviceRegistry(new ManualClock(0), (ms) => new Date(ms).toISOString());
    registry.report('kiosk-1', [
      device('printer', { uri: 'tcp://' + 'a'.repeat(10_000), detail: 'b'.repeat(100_000) }),
    ]);
    const [listed] = registry.list();
    expect(listed!.uri).toHaveLength(MAX_URI_LENGTH);
    expect(listed!.detail).toHaveLength(MAX_DETAIL_LENGTH);
  });
});
