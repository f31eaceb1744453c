import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceAgent } from '../../../hardware/agent/device-agent.ts';
import { parseStationConfig } from '../../../hardware/agent/station-config.ts';
import { until } from '../printer-rig.ts';
import { officeServer } from './agent-rig.ts';

let office: Awaited<ReturnType<typeof officeServer>>;
let agent: DeviceAgent | undefined;

beforeAll(async () => {
  office = await officeServer();
});
afterAll(async () => {
  await agent?.stop();
  await office?.khiu.close();
});

describe('a device agent whose station is revoked', () => {
  it('is dropped by the server at once, refused when it reconnects, and says why in its log', async () => {
    const token = await office.pair({ name: 'counter-pc-3', kind: 'agent' });
    const logs: string[] = [];
    agent = new DeviceAgent({
      config: parseStationConfig({ station: 'counter-pc-3', server: office.url, token }),
      log: (line) => logs.push(line),
      reconnectDelayMs: 50,
      reportIntervalMs: 60_000,
    });
    agent.start();
    await until(() => agent!.connected, 5000, 'the agent to connect');

    const stations = (await office.admin.get<{ id: number; name: string }[]>('/api/stations')).body;
    const id = stations.find((s) => s.name === 'counter-pc-3')!.id;
    expect((await office.admin.request('DELETE', `/api/stations/${id}`)).status).toBe(200);

    await until(
      () => logs.some((l) => l.includes("refused this station's token")),
      5000,
      'the refusal in the log',
    );
    expect(agent.connected).toBe(false);
    expect(logs.find((l) => l.includes('refused'))).toBe(
      "the server refused this station's token (unknown or revoked): pair agent counter-pc-3 again under /admin → Stations",
    );
  });
});
