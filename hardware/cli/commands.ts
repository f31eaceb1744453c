import { SerialPort } from 'serialport';
import { HardwareError } from '../hardware-error.ts';
import { parseFlags, required, integer } from './cli-args.ts';
import { sampleTicketData } from './sample-ticket-data.ts';
import { VirtualPrinter } from '../virtual/virtual-printer.ts';
import { VirtualDisplay } from '../virtual/virtual-display.ts';
import { createTransport } from '../transport/open-transport.ts';
import { PrinterLink } from '../printer/printer-link.ts';
import {
  loadPrinterProfile,
  resolveThaiMode,
  THAI_MODES,
  type ThaiMode,
} from '../printer/printer-profile.ts';
import { encodeTicket } from '../printer/ticket-encoder.ts';
import { displayProtocol } from '../display/display-protocols.ts';
import { DeviceAgent } from '../agent/device-agent.ts';
import { loadStationConfig, readStationTokenFile } from '../agent/station-config.ts';
import { startVirtualStation } from '../agent/virtual-station.ts';
import { startOffice } from './start-office.ts';
import { untilSignal } from './until-signal.ts';

/*
 * The hardware commands of `npm run khiu -- <command>`. The office server's
 * CLI dispatches names it does not know to this map. Each returns the exit
 * code; errors a person can fix are printed as one line, not a stack.
 */

type Command = (args: string[]) => Promise<number>;

function explain(err: unknown): number {
  if (err instanceof HardwareError) {
    console.error(`error: ${err.message}`);
    return 2;
  }
  throw err;
}

const virtualPrinter: Command = async (args) => {
  try {
    const flags = parseFlags(args, ['port', 'out', 'width', 'host']);
    const port = integer(flags, 'port', 9100, 0, 65535);
    const width = integer(flags, 'width', 576, 256, 640);
    const printer = new VirtualPrinter({
      outDir: flags.get('out') ?? 'test-output/virtual-printer',
      widthDots: width,
    });
    const host = flags.get('host') ?? '127.0.0.1';
    const bound = await printer.listen(port, host);
    printer.onTicket((t) =>
      console.log(
        `ticket ${t.seq}${t.complete ? '' : ' (torn)'}: ${t.file ?? ''} qr=${t.qr.join(' ')}`,
      ),
    );
    console.log(`virtual printer listening on tcp://${host}:${bound}`);
    await untilSignal();
    await printer.close();
    return 0;
  } catch (err) {
    return explain(err);
  }
};

const printTest: Command = async (args) => {
  try {
    const flags = parseFlags(args, ['printer', 'profile', 'mode', 'codepage']);
    const uri = required(flags, 'printer');
    const profile = loadPrinterProfile(flags.get('profile') ?? 'epson-tm-t82');
    const mode = flags.get('mode');
    if (mode !== undefined && !(THAI_MODES as readonly string[]).includes(mode)) {
      throw new HardwareError(
        'invalid_arguments',
        `--mode must be one of ${THAI_MODES.join(', ')}`,
      );
    }
    const codepage = flags.has('codepage') ? integer(flags, 'codepage', 0, 0, 255) : undefined;
    const thai = resolveThaiMode(profile, {
      ...(mode ? { mode: mode as ThaiMode } : {}),
      ...(codepage === undefined ? {} : { codepage }),
    });
    const bytes = encodeTicket(sampleTicketData(), { profile, thai });
    const transport = createTransport(uri);
    await transport.open();
    try {
      const link = new PrinterLink(transport);
      const before = await link.queryStatus();
      await link.write(bytes);
      const after = await link.queryStatus(bytes.length);
      const how = thai.mode === 'text' ? `text, code page ${thai.codepage}` : 'raster';
      console.log(
        `sent ${bytes.length} bytes (${profile.name}, ${how}) to ${uri}; printer ${before.state} before, ${after.state} after`,
      );
      return after.state === 'online' || after.state === 'paperNearEnd' ? 0 : 1;
    } finally {
      await transport.close();
    }
  } catch (err) {
    return explain(err);
  }
};

const displayTest: Command = async (args) => {
  try {
    const flags = parseFlags(args, [
      'display',
      'protocol',
      'text',
      'address',
      'digits',
      'template',
    ]);
    const uri = required(flags, 'display');
    const address = flags.has('address') ? integer(flags, 'address', 1, 0, 99) : undefined;
    const digits = flags.has('digits') ? integer(flags, 'digits', 4, 1, 16) : undefined;
    const template = flags.get('template');
    const protocol = displayProtocol({
      protocol: required(flags, 'protocol'),
      ...(address === undefined ? {} : { address }),
      ...(digits === undefined ? {} : { digits }),
      ...(template === undefined ? {} : { template }),
    });
    const bytes = protocol.encode({ text: required(flags, 'text') });
    const transport = createTransport(uri);
    await transport.open();
    try {
      await transport.write(bytes);
    } finally {
      await transport.close();
    }
    console.log(
      `sent ${bytes.length} bytes (${protocol.name}) to ${uri}: ${Buffer.from(bytes).toString('hex')}`,
    );
    return 0;
  } catch (err) {
    return explain(err);
  }
};

const virtualDisplay: Command = async (args) => {
  try {
    const flags = parseFlags(args, ['port', 'protocol', 'address', 'digits', 'template', 'host']);
    const address = flags.has('address') ? integer(flags, 'address', 1, 0, 99) : undefined;
    const template = flags.get('template');
    const protocol = displayProtocol({
      protocol: required(flags, 'protocol'),
      ...(address === undefined ? {} : { address }),
      ...(flags.has('digits') ? { digits: integer(flags, 'digits', 4, 1, 16) } : {}),
      ...(template === undefined ? {} : { template }),
    });
    const display = new VirtualDisplay(protocol);
    const host = flags.get('host') ?? '127.0.0.1';
    const bound = await display.listen(integer(flags, 'port', 9200, 0, 65535), host);
    display.onFrame((f) => console.log(`display: [${f.text}]`));
    console.log(`virtual display (${protocol.name}) listening on tcp://${host}:${bound}`);
    await untilSignal();
    await display.close();
    return 0;
  } catch (err) {
    return explain(err);
  }
};

const devices: Command = async (args) => {
  try {
    parseFlags(args, []);
    const ports = await SerialPort.list();
    if (ports.length === 0) console.log('no serial ports found (is udev installed?)');
    for (const p of ports) {
      const id = p.vendorId ? ` ${p.vendorId}:${p.productId ?? '????'}` : '';
      console.log(`serial:${p.path}?baud=9600${id} ${p.manufacturer ?? ''}`.trimEnd());
    }
    return 0;
  } catch (err) {
    return explain(err);
  }
};

/**
 * agent --server URL --station ID [--config FILE] [--token-file FILE]: the station's device agent.
 * With a config file, its devices (--server, --station and --token-file override
 * the file); without one, a virtual printer and display, as `start` uses, for the
 * agent station whose token is in --token-file.
 */
const agent: Command = async (args) => {
  try {
    const flags = parseFlags(args, ['server', 'station', 'config', 'out', 'token-file']);
    const file = flags.get('config');
    const log = (line: string): void => void process.stderr.write(`agent: ${line}\n`);
    let stop: () => Promise<void>;
    if (file) {
      const overrides = {
        ...(flags.has('server') ? { server: flags.get('server')! } : {}),
        ...(flags.has('station') ? { station: flags.get('station')! } : {}),
        ...(flags.has('token-file') ? { tokenFile: flags.get('token-file')! } : {}),
      };
      const config = loadStationConfig(file, overrides);
      const running = new DeviceAgent({ config, log });
      running.start();
      const devices = [
        ...(config.printer ? [config.printer] : []),
        ...config.displays,
        ...config.buttons,
      ];
      console.log(
        `agent for station ${config.station} on ${config.server}: ${devices.map((d) => `${d.id} ${d.uri}`).join(', ') || 'no devices'}`,
      );
      stop = () => running.stop();
    } else {
      const station = await startVirtualStation({
        server: required(flags, 'server').replace(/\/+$/, ''),
        station: required(flags, 'station'),
        token: readStationTokenFile(required(flags, 'token-file')),
        outDir: flags.get('out') ?? 'test-output/virtual-printer',
        log,
      });
      console.log(
        `agent for station ${station.agent.config.station} on ${station.agent.config.server} with virtual devices`,
      );
      for (const line of station.describe()) console.log(line);
      stop = () => station.stop();
    }
    await untilSignal();
    await stop();
    return 0;
  } catch (err) {
    return explain(err);
  }
};

export const hardwareCommands: Record<string, (args: string[]) => Promise<number>> = {
  'virtual-printer': virtualPrinter,
  'virtual-display': virtualDisplay,
  'print-test': printTest,
  'display-test': displayTest,
  devices,
  agent,
  start: startOffice,
};
