import { join } from 'node:path';
import { startKhiu } from '../../server/app.ts';
import { HardwareError } from '../hardware-error.ts';
import { parseFlags, integer } from './cli-args.ts';
import { DeviceAgent } from '../agent/device-agent.ts';
import { DEFAULT_PRINTED_PNGS, loadStationConfig } from '../agent/station-config.ts';
import { startVirtualStation } from '../agent/virtual-station.ts';
import { untilSignal } from './until-signal.ts';
import { ownStationToken, pairingLink } from './own-stations.ts';
import type { StationInput } from '../../server/commands/station-commands.ts';
import { stationPath } from '../../server/commands/station-view.ts';
import { perimeterOptions } from '../../server/cli/perimeter-options.ts';
import { announcePublicAddress } from '../../server/cli/public-address-announcement.ts';

/** serve's --allowed-hosts and rate flags; HTTPS is serve's alone (the local agent talks plain loopback). */
const PERIMETER_FLAGS = ['allowed-hosts', 'anonymous-rate', 'anonymous-burst'];

/** The station `npm start` gives the virtual devices; the kiosk screen paired by its link prints there. */
export const VIRTUAL_STATION = 'kiosk-1';

/**
 * start --data DIR --port P --host H [--config FILE] [--printed-pngs N]: what `npm start` runs.
 * The office server, plus a device agent on the same machine: the devices of
 * --config, or, when no real device is configured, a virtual printer (PNG
 * tickets in DIR/printed, the last N kept, default 200) and a virtual display for station kiosk-1. It pairs
 * its own agent (own-stations.ts), and the kiosk (and, with the virtual devices,
 * counter 1's rating screen) whose links it prints. stdout gets the server's
 * "khiu listening on" line, one line per device, and one per pairing link.
 */
export async function startOffice(args: string[]): Promise<number> {
  let flags: Map<string, string>;
  let port: number;
  let printedPngs: number;
  try {
    flags = parseFlags(args, [
      'data',
      'port',
      'host',
      'config',
      'printed-pngs',
      ...PERIMETER_FLAGS,
    ]);
    port = integer(flags, 'port', 8080, 0, 65535);
    printedPngs = integer(flags, 'printed-pngs', DEFAULT_PRINTED_PNGS, 0, 100_000);
  } catch (err) {
    if (!(err instanceof HardwareError)) throw err;
    console.error(`error: ${err.message}`);
    return 2;
  }
  const dataDir = flags.get('data') ?? './data';
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const host = flags.get('host') ?? '127.0.0.1';
  const khiu = await startKhiu({
    ...perimeterOptions(flags),
    dataDir,
    port,
    host,
    adminPassword: process.env.KHIU_ADMIN_PASSWORD,
    log,
  });
  console.log(`khiu listening on ${khiu.url}`);
  const addressWarning = announcePublicAddress(khiu, host);
  if (addressWarning) log(addressWarning);
  /** One line naming a browser station this server paired itself, and the link that pairs it. */
  const pairingLine = (what: string, spec: StationInput): string => {
    const token = ownStationToken(khiu.office, dataDir, spec);
    const path = stationPath(spec, (id) => khiu.office.ctx.store.counters.get(id)?.number)!;
    return `pair a browser as ${what}: ${pairingLink(khiu.url, token, path)}`;
  };
  const kiosk = (name: string): StationInput => ({
    name,
    kind: 'kiosk',
    counterId: null,
    buttonCounterIds: [],
  });
  let stopDevices: () => Promise<void> = async () => {};
  try {
    const file = flags.get('config');
    const agentLog = (line: string): void => log(`agent: ${line}`);
    if (file) {
      // The agent runs next to the server, so it talks to it over loopback whatever the file says.
      const loaded = loadStationConfig(file, { server: khiu.url });
      // A config without a token of its own gets this server's pairing of its station.
      const config = loaded.token
        ? loaded
        : {
            ...loaded,
            token: ownStationToken(khiu.office, dataDir, {
              name: loaded.station,
              kind: 'agent',
              counterId: null,
              buttonCounterIds: [...new Set(loaded.buttons.map((b) => b.counterId))],
            }),
          };
      const agent = new DeviceAgent({ config, log: agentLog });
      agent.start();
      for (const d of [
        ...(config.printer ? [config.printer] : []),
        ...config.displays,
        ...config.buttons,
      ]) {
        console.log(`${d.id} ${d.uri} for station ${config.station}`);
      }
      if (config.printer)
        console.log(pairingLine(`kiosk ${config.station}`, kiosk(config.station)));
      stopDevices = () => agent.stop();
    } else {
      const station = await startVirtualStation({
        server: khiu.url,
        station: VIRTUAL_STATION,
        token: ownStationToken(khiu.office, dataDir, {
          name: VIRTUAL_STATION,
          kind: 'agent',
          counterId: null,
          buttonCounterIds: [],
        }),
        outDir: join(dataDir, 'printed'),
        printedPngs,
        log: agentLog,
      });
      for (const line of station.describe()) console.log(line);
      console.log(pairingLine(`kiosk ${VIRTUAL_STATION}`, kiosk(VIRTUAL_STATION)));
      const { counter } = station;
      console.log(
        pairingLine(`the rating screen of counter ${counter.number}`, {
          name: `rating-${counter.number}`,
          kind: 'rating',
          counterId: counter.id,
          buttonCounterIds: [],
        }),
      );
      stopDevices = () => station.stop();
    }
  } catch (err) {
    await khiu.close();
    if (!(err instanceof HardwareError)) throw err;
    console.error(`error: ${err.message}`);
    return 2;
  }
  await untilSignal();
  // Devices first: their last print reports still need the server.
  await stopDevices();
  await khiu.close();
  return 0;
}
