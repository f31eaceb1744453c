import type { Counter } from '../../server/contract/contract.ts';
import { DeviceAgent } from './device-agent.ts';
import { DEFAULT_PRINTED_PNGS, parseStationConfig } from './station-config.ts';
import { VirtualPrinter } from '../virtual/virtual-printer.ts';
import { VirtualDisplay } from '../virtual/virtual-display.ts';
import { cd5220 } from '../display/cd5220-protocol.ts';
import { HardwareError } from '../hardware-error.ts';

export interface VirtualStationOptions {
  server: string;
  station: string;
  /** The token of the agent station `station` (/admin → Stations, or what `npm start` pairs itself). */
  token: string;
  /** The PNG of each printed ticket goes here. */
  outDir: string;
  /** The most recent PNGs kept in `outDir` (the station config's `printedPngs`; default 200). */
  printedPngs?: number;
  log: (line: string) => void;
}

export interface VirtualStation {
  agent: DeviceAgent;
  printerUri: string;
  displayUri: string;
  counter: Counter;
  /** One line per virtual device, for the person who started it. */
  describe(): string[];
  stop(): Promise<void>;
}

/** Printed on virtual tickets; a real office puts its own channel in the station config. */
const DEMO_COMPLAINT_CHANNEL = 'โต๊ะประชาสัมพันธ์ของสำนักงาน';

/**
 * A station with no real devices, so anyone can watch what the hardware
 * would do: a virtual printer that renders each ticket to a PNG and a
 * virtual number board over the first counter, both on loopback TCP and
 * driven by a real agent exactly as physical devices would be.
 */
export async function startVirtualStation(options: VirtualStationOptions): Promise<VirtualStation> {
  const res = await fetch(`${options.server}/api/counters`).catch((err: Error) => {
    throw new HardwareError('server_unreachable', `cannot reach ${options.server}: ${err.message}`);
  });
  if (!res.ok)
    throw new HardwareError(
      'server_unreachable',
      `GET ${options.server}/api/counters: ${res.status}`,
    );
  const counter = ((await res.json()) as Counter[]).sort((a, b) => a.number - b.number)[0];
  if (!counter)
    throw new HardwareError(
      'no_counters',
      'the office has no counters for a virtual display to hang over',
    );

  // It prints all day: no tickets kept in memory, the last `printedPngs` PNGs on disk.
  const printedPngs = options.printedPngs ?? DEFAULT_PRINTED_PNGS;
  const printer = new VirtualPrinter({
    outDir: options.outDir,
    keepTickets: 0,
    keepPngs: printedPngs,
  });
  const printerUri = `tcp://127.0.0.1:${await printer.listen(0)}`;
  printer.onTicket((t) =>
    options.log(`virtual printer: ticket ${t.seq}${t.complete ? '' : ' (torn)'} ${t.file ?? ''}`),
  );
  const display = new VirtualDisplay(cd5220);
  const displayUri = `tcp://127.0.0.1:${await display.listen(0)}`;
  let shown = '';
  display.onFrame((f) => {
    // One line per number, not one per blink.
    if (f.text === '' || f.text === shown) return;
    shown = f.text;
    options.log(`virtual display, counter ${counter.number}: ${f.text}`);
  });

  const config = parseStationConfig(
    {
      station: options.station,
      server: options.server,
      token: options.token,
      complaintChannel: DEMO_COMPLAINT_CHANNEL,
      printer: { uri: printerUri, profile: 'epson-tm-t82', mode: 'text' },
      printedPngs,
      displays: [{ uri: displayUri, protocol: 'cd5220', counterId: counter.id }],
    },
    'the virtual station',
  );
  const agent = new DeviceAgent({ config, log: options.log });
  agent.start();
  return {
    agent,
    printerUri,
    displayUri,
    counter,
    describe: () => [
      `virtual printer ${printerUri} for station ${options.station}: tickets as PNG in ${options.outDir}`,
      `virtual display ${displayUri} (cd5220) over counter ${counter.number} (${counter.name})`,
    ],
    async stop() {
      await agent.stop();
      await Promise.all([printer.close(), display.close()]);
    },
  };
}
