import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type {
  ClientToServerEvents,
  DeviceProfiles,
  PublicSnapshot,
  PublicTicketCalledEvent,
  ServerToClientEvents,
  Ticket,
} from '../../server/contract/contract.ts';
import type { StationConfig } from './station-config.ts';
import type { Transport } from '../transport/transport.ts';
import type { BackoffOptions } from '../transport/reconnecting-transport.ts';
import type { JobOutcome } from '../printer/print-queue.ts';
import { createTransport } from '../transport/open-transport.ts';
import { OfficeHttp } from './office-http.ts';
import { HardwareError } from '../hardware-error.ts';
import { OfficeFacts } from './office-facts.ts';
import { ReportOutbox } from './report-outbox.ts';
import { DeviceStatusBoard } from './device-status-board.ts';
import { StationPrinter } from './station-printer.ts';
import { StationDisplay } from './station-display.ts';
import { StationButtons } from './station-buttons.ts';
import { RecentIds } from './recent-ids.ts';
import type { PrinterProfile } from '../printer/printer-profile.ts';
import { ProfileBook } from './profile-book.ts';
import { SeqPosition } from './seq-position.ts';
import { counterNumberIn } from './counter-number.ts';
import { printSettings, ticketPrintDataFromEvent } from './ticket-print-data-from-event.ts';
import { oversizedTickets, TEXT_TICKET_BUDGET_BYTES } from './ticket-size-check.ts';

export interface DeviceAgentOptions {
  config: StationConfig;
  log?: (line: string) => void;
  /** Makes a device's transport from its URI; the bench wraps it to time the last byte. */
  openTransport?: (uri: string) => Transport;
  /** Reopening unplugged devices. */
  backoff?: BackoffOptions;
  /** First delay before reconnecting to the server (socket.io doubles it up to 5 s). */
  reconnectDelayMs?: number;
  reportIntervalMs?: number;
  statusPollMs?: number;
  blinkIntervalMs?: number;
  /** How long stop() waits for the last print reports to reach the server. */
  stopTimeoutMs?: number;
}

export type PressResult = 'rated' | 'nothing_to_rate' | 'failed';

/** What the agent did, for logs, tests and the bench. */
export type AgentEvent =
  | { type: 'connection'; state: 'online' | 'offline'; reason?: string }
  | { type: 'snapshot'; seq: number }
  | { type: 'ticket'; ticketId: string; number: string; receivedAt: number }
  | { type: 'print'; ticketId: string; outcome: JobOutcome }
  | { type: 'press'; counterId: number; score: number; result: PressResult; detail?: string };

type EventName = Exclude<keyof ServerToClientEvents, 'snapshot'>;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

/**
 * The device agent of one station (issue 3, item 6): it follows the office
 * server's realtime events, prints the tickets its station issued, keeps each
 * counter's number board current, forwards rating buttons and reports every
 * device's status. A plain class with start/stop and no process-wide effects,
 * so it runs on its own (`khiu agent`) or inside Electron's main process.
 */
export class DeviceAgent {
  readonly config: StationConfig;
  private readonly log: (line: string) => void;
  private readonly http: OfficeHttp;
  private readonly facts: OfficeFacts;
  private readonly outbox: ReportOutbox;
  readonly board: DeviceStatusBoard;
  private readonly printer: StationPrinter | null;
  private readonly displays: StationDisplay[];
  private readonly buttons: StationButtons[];
  private readonly position = new SeqPosition();
  private readonly listeners = new Set<(event: AgentEvent) => void>();
  private readonly building = new Set<Promise<void>>();
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private painted = false;
  private readonly sizeWarnings = new Set<string>();
  /** Shipped device profiles and the office's own, refreshed on every snapshot and change. */
  readonly profiles = new ProfileBook();
  /** Tickets this agent already took on, so a catch-up after a reconnect never prints one twice. */
  private readonly taken = new RecentIds(2000);
  private stopping = false;
  private connectTimer: NodeJS.Timeout | null = null;
  private readonly token: string;

  constructor(private readonly options: DeviceAgentOptions) {
    const { config } = options;
    this.config = config;
    this.log =
      options.log ?? ((line) => process.stderr.write(`khiu-agent ${config.station}: ${line}\n`));
    if (!config.token) {
      throw new HardwareError(
        'station_not_paired',
        `station ${config.station} has no token: add an "agent" station named ${config.station} under /admin → Stations and put its token in the config ("token" or "tokenFile")`,
      );
    }
    this.token = config.token;
    this.http = new OfficeHttp(config.server, config.station, config.token);
    this.facts = new OfficeFacts(this.http);
    this.outbox = new ReportOutbox({ log: this.log });
    this.board = new DeviceStatusBoard({
      send: (devices) => this.http.reportDevices(devices),
      log: this.log,
      ...(options.reportIntervalMs === undefined ? {} : { intervalMs: options.reportIntervalMs }),
    });
    this.board.onChange((d) =>
      this.log(`${d.deviceId} (${d.uri}): ${d.state}${d.detail ? ` (${d.detail})` : ''}`),
    );
    const open = options.openTransport ?? createTransport;
    const backoff = options.backoff ? { backoff: options.backoff } : {};
    this.printer = config.printer
      ? new StationPrinter({
          config: config.printer,
          transport: open(config.printer.uri),
          board: this.board,
          timeZone: () => this.facts.timeZone,
          profile: () => this.profiles.printer(config.printer!.profile),
          onSettled: (outcome) => this.settled(outcome),
          log: this.log,
          ...backoff,
          ...(options.statusPollMs === undefined ? {} : { statusPollMs: options.statusPollMs }),
        })
      : null;
    this.displays = config.displays.map(
      (d) =>
        new StationDisplay({
          config: d,
          transport: open(d.uri),
          board: this.board,
          log: this.log,
          ...backoff,
          ...(options.blinkIntervalMs === undefined
            ? {}
            : { blinkIntervalMs: options.blinkIntervalMs }),
        }),
    );
    this.buttons = config.buttons.map(
      (b) =>
        new StationButtons({
          config: b,
          transport: open(b.uri),
          board: this.board,
          onPress: (counterId, press) => void this.press(counterId, press.score),
          ...backoff,
        }),
    );
  }

  onEvent(listener: (event: AgentEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get connected(): boolean {
    return this.socket?.connected ?? false;
  }

  /** Opens the devices (each keeps trying in the background) and connects to the server. */
  start(): void {
    if (this.socket || this.stopping) return;
    this.printer?.start();
    for (const d of this.displays) d.start();
    for (const b of this.buttons) b.start();
    this.board.start();

    const delay = this.options.reconnectDelayMs ?? 500;
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(this.config.server, {
      transports: ['websocket'],
      // The server sends this station's own tickets, ids included, only to its paired agent.
      auth: { token: this.token },
      reconnectionDelay: delay,
      reconnectionDelayMax: 5000,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.log(`connected to ${this.config.server}`);
      this.emit({ type: 'connection', state: 'online' });
      // A restarted server has forgotten every device, and reports may be waiting.
      void this.board.reportNow();
      this.outbox.retryNow();
    });
    socket.on('disconnect', (reason) => {
      this.position.clear();
      this.log(`disconnected from the server: ${reason}`);
      this.emit({ type: 'connection', state: 'offline', reason });
      // socket.io leaves reconnecting to us only when the server closed the socket on purpose.
      if (reason === 'io server disconnect' && !this.stopping)
        this.connectTimer = setTimeout(() => socket.connect(), delay);
    });
    socket.on('connect_error', (err) => {
      // A refused token is final (socket.io does not retry a middleware's refusal): say so.
      if (err.message === 'station_required')
        this.log(
          `the server refused this station's token (unknown or revoked): pair agent ${this.config.station} again under /admin → Stations`,
        );
      else this.log(`cannot connect to ${this.config.server}: ${err.message}`);
    });
    socket.on('snapshot', (snapshot) => this.snapshot(snapshot));
    this.listen('ticket:issued', (e) => {
      // Only our own station's tickets come with their id (for the QR).
      if (e.station === this.config.station && 'id' in e.ticket) this.ticketIssued(e.ticket);
    });
    this.listen('ticket:called', (e) => this.called(e));
    this.listen('services:updated', (e) => this.facts.setServices(e.services));
    this.listen('profiles:updated', (e) => this.useProfiles(e.profiles));
    // The office name and other settings printed on tickets come with the snapshot.
    this.listen('office:updated', () => this.socket?.emit('snapshot:request'));
    // Listened to only so that their seq keeps the position; a missing one would look like a gap.
    this.listen('ticket:updated', () => undefined);
    this.listen('ticket:rated', () => undefined);
    this.listen('ticket:printed', () => undefined);
    this.listen('counter:updated', () => undefined);
  }

  /**
   * Stops taking tickets, settles every queued one as failed (reported to the
   * server, so none is unaccounted for), reports the devices offline and closes them.
   */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.socket?.close();
    await Promise.all(this.building);
    await this.printer?.stop();
    this.board.stop();
    for (const d of this.board.all())
      this.board.set({ ...d, state: 'offline', detail: 'agent stopped' });
    const timeout = this.options.stopTimeoutMs ?? 5000;
    await Promise.race([
      this.board.reportNow(),
      new Promise((r) => setTimeout(r, timeout).unref()),
    ]);
    const undelivered = await this.outbox.flush(timeout);
    if (undelivered > 0)
      this.log(`${undelivered} print report(s) could not be delivered before stopping`);
    this.outbox.close();
    await Promise.all([
      ...this.displays.map((d) => d.stop()),
      ...this.buttons.map((b) => b.stop()),
    ]);
    this.log('stopped');
  }

  /** Resolves when every ticket handed to the printer so far has settled. */
  async whenPrintsSettled(): Promise<void> {
    await Promise.all(this.building);
    await this.printer?.whenIdle();
  }

  private listen<E extends EventName>(name: E, handle: (payload: Payload<E>) => void): void {
    const socket = this.socket!;
    // socket.io's typed `on` cannot take a generic name; the handler is the map's own type.
    (socket.on as (n: E, h: (payload: Payload<E>) => void) => void)(name, (payload) => {
      const verdict = this.position.accept(payload.seq);
      if (verdict === 'stale') return;
      handle(payload);
      if (verdict === 'gap') socket.emit('snapshot:request');
    });
  }

  private snapshot(snapshot: PublicSnapshot): void {
    this.position.reset(snapshot.seq);
    // The office name, the QR's address and the complaint channel printed on tickets.
    this.facts.fromSnapshot(snapshot);
    // Services and the time zone may have changed while we were away.
    this.facts.refresh().then(
      () => this.checkTicketSizes(),
      (err: Error) => this.log(`could not load services: ${err.message}`),
    );
    for (const d of this.displays) {
      const number = counterNumberIn(snapshot, d.counterId);
      // A call missed while disconnected is new to the hall: blink it. The first paint is not a call.
      const blink = this.painted && number !== '' && number !== d.showing;
      void d.show(number, blink);
    }
    this.painted = true;
    this.emit({ type: 'snapshot', seq: snapshot.seq });
    if (this.printer) this.catchUp();
    // Profiles are settings: they may have changed while we were away.
    this.http.deviceProfiles().then(
      (profiles) => this.useProfiles(profiles),
      (err: Error) => this.log(`could not load the office's device profiles: ${err.message}`),
    );
  }

  /** The office changed its device profiles: the next ticket and every board follow. */
  private useProfiles(profiles: DeviceProfiles): void {
    this.profiles.replace(profiles, this.log);
    for (const d of this.displays) d.useProfiles(this.profiles);
    const printer = this.config.printer;
    if (printer) {
      try {
        this.profiles.printer(printer.profile);
      } catch (err) {
        this.log(`printer: ${(err as Error).message}`);
      }
    }
    this.checkTicketSizes();
  }

  /** Prints what the station issued while this agent was disconnected or not yet running. */
  private catchUp(): void {
    this.http.unprinted().then(
      (tickets) => {
        for (const ticket of tickets) {
          if (this.taken.has(ticket.id)) continue;
          this.log(`printing ${ticket.number}, issued while this agent was away`);
          this.ticketIssued(ticket);
        }
      },
      (err: Error) => this.log(`could not ask for tickets issued while away: ${err.message}`),
    );
  }

  private checkTicketSizes(): void {
    const printer = this.config.printer;
    if (!printer || !this.facts.officeName) return;
    let profile: PrinterProfile;
    try {
      profile = this.profiles.printer(printer.profile);
    } catch {
      return; // logged where the profiles were applied
    }
    const context = {
      ...printSettings(this.config, this.facts),
      officeName: this.facts.officeName,
      timeZone: this.facts.timeZone,
    };
    for (const { serviceCode, bytes } of oversizedTickets(
      this.facts.allServices(),
      context,
      printer,
      profile,
    )) {
      const key = `${serviceCode}:${bytes}`;
      if (this.sizeWarnings.has(key)) continue;
      this.sizeWarnings.add(key);
      this.log(
        `service ${serviceCode}: a ticket is ${bytes} B, over the ${TEXT_TICKET_BUDGET_BYTES} B that print in about a second at 9,600 baud`,
      );
    }
  }

  private called(event: PublicTicketCalledEvent): void {
    for (const d of this.displays)
      if (d.counterId === event.counter.id) void d.show(event.ticket.number, true);
  }

  private ticketIssued(ticket: Ticket): void {
    if (this.taken.has(ticket.id)) return;
    this.taken.add(ticket.id);
    this.emit({
      type: 'ticket',
      ticketId: ticket.id,
      number: ticket.number,
      receivedAt: performance.now(),
    });
    if (!this.printer) {
      this.failWithoutPrinting(ticket.id, 'no printer configured at this station');
      return;
    }
    const service = this.facts.ready ? this.facts.service(ticket.serviceId) : undefined;
    if (service && this.facts.officeName) {
      // The usual path stays synchronous: the issue-to-paper time is the kiosk's wait.
      this.printer.print(
        ticket.id,
        ticketPrintDataFromEvent(ticket, {
          ...printSettings(this.config, this.facts),
          officeName: this.facts.officeName,
          service,
        }),
      );
      return;
    }
    const build = (async () => {
      try {
        if (!this.facts.ready) await this.facts.refresh();
        const found = await this.facts.serviceOrFetch(ticket.serviceId);
        if (!found || !this.facts.officeName)
          throw new Error(`service ${ticket.serviceId} is not posted`);
        this.printer!.print(
          ticket.id,
          ticketPrintDataFromEvent(ticket, {
            ...printSettings(this.config, this.facts),
            officeName: this.facts.officeName,
            service: found,
          }),
        );
      } catch (err) {
        this.failWithoutPrinting(ticket.id, `ticket data unavailable: ${(err as Error).message}`);
      }
    })();
    this.building.add(build);
    void build.finally(() => this.building.delete(build));
  }

  private failWithoutPrinting(ticketId: string, reason: string): void {
    this.settled({ jobId: ticketId, outcome: 'failed', attempts: 0, reason });
  }

  private settled(outcome: JobOutcome): void {
    const ticketId = outcome.jobId;
    if (outcome.outcome === 'failed') this.log(`ticket ${ticketId} not printed: ${outcome.reason}`);
    const report =
      outcome.outcome === 'printed'
        ? {
            station: this.config.station,
            outcome: 'printed' as const,
            reprint: outcome.reprint,
            detail: outcome.attempts > 1 ? `printed on attempt ${outcome.attempts}` : null,
          }
        : {
            station: this.config.station,
            outcome: 'failed' as const,
            reprint: false,
            detail: outcome.reason.slice(0, 300),
          };
    this.outbox.add(`print report ${ticketId} ${outcome.outcome}`, () =>
      this.http.reportPrint(ticketId, report),
    );
    this.emit({ type: 'print', ticketId, outcome });
  }

  private async press(counterId: number, score: number): Promise<void> {
    try {
      const result = await this.http.rateAtCounter(counterId, score);
      this.log(
        result === 'rated'
          ? `counter ${counterId} rated ${score}`
          : `counter ${counterId}: press ${score} ignored, no service awaits a rating`,
      );
      this.emit({ type: 'press', counterId, score, result });
    } catch (err) {
      // A press is for the citizen who just left the counter; replaying it later could rate the next one.
      this.log(`counter ${counterId}: press ${score} lost: ${(err as Error).message}`);
      this.emit({
        type: 'press',
        counterId,
        score,
        result: 'failed',
        detail: (err as Error).message,
      });
    }
  }

  private emit(event: AgentEvent): void {
    for (const l of this.listeners) l(event);
  }
}
