import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerialPort } from 'serialport';
import type {
  Counter,
  DeviceStatus,
  Service,
  TicketRecord,
} from '../../../server/contract/contract.ts';
import { DeviceAgent, type AgentEvent } from '../../../hardware/agent/device-agent.ts';
import { parseStationConfig } from '../../../hardware/agent/station-config.ts';
import { ledStx } from '../../../hardware/display/led-stx-protocol.ts';
import { FAIRNESS_LINE_TH } from '../../../hardware/printer/ticket-layout.ts';
import type { VirtualPrinter } from '../../../hardware/virtual/virtual-printer.ts';
import type { VirtualDisplay } from '../../../hardware/virtual/virtual-display.ts';
import { ptyPair, killAllSocat, type PtyPair } from '../socat.ts';
import { until } from '../printer-rig.ts';
import {
  boardOn,
  issueTicket,
  localDay,
  officeServer,
  openDeviceEnd,
  printReports,
  tcpVirtualPrinter,
} from './agent-rig.ts';

const STATION = 'kiosk-1';
const protocol = ledStx({ address: 1, digits: 4 });

let office: Awaited<ReturnType<typeof officeServer>>;
let observer: ReturnType<typeof printReports>;
let printer: VirtualPrinter;
let displayPty: PtyPair;
let buttonPty: PtyPair;
let board: VirtualDisplay;
let boardPort: { close(): Promise<void> };
let buttonEnd: SerialPort;
let agent: DeviceAgent;
let serviceA: Service;
let counter1: Counter;
/** The paired kiosk screens of kiosk-1 (this agent's) and kiosk-2 (another station's). */
let kiosk1: string;
let kiosk2: string;
const events: AgentEvent[] = [];
/** This test's temporary directories: the office's data, the printer's output, the ptys. */
const tempDirs: string[] = [];
const logs: string[] = [];

const devices = async (): Promise<DeviceStatus[]> =>
  (await office.admin.get<DeviceStatus[]>('/api/devices')).body;
const deviceState = async (id: string): Promise<string | undefined> =>
  (await devices()).find((d) => d.deviceId === id)?.state;
const untilAsync = async (
  check: () => Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};
const reportFor = (ticketId: string) => observer.reports.find((r) => r.ticketId === ticketId);
const post = (path: string, body: unknown = {}) => office.admin.post(path, body);

// A rig of its own per test (an office, socat pseudo-terminals, a virtual printer and an
// agent: a quarter of a second), so each test starts with idle counters and blank paper.
beforeEach(async () => {
  events.length = 0;
  logs.length = 0;
  office = await officeServer();
  observer = printReports(office.url, office.admin.cookie!);
  await observer.connected;
  serviceA = office.services.find((s) => s.code === 'A')!;
  counter1 = (await office.admin.get<Counter[]>('/api/counters')).body.find((c) => c.number === 1)!;
  kiosk1 = await office.pair({ name: STATION, kind: 'kiosk' });
  kiosk2 = await office.pair({ name: 'kiosk-2', kind: 'kiosk' });
  // The agent carries counter 1's button box, so its presses may rate counter 1.
  const agentToken = await office.pair({
    name: STATION,
    kind: 'agent',
    buttonCounterIds: [counter1.id],
  });
  const vp = await tcpVirtualPrinter();
  printer = vp.printer;
  tempDirs.push(vp.outDir);
  const printerUri = vp.uri;
  displayPty = await ptyPair();
  buttonPty = await ptyPair();
  tempDirs.push(dirname(displayPty.a), dirname(buttonPty.a));
  const first = await boardOn(displayPty.b, protocol);
  board = first.board;
  boardPort = first;
  buttonEnd = await openDeviceEnd(buttonPty.b);
  const config = parseStationConfig(
    {
      station: STATION,
      server: office.url,
      token: agentToken,
      complaintChannel: 'โทร 0 7400 0000',
      printer: { uri: printerUri, profile: 'epson-tm-t82', mode: 'text', giveUpAfterSeconds: 1 },
      displays: [
        {
          uri: `serial:${displayPty.a}?baud=9600`,
          protocol: 'led-stx',
          counterId: counter1.id,
          address: 1,
          digits: 4,
          blinkTimes: 1,
        },
      ],
      buttons: [{ uri: `serial:${buttonPty.a}?baud=9600`, counterId: counter1.id, debounceMs: 50 }],
    },
    'test config',
  );
  agent = new DeviceAgent({
    config,
    log: (line) => logs.push(line),
    backoff: { initialDelayMs: 50, maxDelayMs: 300 },
    reconnectDelayMs: 300,
    blinkIntervalMs: 30,
    statusPollMs: 200,
    reportIntervalMs: 1000,
  });
  agent.onEvent((e) => events.push(e));
  agent.start();
  await until(() => events.some((e) => e.type === 'snapshot'), 10_000, 'the first snapshot');
  await until(
    () =>
      ['printer', 'display-1', 'buttons-1'].every((id) => agent.board.get(id)?.state === 'online'),
    10_000,
    'every device online',
  );
});

afterEach(async () => {
  await agent?.stop();
  observer?.close();
  buttonEnd?.isOpen && (await new Promise<void>((r) => buttonEnd.close(() => r())));
  await boardPort?.close();
  await printer?.close();
  await office?.khiu.close();
  await killAllSocat();
  // Removed only once the server, the printer and socat that write in them have stopped.
  if (office) tempDirs.push(office.dataDir);
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Calls the next ticket at counter 1; returns its number. */
const callNext = async (): Promise<string> => {
  const called = await post(`/api/counters/${counter1.id}/call-next`);
  expect(called.status).toBe(200);
  return called.body.ticket.number as string;
};

describe('device agent against a real office server', () => {
  it("prints a ticket its station issued, with the ticket's Thai, number and QR, and reports it to the ledger", async () => {
    const ticket = await issueTicket(office.url, serviceA.id, kiosk1);
    await until(() => printer.tickets.length === 1, 10_000, 'the ticket on paper');
    const paper = printer.tickets[0]!;
    expect(paper.complete).toBe(true);
    expect(paper.codepages).toEqual([21]);
    const lines = paper.lines.map((l) => l.trim());
    expect(lines).toContain(ticket.number);
    expect(lines).toContain(serviceA.name.th);
    expect(lines).toContain(FAIRNESS_LINE_TH);
    expect(paper.qr).toEqual([`${office.url}/t/${ticket.id}`]);

    await until(() => reportFor(ticket.id) !== undefined, 5000, 'ticket:printed');
    expect(reportFor(ticket.id)).toMatchObject({
      station: STATION,
      outcome: 'printed',
      reprint: false,
    });
    const verify = await office.admin.get('/api/ledger/verify');
    expect(verify.body.ok).toBe(true);
  });

  it("does not print another station's ticket", async () => {
    const other = await issueTicket(office.url, serviceA.id, kiosk2);
    const ours = await issueTicket(office.url, serviceA.id, kiosk1);
    // Events arrive in ledger order: once ours is printed, the other one has been seen and passed over.
    await until(() => reportFor(ours.id) !== undefined, 10_000, 'our ticket printed');
    expect(printer.tickets).toHaveLength(1);
    expect(printer.tickets[0]!.lines.map((l) => l.trim())).toContain(ours.number);
    expect(printer.tickets.some((t) => t.lines.map((l) => l.trim()).includes(other.number))).toBe(
      false,
    );
    expect(reportFor(other.id)).toBeUndefined();
  });

  it('prints the next ticket with the code page the office set under /admin, and goes back when it is removed', async () => {
    const t82 = {
      name: 'epson-tm-t82',
      description: 'this office’s printer: Thai page 255 on its self-test page',
      paperWidthMm: 80,
      printWidthDots: 576,
      columns: 48,
      thaiMode: 'text',
      codepage: 255,
    };
    expect(
      (await office.admin.request('PUT', '/api/device-profiles', { printers: [t82], displays: [] }))
        .status,
    ).toBe(200);
    await until(
      () => agent.profiles.printer('epson-tm-t82').codepage === 255,
      5000,
      'the new profile at the agent',
    );
    const ticket = await issueTicket(office.url, serviceA.id, kiosk1);
    await until(() => reportFor(ticket.id) !== undefined, 10_000, 'the ticket printed');
    const paper = printer.tickets.at(-1)!;
    expect(paper.codepages).toEqual([255]);
    expect(paper.lines.map((l) => l.trim())).toContain(ticket.number);

    await office.admin.request('PUT', '/api/device-profiles', { printers: [], displays: [] });
    await until(
      () => agent.profiles.printer('epson-tm-t82').codepage === 21,
      5000,
      'the shipped profile back',
    );
  });

  it("shows the called number on its counter's board, blinking", async () => {
    await issueTicket(office.url, serviceA.id, kiosk2);
    const framesBefore = board.frames.length;
    const called = await post(`/api/counters/${counter1.id}/call-next`);
    expect(called.status).toBe(200);
    const number = called.body.ticket.number as string;
    // The agent's first paints of the idle board may still be on the wire; the pty delivers in
    // order, so they come before the call, and they are blank.
    const seen = () => board.frames.slice(framesBefore).map((f) => f.text);
    const call = () => seen().indexOf(number);
    await until(() => call() >= 0 && seen().length >= call() + 3, 5000, 'the call and its blink');
    const [before, frames] = [seen().slice(0, call()), seen().slice(call())];
    expect(before).toEqual(before.map(() => ''));
    expect(frames).toEqual([number, '', number]);
  });

  it('forwards a button press as the rating of the ticket just finished, and ignores a press when nothing awaits one', async () => {
    await issueTicket(office.url, serviceA.id, kiosk2);
    await callNext();
    const current = (
      await office.admin.get<{
        nowServing: { counterId: number; ticket: { id: string } | null }[];
      }>('/api/queue')
    ).body.nowServing.find((n) => n.counterId === counter1.id)!.ticket!;
    expect((await post(`/api/tickets/${current.id}/start`)).status).toBe(200);
    expect((await post(`/api/tickets/${current.id}/finish`)).status).toBe(200);

    buttonEnd.write('5');
    await until(() => events.some((e) => e.type === 'press'), 5000, 'the first press');
    expect(events.filter((e) => e.type === 'press')).toEqual([
      { type: 'press', counterId: counter1.id, score: 5, result: 'rated' },
    ]);
    const day = localDay();
    const tickets = (await office.admin.get<TicketRecord[]>(`/api/tickets?from=${day}&to=${day}`))
      .body;
    expect(tickets.find((t) => t.id === current.id)!.rating).toBe(5);

    await new Promise((r) => setTimeout(r, 100)); // past the debounce
    buttonEnd.write('4');
    await until(
      () => events.filter((e) => e.type === 'press').length === 2,
      5000,
      'the second press',
    );
    expect(events.filter((e) => e.type === 'press').at(-1)).toEqual({
      type: 'press',
      counterId: counter1.id,
      score: 4,
      result: 'nothing_to_rate',
    });
    const after = (await office.admin.get<TicketRecord[]>(`/api/tickets?from=${day}&to=${day}`))
      .body;
    expect(after.find((t) => t.id === current.id)!.rating).toBe(5);
    expect(agent.connected).toBe(true);
  });

  it('repaints the board from the snapshot after the server drops its socket, so a call made meanwhile is not missed', async () => {
    await issueTicket(office.url, serviceA.id, kiosk2);
    const snapshotsBefore = events.filter((e) => e.type === 'snapshot').length;
    office.khiu.io.disconnectSockets(true);
    await until(() => !agent.connected, 5000, 'the agent to notice');
    // The agent reconnects after 300 ms; this call happens while it is away.
    const called = await post(`/api/counters/${counter1.id}/call-next`);
    expect(called.status).toBe(200);
    const number = called.body.ticket.number as string;
    await until(() => board.showing === number, 10_000, 'the repaint');
    expect(events.filter((e) => e.type === 'snapshot').length).toBeGreaterThan(snapshotsBefore);
    expect(logs.some((l) => l.includes('io server disconnect'))).toBe(true);
  });

  it('prints, once, a ticket its station issued while the agent was disconnected', async () => {
    const papersBefore = printer.tickets.length;
    office.khiu.io.disconnectSockets(true);
    await until(() => !agent.connected, 5000, 'the agent to notice');
    // Issued while the agent is away: it never sees this ticket:issued.
    const missed = await issueTicket(office.url, serviceA.id, kiosk1);
    await until(() => reportFor(missed.id) !== undefined, 10_000, 'the late print');
    expect(reportFor(missed.id)).toMatchObject({ station: STATION, outcome: 'printed' });
    expect(printer.tickets.length).toBe(papersBefore + 1);
    expect(printer.tickets.at(-1)!.lines.map((l) => l.trim())).toContain(missed.number);
    expect(
      logs.some((l) => l.includes(`printing ${missed.number}, issued while this agent was away`)),
    ).toBe(true);
    // A later resync finds nothing left to print.
    office.khiu.io.disconnectSockets(true);
    await until(() => agent.connected, 5000, 'the agent back');
    await new Promise((r) => setTimeout(r, 500));
    expect(printer.tickets.length).toBe(papersBefore + 1);
  });

  it('repaints a board unplugged and plugged back, with the number called while it was away, and reports it offline meanwhile', async () => {
    // The board shows a first call, which is then served.
    await issueTicket(office.url, serviceA.id, kiosk2);
    const first = await callNext();
    await until(() => board.showing === first, 5000, 'the first call on the board');
    const current = (await office.admin.get('/api/queue')).body.nowServing.find(
      (n: { counterId: number }) => n.counterId === counter1.id,
    ).ticket;
    await post(`/api/tickets/${current.id}/start`);
    await post(`/api/tickets/${current.id}/finish`);
    await issueTicket(office.url, serviceA.id, kiosk2);

    await boardPort.close();
    await displayPty.kill();
    await untilAsync(
      async () => (await deviceState('display-1')) === 'offline',
      5000,
      'display-1 offline at the server',
    );
    const called = await post(`/api/counters/${counter1.id}/call-next`);
    const number = called.body.ticket.number as string;

    await displayPty.restart();
    const fresh = await boardOn(displayPty.b, protocol);
    boardPort = fresh;
    await until(() => fresh.board.showing === number, 10_000, 'the repaint after replugging');
    await untilAsync(
      async () => (await deviceState('display-1')) === 'online',
      5000,
      'display-1 online again',
    );
  });

  it("lists the station's devices for managers", async () => {
    // Every device came online after the agent connected: its next report says so.
    await untilAsync(
      async () =>
        (await devices()).filter((d) => d.station === STATION && d.state === 'online').length === 3,
      5000,
      'the three devices online at the server',
    );
    const list = (await devices()).filter((d) => d.station === STATION);
    expect(list.map((d) => [d.deviceId, d.kind, d.state, d.stale])).toEqual([
      ['buttons-1', 'buttons', 'online', false],
      ['display-1', 'display', 'online', false],
      ['printer', 'printer', 'online', false],
    ]);
    expect(list.find((d) => d.deviceId === 'display-1')!.uri).toBe(
      `serial:${displayPty.a}?baud=9600`,
    );
  });

  it('reports paper out, fails the ticket it cannot print, and the ticket still exists on the server', async () => {
    printer.setState({ paperOut: true });
    await untilAsync(
      async () => (await deviceState('printer')) === 'paper_out',
      5000,
      'paper_out at the server',
    );
    const printedBefore = printer.tickets.length;
    const ticket = await issueTicket(office.url, serviceA.id, kiosk1);
    await until(() => reportFor(ticket.id) !== undefined, 10_000, 'the failed report');
    expect(reportFor(ticket.id)).toMatchObject({
      station: STATION,
      outcome: 'failed',
      reprint: false,
    });
    expect(reportFor(ticket.id)!.detail).toMatch(/paperOut/);
    expect(printer.tickets.length).toBe(printedBefore);
    const status = await fetch(`${office.url}/api/tickets/${ticket.id}`);
    expect(status.status).toBe(200);
    expect(((await status.json()) as { ticket: { status: string } }).ticket.status).toBe('waiting');

    printer.setState({ paperOut: false });
    await untilAsync(
      async () => (await deviceState('printer')) === 'online',
      5000,
      'the printer online again',
    );
  });

  it('stops cleanly: a ticket still waiting for paper is reported failed, and the devices are reported offline', async () => {
    printer.setState({ paperOut: true });
    await until(() => agent.board.get('printer')?.state === 'paper_out', 5000, 'paper_out');
    const ticket = await issueTicket(office.url, serviceA.id, kiosk1);
    await until(
      () => events.some((e) => e.type === 'ticket' && e.ticketId === ticket.id),
      5000,
      'the agent to take the ticket',
    );
    await agent.stop();
    await until(() => reportFor(ticket.id) !== undefined, 5000, 'the report of the stopped job');
    expect(reportFor(ticket.id)).toMatchObject({ outcome: 'failed' });
    expect(reportFor(ticket.id)!.detail).toMatch(/queue_stopped/);
    const list = (await devices()).filter((d) => d.station === STATION);
    expect(list.map((d) => [d.state, d.detail])).toEqual(
      list.map(() => ['offline', 'agent stopped']),
    );
  });
});
