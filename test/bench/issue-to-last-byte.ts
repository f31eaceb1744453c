/**
 * issue_to_last_byte (issue 3, "Performance"): from the office server's
 * `ticket:issued` arriving at the device agent to the last byte of that
 * ticket handed to the printer's transport (the write resolving: the OS has
 * it). A real server, a real agent, a virtual printer on loopback TCP; the
 * server runs in this process, so its own work after publishing shares the
 * event loop with the agent, as it does on a kiosk PC in host mode.
 * Baseline: encoding the same ticket alone, in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startKhiu } from '../../server/app.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../helpers/load-rate.ts';
import type { Service } from '../../server/contract/contract.ts';
import { DeviceAgent } from '../../hardware/agent/device-agent.ts';
import { parseStationConfig } from '../../hardware/agent/station-config.ts';
import { VirtualPrinter } from '../../hardware/virtual/virtual-printer.ts';
import { createTransport } from '../../hardware/transport/open-transport.ts';
import type { Transport } from '../../hardware/transport/transport.ts';
import type { TicketPrintData } from '../../hardware/printer/ticket-print-data.ts';
import { encodeTicket } from '../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../hardware/printer/printer-profile.ts';
import { describe, percentile } from './percentile.ts';
import { note } from './figure.ts';

export interface IssueToLastByte {
  p99Ms: number;
  encodeP99Ms: number;
}

/** Status requests are 12 bytes; a ticket is hundreds. */
const TICKET_MIN_BYTES = 64;

/** Passes writes through and notes when each ticket-sized one was handed over. */
function timed(inner: Transport, written: (at: number) => void): Transport {
  return {
    get uri() {
      return inner.uri;
    },
    get readable() {
      return inner.readable;
    },
    get isOpen() {
      return inner.isOpen;
    },
    get bytesPerSecond() {
      return inner.bytesPerSecond;
    },
    open: () => inner.open(),
    close: () => inner.close(),
    onData: (l) => inner.onData(l),
    onLost: (l) => inner.onLost(l),
    async write(bytes) {
      await inner.write(bytes);
      if (bytes.length >= TICKET_MIN_BYTES) written(performance.now());
    },
  };
}

export async function measureIssueToLastByte(
  mode: 'text' | 'raster',
  tickets = 100,
): Promise<IssueToLastByte> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khiu-bench-agent-'));
  const khiu = await startKhiu({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: 'pw-12345678',
    log: () => {},
    anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
  });
  // kiosk-1's screen and its agent, paired as the admin would (/admin → Stations).
  const pairedBy = { kind: 'system', reason: 'bench' } as const;
  const pair = (kind: 'kiosk' | 'agent') =>
    khiu.office.stations.add(
      { name: 'kiosk-1', kind, counterId: null, buttonCounterIds: [] },
      pairedBy,
    ).token;
  const kioskToken = pair('kiosk');
  const agentToken = pair('agent');
  const printer = new VirtualPrinter({ outDir: join(dataDir, 'printed'), renderPng: false });
  const printerUri = `tcp://127.0.0.1:${await printer.listen(0)}`;
  const config = parseStationConfig({
    station: 'kiosk-1',
    server: khiu.url,
    token: agentToken,
    complaintChannel: 'โทร 0 7400 0000',
    printer: {
      uri: printerUri,
      profile: 'epson-tm-t82',
      mode,
      ...(mode === 'text' ? { codepage: 21 } : {}),
    },
  });
  const writes: number[] = [];
  const agent = new DeviceAgent({
    config,
    log: () => {},
    openTransport: (uri) => timed(createTransport(uri), (at) => writes.push(at)),
  });
  const received = new Map<string, number>();
  const printed: Array<{ ticketId: string; ok: boolean }> = [];
  let lastData: TicketPrintData | null = null;
  agent.onEvent((e) => {
    if (e.type === 'ticket') received.set(e.ticketId, e.receivedAt);
    if (e.type === 'print')
      printed.push({ ticketId: e.ticketId, ok: e.outcome.outcome === 'printed' });
  });
  try {
    agent.start();
    await waitFor(
      () => agent.connected && agent.board.get('printer')?.state === 'online',
      'the agent and printer',
    );
    const services = (await (await fetch(`${khiu.url}/api/services`)).json()) as Service[];
    const service = services[0]!;
    const samples: number[] = [];
    // One warm-up ticket: the first encode loads fonts and code paths.
    for (let i = 0; i <= tickets; i++) {
      const before = writes.length;
      const res = await fetch(`${khiu.url}/api/tickets`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `khiu_station=${kioskToken}` },
        body: JSON.stringify({ serviceId: service.id }),
      });
      const { ticket } = (await res.json()) as { ticket: { id: string } };
      await waitFor(() => printed.some((p) => p.ticketId === ticket.id), `ticket ${i} to settle`);
      if (!printed.at(-1)!.ok) throw new Error(`ticket ${ticket.id} was not printed`);
      if (i > 0) samples.push(writes[before]! - received.get(ticket.id)!);
    }
    lastData = {
      officeName: { th: 'เทศบาลตำบลตัวอย่าง', en: 'Example Subdistrict Municipality' },
      service: {
        code: service.code,
        name: service.name,
        standardMinutes: service.standardMinutes,
        steps: service.steps,
      },
      ticket: {
        id: 'x'.repeat(12),
        number: `${service.code}012`,
        priority: null,
        issuedAt: '2026-03-05T09:12:00.000+07:00',
      },
      ahead: 12,
      estimatedWaitMinutes: 45,
      statusUrl: `${khiu.url}/t/${'x'.repeat(12)}`,
      reprint: false,
      complaintChannel: 'โทร 0 7400 0000',
    };
    note(`issue_to_last_byte ${mode}: ${describe(samples)}`);
    return { p99Ms: percentile(samples, 99), encodeP99Ms: encodeP99(lastData, mode, tickets) };
  } finally {
    await agent.stop();
    await printer.close();
    await khiu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function encodeP99(data: TicketPrintData, mode: 'text' | 'raster', runs: number): number {
  const profile = loadPrinterProfile('epson-tm-t82');
  const thai =
    mode === 'text' ? ({ mode: 'text', codepage: 21 } as const) : ({ mode: 'raster' } as const);
  encodeTicket(data, { profile, thai });
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    encodeTicket(
      {
        ...data,
        ticket: { ...data.ticket, number: `${data.service.code}${String(i).padStart(3, '0')}` },
      },
      { profile, thai },
    );
    samples.push(performance.now() - start);
  }
  return percentile(samples, 99);
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`bench: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}
