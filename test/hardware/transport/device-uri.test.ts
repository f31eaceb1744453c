import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:net';
import { parseDeviceUri } from '../../../hardware/transport/device-uri.ts';
import { createTransport } from '../../../hardware/transport/open-transport.ts';
import { ReconnectingTransport } from '../../../hardware/transport/reconnecting-transport.ts';
import { until } from '../printer-rig.ts';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
});

describe('device URIs', () => {
  it('reads serial, tcp and file URIs', () => {
    expect(parseDeviceUri('serial:/dev/ttyUSB0?baud=9600')).toEqual({
      kind: 'serial',
      path: '/dev/ttyUSB0',
      baudRate: 9600,
    });
    expect(parseDeviceUri('serial:/dev/ttyS0')).toEqual({
      kind: 'serial',
      path: '/dev/ttyS0',
      baudRate: 9600,
    });
    expect(parseDeviceUri('tcp://192.168.1.50:9100')).toEqual({
      kind: 'tcp',
      host: '192.168.1.50',
      port: 9100,
    });
    expect(parseDeviceUri('tcp://printer.local')).toEqual({
      kind: 'tcp',
      host: 'printer.local',
      port: 9100,
    });
    expect(parseDeviceUri('tcp://[::1]:9100')).toEqual({ kind: 'tcp', host: '::1', port: 9100 });
    expect(parseDeviceUri('file:/dev/usb/lp0')).toEqual({ kind: 'file', path: '/dev/usb/lp0' });
  });

  it('refuses what it cannot use, saying how a good URI looks', () => {
    expect(() => parseDeviceUri('/dev/ttyUSB0')).toThrow(
      /not a URI.*serial:\/dev\/ttyUSB0\?baud=9600/,
    );
    expect(() => parseDeviceUri('serial:/dev/ttyUSB0?baud=9601')).toThrow(/baud must be one of/);
    expect(() => parseDeviceUri('serial:/dev/ttyUSB0?parity=even')).toThrow(
      /unknown option "parity"/,
    );
    expect(() => parseDeviceUri('usb://04b8:0202')).toThrow(/unknown scheme "usb:"/);
    expect(() => parseDeviceUri('tcp://host:9100/x')).toThrow(/no path/);
  });

  it('writes to a file transport the bytes it is given', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'khiu-lp-')), 'lp0');
    const t = createTransport(`file:${file}`);
    expect(t.readable).toBe(false);
    await t.open();
    await t.write(Uint8Array.of(0x1b, 0x40, 0x41, 0x0a));
    await t.close();
    expect([...readFileSync(file)]).toEqual([0x1b, 0x40, 0x41, 0x0a]);
  });

  it('keeps retrying a TCP device that is not there yet and connects once it appears', async () => {
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', () => r()));
    const port = (probe.address() as { port: number }).port;
    await new Promise((r) => probe.close(r));

    const t = new ReconnectingTransport(createTransport(`tcp://127.0.0.1:${port}`), {
      initialDelayMs: 30,
      maxDelayMs: 100,
    });
    const downs: string[] = [];
    t.onDown((e) => downs.push(e.message));
    t.start();
    await until(() => downs.length >= 2, 3000, 'failed attempts');
    expect(t.isOpen).toBe(false);
    await expect(t.write(Uint8Array.of(1))).rejects.toThrow(/not connected; reconnecting/);

    const received: number[] = [];
    const server = createServer((s) => s.on('data', (d) => received.push(...d)));
    servers.push(server);
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
    await until(() => t.isOpen, 3000, 'the connection');
    await t.write(Uint8Array.of(7, 8));
    await until(() => received.length === 2, 3000, 'the bytes');
    await t.close();
  });
});
