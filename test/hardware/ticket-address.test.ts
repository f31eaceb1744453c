import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Service } from '../../server/contract/contract.ts';
import type { NetworkInterfaces } from '../../server/core/public-address.ts';
import { announcePublicAddress } from '../../server/cli/public-address-announcement.ts';
import { DeviceAgent, type AgentEvent } from '../../hardware/agent/device-agent.ts';
import { parseStationConfig } from '../../hardware/agent/station-config.ts';
import type { VirtualPrinter } from '../../hardware/virtual/virtual-printer.ts';
import { until } from './printer-rig.ts';
import { issueTicket, officeServer, tcpVirtualPrinter } from './agent/agent-rig.ts';

const STATION = 'kiosk-1';
const LAN: NetworkInterfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
  eth0: [{ address: '192.168.1.10', family: 'IPv4', internal: false }],
};
const NO_LAN: NetworkInterfaces = {
  lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true }],
};

interface Rig {
  office: Awaited<ReturnType<typeof officeServer>>;
  printer: VirtualPrinter;
  agent: DeviceAgent;
  kiosk: string;
  service: Service;
  events: AgentEvent[];
}
const rigs: Rig[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const rig of rigs.splice(0)) {
    await rig.agent.stop();
    await rig.printer.close();
    await rig.office.khiu.close();
    dirs.push(rig.office.dataDir);
  }
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/**
 * A real office server (told it listens on `host`, with these interfaces), a paired kiosk and a
 * real device agent printing on a virtual printer; `agentConfig` adds to the station config.
 */
async function rig(
  host: string,
  interfaces: NetworkInterfaces,
  agentConfig: Record<string, unknown> = {},
): Promise<Rig & { warning: string | null }> {
  const office = await officeServer();
  const warning = announcePublicAddress(office.khiu, host, () => interfaces);
  const kiosk = await office.pair({ name: STATION, kind: 'kiosk' });
  const token = await office.pair({ name: STATION, kind: 'agent' });
  const vp = await tcpVirtualPrinter();
  dirs.push(vp.outDir);
  const config = parseStationConfig(
    {
      station: STATION,
      server: office.url,
      token,
      printer: { uri: vp.uri, profile: 'epson-tm-t82', mode: 'text' },
      ...agentConfig,
    },
    'test config',
  );
  const events: AgentEvent[] = [];
  const agent = new DeviceAgent({ config, log: () => {}, reconnectDelayMs: 200 });
  agent.onEvent((e) => events.push(e));
  agent.start();
  await until(() => events.some((e) => e.type === 'snapshot'), 10_000, 'the first snapshot');
  const made = {
    office,
    printer: vp.printer,
    agent,
    kiosk,
    service: office.services.find((s) => s.code === 'A')!,
    events,
  };
  rigs.push(made);
  return { ...made, warning };
}

/** Issues a ticket at the paired kiosk and waits for its paper; the QR and lines as printed. */
async function printOne(r: Rig) {
  const before = r.printer.tickets.length;
  const ticket = await issueTicket(r.office.url, r.service.id, r.kiosk);
  await until(() => r.printer.tickets.length > before, 10_000, 'the ticket on paper');
  const paper = r.printer.tickets.at(-1)!;
  return { ticket, qr: paper.qr, lines: paper.lines.map((l) => l.trim()) };
}

/** Changes an office setting as the admin does, and waits until the agent has the snapshot after it. */
async function setAndFollow(r: Rig, path: string, body: unknown): Promise<void> {
  const res = await r.office.admin.request('PUT', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const seq = r.office.khiu.office.ctx.store.ledger.head().seq;
  await until(
    () => r.events.some((e) => e.type === 'snapshot' && e.seq >= seq),
    10_000,
    'the snapshot after the change',
  );
}

describe('the address in the QR of a printed ticket', () => {
  it('is the address the office set under /admin, ahead of the server address in the agent config', async () => {
    const r = await rig('127.0.0.1', LAN);
    await setAndFollow(r, '/api/settings/public-address', {
      publicBaseUrl: 'http://khiu.office.lan:8080/',
    });
    const { ticket, qr } = await printOne(r);
    expect(qr).toEqual([`http://khiu.office.lan:8080/t/${ticket.id}`]);
  });

  it("is the machine's LAN address and the server's port by default, not loopback", async () => {
    const r = await rig('0.0.0.0', LAN);
    expect(r.warning).toBeNull();
    const { ticket, qr } = await printOne(r);
    expect(qr).toEqual([`http://192.168.1.10:${r.office.khiu.port}/t/${ticket.id}`]);
    const settings = await r.office.admin.get('/api/settings/public-address');
    expect(settings.body).toMatchObject({ source: 'lan', loopback: false });
  });

  it('is loopback, with the warning at start and on /admin, when the machine has no LAN address', async () => {
    const r = await rig('0.0.0.0', NO_LAN);
    expect(r.warning).toMatch(
      /^warning: ticket QR codes point at http:\/\/127\.0\.0\.1:\d+, which no phone can open/,
    );
    const { ticket, qr } = await printOne(r);
    expect(qr).toEqual([`http://127.0.0.1:${r.office.khiu.port}/t/${ticket.id}`]);
    const settings = await r.office.admin.get('/api/settings/public-address');
    expect(settings.body).toMatchObject({ source: 'listener', loopback: true, lanAddress: null });
  });

  it("is the station config's own publicBaseUrl when it has one: an override for that station", async () => {
    const r = await rig('0.0.0.0', LAN, { publicBaseUrl: 'http://10.1.2.3:8080' });
    await setAndFollow(r, '/api/settings/public-address', { publicBaseUrl: 'http://khiu.lan' });
    const { ticket, qr } = await printOne(r);
    expect(qr).toEqual([`http://10.1.2.3:8080/t/${ticket.id}`]);
  });
});

describe('the complaint line of a printed ticket', () => {
  it("prints the office's channel on one line, as many ways as fit the paper, in place of the config's", async () => {
    const r = await rig('0.0.0.0', LAN, { complaintChannel: 'โต๊ะประชาสัมพันธ์' });
    const before = await printOne(r);
    expect(before.lines).toContain('ร้องเรียน: โต๊ะประชาสัมพันธ์');
    await setAndFollow(r, '/api/settings/complaint-channel', {
      phone: '0 7400 0000',
      line: '@tambon-example',
      web: 'https://tambon-example.go.th/complaint',
      email: 'complaint@tambon-example.go.th',
    });
    const after = await printOne(r);
    // 80 mm paper, 48 columns: the phone and LINE fit, the web address would not.
    expect(after.lines).toContain('ร้องเรียน โทร 0 7400 0000 LINE @tambon-example');
    expect(after.lines.filter((l) => l.includes('ร้องเรียน'))).toHaveLength(1);
    expect(after.lines.some((l) => l.includes('tambon-example.go.th'))).toBe(false);
  });

  it('prints no complaint line while neither the office nor the station has one', async () => {
    const r = await rig('0.0.0.0', LAN);
    const { lines } = await printOne(r);
    expect(lines.some((l) => l.includes('ร้องเรียน'))).toBe(false);
  });
});
