import { HardwareError } from '../hardware-error.ts';

/*
 * Device addresses as one string an office can type into config:
 *   serial:/dev/ttyUSB0?baud=9600      (serialport; baud defaults to 9600)
 *   tcp://192.168.1.50:9100            (raw TCP, the "JetDirect" port)
 *   file:/dev/usb/lp0                  (Linux USB printer-class device)
 * Parsed with URL, not string matching, so odd input fails loudly.
 */

export type DeviceUri =
  | { kind: 'serial'; path: string; baudRate: number }
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string };

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400];

function bad(uri: string, why: string): never {
  throw new HardwareError(
    'invalid_device_uri',
    `"${uri}": ${why}. Use serial:/dev/ttyUSB0?baud=9600, tcp://HOST:9100 or file:/dev/usb/lp0`,
  );
}

export function parseDeviceUri(uri: string): DeviceUri {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    bad(uri, 'not a URI');
  }
  switch (url.protocol) {
    case 'serial:': {
      const path = decodeURIComponent(url.pathname);
      if (!path.startsWith('/') && !/^COM\d+$/i.test(path)) bad(uri, 'serial needs a device path');
      const baudText = url.searchParams.get('baud') ?? '9600';
      const baudRate = Number(baudText);
      if (!BAUD_RATES.includes(baudRate)) bad(uri, `baud must be one of ${BAUD_RATES.join(', ')}`);
      for (const key of url.searchParams.keys())
        if (key !== 'baud') bad(uri, `unknown option "${key}"`);
      return { kind: 'serial', path, baudRate };
    }
    case 'tcp:': {
      if (!url.hostname) bad(uri, 'tcp needs a host');
      const port = url.port === '' ? 9100 : Number(url.port);
      if (!Number.isInteger(port) || port < 1 || port > 65535) bad(uri, 'port must be 1..65535');
      if (url.pathname !== '' && url.pathname !== '/') bad(uri, 'tcp takes no path');
      // URL keeps the brackets of an IPv6 literal; net.connect wants them off.
      return { kind: 'tcp', host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port };
    }
    case 'file:': {
      const path = decodeURIComponent(url.pathname);
      if (!path || path === '/') bad(uri, 'file needs a device path');
      return { kind: 'file', path };
    }
    default:
      bad(uri, `unknown scheme "${url.protocol}"`);
  }
}
