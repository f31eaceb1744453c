import { join } from 'node:path';
import { startKhiu } from '../../server/app.ts';
import { HardwareError } from '../hardware-error.ts';
import { parseFlags, integer } from './cli-args.ts';
import { DeviceAgent } from '../agent/device-agent.ts';
import { loadStationConfig } from '../agent/station-config.ts';
import { startVirtualStation } from '../agent/virtual-station.ts';
import { untilSignal } from './until-signal.ts';

/** The station `npm start` gives the virtual devices; the kiosk page must send it as X-Khiu-Station. */
export const VIRTUAL_STATION = 'kiosk-1';

/**
 * start --data DIR --port P --host H [--config FILE]: what `npm start` runs.
 * The office server, plus a device agent on the same machine: the devices of
 * --config, or, when no real device is configured, a virtual printer (PNG
 * tickets in DIR/printed) and a virtual display for station kiosk-1. stdout
 * gets the server's "khiu listening on" line and one line per device.
 */
export async function startOffice(args: string[]): Promise<number> {
  let flags: Map<string, string>;
  let port: number;
  try {
    flags = parseFlags(args, ['data', 'port', 'host', 'config']);
    port = integer(flags, 'port', 8080, 0, 65535);
  } catch (err) {
    if (!(err instanceof HardwareError)) throw err;
    console.error(`error: ${err.message}`);
    return 2;
  }
  const dataDir = flags.get('data') ?? './data';
  const log = (line: string): void => void process.stderr.write(`${line}\n`);
  const khiu = await startKhiu({
    dataDir,
    port,
    host: flags.get('host') ?? '127.0.0.1',
    adminPassword: process.env.KHIU_ADMIN_PASSWORD,
    log,
  });
  console.log(`khiu listening on ${khiu.url}`);
  let stopDevices: () => Promise<void> = async () => {};
  try {
    const file = flags.get('config');
    const agentLog = (line: string): void => log(`agent: ${line}`);
    if (file) {
      // The agent runs next to the server, so it talks to it over loopback whatever the file says.
      const config = loadStationConfig(file, { server: khiu.url });
      const agent = new DeviceAgent({ config, log: agentLog });
      agent.start();
      for (const d of [
        ...(config.printer ? [config.printer] : []),
        ...config.displays,
        ...config.buttons,
      ]) {
        console.log(`${d.id} ${d.uri} for station ${config.station}`);
      }
      stopDevices = () => agent.stop();
    } else {
      const station = await startVirtualStation({
        server: khiu.url,
        station: VIRTUAL_STATION,
        outDir: join(dataDir, 'printed'),
        log: agentLog,
      });
      for (const line of station.describe()) console.log(line);
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
