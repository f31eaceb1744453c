import type { DeviceState } from '../../server/contract/contract.ts';
import type { Transport } from '../transport/transport.ts';
import type { PrinterConfig } from './station-config.ts';
import type { DeviceStatusBoard } from './device-status-board.ts';
import type { TicketPrintData } from '../printer/ticket-print-data.ts';
import { ReconnectingTransport, type BackoffOptions } from '../transport/reconnecting-transport.ts';
import { PrinterLink } from '../printer/printer-link.ts';
import { PrintQueue, type AttemptFailure, type JobOutcome } from '../printer/print-queue.ts';
import { enableAutomaticStatusBack, type PrinterStatus } from '../printer/printer-status.ts';
import { resolveThaiMode, type PrinterProfile } from '../printer/printer-profile.ts';
import { encodeTicket } from '../printer/ticket-encoder.ts';

export interface StationPrinterOptions {
  config: PrinterConfig;
  transport: Transport;
  board: DeviceStatusBoard;
  /** The office's zone, read when each ticket is encoded (it can change while the agent runs). */
  timeZone: () => string;
  /** The printer's profile, read when each ticket is encoded: the office may change it under /admin. */
  profile: () => PrinterProfile;
  onSettled: (outcome: JobOutcome) => void;
  log: (line: string) => void;
  backoff?: BackoffOptions;
  /** How often an idle printer is asked for its status, so paper running out shows before the next ticket. */
  statusPollMs?: number;
  statusTimeoutMs?: number;
  pollIntervalMs?: number;
}

/** The printer's words in the server's vocabulary. */
export function deviceStateOf(status: PrinterStatus): DeviceState {
  switch (status.state) {
    case 'online':
      return 'online';
    case 'paperNearEnd':
      return 'paper_near_end';
    case 'paperOut':
      return 'paper_out';
    case 'coverOpen':
      return 'cover_open';
    case 'offline':
      // A cutter or mechanical fault is not fixed by waiting, unlike a printer switched off.
      return status.error ? 'error' : 'offline';
  }
}

/**
 * The station's ticket printer: a print queue on a port that reconnects by
 * itself, with its status kept current on the device board (Automatic Status
 * Back where the printer offers it, a query every few seconds otherwise).
 */
export class StationPrinter {
  readonly transport: ReconnectingTransport;
  private readonly link: PrinterLink;
  private readonly queue: PrintQueue;
  private pollTimer: NodeJS.Timeout | null = null;
  private readonly offs: Array<() => void> = [];

  constructor(private readonly options: StationPrinterOptions) {
    const { config } = options;
    // An unknown profile or a text mode without a code page fails that ticket with the reason.
    const encode = (data: TicketPrintData): Uint8Array => {
      const profile = options.profile();
      const thai = resolveThaiMode(profile, {
        ...(config.mode ? { mode: config.mode } : {}),
        ...(config.codepage === undefined ? {} : { codepage: config.codepage }),
      });
      return encodeTicket(data, { profile, thai, timeZone: options.timeZone() });
    };
    this.transport = new ReconnectingTransport(options.transport, options.backoff);
    this.link = new PrinterLink(this.transport, {
      statusTimeoutMs: options.statusTimeoutMs ?? 1500,
    });
    this.queue = new PrintQueue({
      link: this.link,
      encode,
      onSettled: options.onSettled,
      onAttemptFailed: (f: AttemptFailure) =>
        options.log(`printer: ticket ${f.jobId} attempt ${f.attempt} failed: ${f.reason}`),
      giveUpAfterMs: config.giveUpAfterMs,
      pollIntervalMs: options.pollIntervalMs ?? 1000,
    });
    this.offs.push(
      this.link.reader.onStatus((status) => this.setStatus(status)),
      this.transport.onUp(() => this.onUp()),
      this.transport.onDown((reason) => this.report('offline', reason.message)),
    );
    this.report('offline', 'connecting');
  }

  get pending(): number {
    return this.queue.pending;
  }

  start(): void {
    this.transport.start();
    this.pollTimer = setInterval(() => {
      // A busy queue asks before and after every ticket already.
      if (this.queue.pending === 0) void this.poll();
    }, this.options.statusPollMs ?? 5000);
  }

  print(ticketId: string, data: TicketPrintData): void {
    this.queue.enqueue({ id: ticketId, data });
  }

  whenIdle(): Promise<void> {
    return this.queue.whenIdle();
  }

  /** Every waiting ticket settles as failed (and is reported by onSettled) before the port closes. */
  async stop(): Promise<void> {
    if (this.pollTimer) clearInterval(this.pollTimer);
    this.pollTimer = null;
    await this.queue.stop();
    for (const off of this.offs) off();
    await this.transport.close();
  }

  private onUp(): void {
    // File devices cannot answer; status there comes from failed writes only.
    if (!this.transport.readable) {
      this.report('online', 'write-only device: status unknown until a write fails');
      return;
    }
    this.transport.write(Uint8Array.from(enableAutomaticStatusBack())).catch(() => undefined);
    void this.poll();
  }

  private async poll(): Promise<void> {
    if (!this.transport.isOpen) return;
    const status = await this.link.queryStatus();
    this.setStatus(status);
  }

  private setStatus(status: PrinterStatus): void {
    const state = deviceStateOf(status);
    if (state === 'offline' && !this.transport.isOpen) return; // onDown already said why
    this.report(state, state === 'offline' ? 'no answer to status request' : undefined);
  }

  private report(state: DeviceState, detail: string | undefined): void {
    const { config } = this.options;
    this.options.board.set({
      deviceId: config.id,
      kind: 'printer',
      uri: config.uri,
      state,
      ...(detail === undefined ? {} : { detail }),
    });
  }
}
