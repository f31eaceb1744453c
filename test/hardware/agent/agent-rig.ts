import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SerialPort } from 'serialport';
import { io, type Socket } from 'socket.io-client';
import { startKhiu, type RunningKhiu } from '../../../server/app.ts';
import type {
  ClientToServerEvents,
  ServerToClientEvents,
  Service,
  TicketPrintedEvent,
} from '../../../server/contract/contract.ts';
import { ApiClient } from '../../helpers/khiu-server.ts';
import { pairStation } from '../../helpers/stations.ts';
import { VirtualPrinter } from '../../../hardware/virtual/virtual-printer.ts';
import { VirtualDisplay } from '../../../hardware/virtual/virtual-display.ts';
import type { DisplayProtocol } from '../../../hardware/display/display-protocol.ts';

export const ADMIN_PASSWORD = 'pw-12345678';

/** A real office server on a free port, with an admin signed in who pairs stations. */
export async function officeServer(dataDir = mkdtempSync(join(tmpdir(), 'khiu-agent-')), port = 0) {
  const khiu: RunningKhiu = await startKhiu({
    dataDir,
    port,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    log: () => {},
  });
  const admin = new ApiClient(khiu.url);
  const login = await admin.signIn('admin', ADMIN_PASSWORD);
  if (login.status !== 200) throw new Error(`admin sign-in failed: ${JSON.stringify(login.body)}`);
  const services = (await admin.get<Service[]>('/api/services')).body;
  const server = { url: khiu.url, admin };
  return {
    khiu,
    url: khiu.url,
    dataDir,
    admin,
    services,
    /** The token of a new station, paired as the admin does under /admin → Stations. */
    pair: async (input: Parameters<typeof pairStation>[1]) =>
      (await pairStation(server, input)).token,
  };
}

/** Watches ticket:printed as signed-in staff would (`cookie`): with the ticket ids. */
export function printReports(url: string, cookie: string) {
  const reports: TicketPrintedEvent[] = [];
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, {
    transports: ['websocket'],
    extraHeaders: { cookie },
  });
  socket.on('ticket:printed', (e) => {
    if ('ticketId' in e) reports.push(e);
  });
  // A test that drops every socket on the server must not blind the observer.
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect();
  });
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { reports, connected, close: () => socket.close() };
}

/** Issues a ticket as a paired kiosk's screen does: its station cookie says where it prints. */
export async function issueTicket(
  url: string,
  serviceId: number,
  kioskToken: string,
): Promise<{ id: string; number: string }> {
  const res = await fetch(`${url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `khiu_station=${kioskToken}` },
    body: JSON.stringify({ serviceId }),
  });
  if (res.status !== 201) throw new Error(`issue failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: { id: string; number: string } }).ticket;
}

/** A virtual printer on TCP with PNGs off; `outDir` is its temp directory, for the caller to remove. */
export async function tcpVirtualPrinter() {
  const outDir = mkdtempSync(join(tmpdir(), 'khiu-agent-vp-'));
  const printer = new VirtualPrinter({ outDir, renderPng: false });
  const port = await printer.listen(0);
  return { printer, uri: `tcp://127.0.0.1:${port}`, outDir };
}

/** Opens the device's side of a pty pair (the board or the button box) with serialport. */
export function openDeviceEnd(path: string): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600 }, (err) =>
      err ? reject(err) : resolve(port),
    );
  });
}

/** A board on the far end of a pty: what the agent writes, decoded by the protocol. */
export async function boardOn(path: string, protocol: DisplayProtocol) {
  const board = new VirtualDisplay(protocol);
  const port = await openDeviceEnd(path);
  board.attach(port);
  return {
    board,
    port,
    close: () => new Promise<void>((r) => (port.isOpen ? port.close(() => r()) : r())),
  };
}

export const localDay = (timeZone = 'Asia/Bangkok'): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
