import type { Transport } from './transport.ts';
import { parseDeviceUri } from './device-uri.ts';
import { SerialTransport } from './serial-transport.ts';
import { TcpTransport } from './tcp-transport.ts';
import { FileTransport } from './file-transport.ts';

/** Makes the transport a device URI names; it is not opened yet. */
export function createTransport(uri: string): Transport {
  const parsed = parseDeviceUri(uri);
  switch (parsed.kind) {
    case 'serial':
      return new SerialTransport(uri, parsed.path, parsed.baudRate);
    case 'tcp':
      return new TcpTransport(uri, parsed.host, parsed.port);
    case 'file':
      return new FileTransport(uri, parsed.path);
  }
}
