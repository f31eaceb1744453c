import type { Server } from 'node:net';
import { listenAsDevice } from './tcp-device-server.ts';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EscPosDecoder, DEFAULT_THAI_CODEPAGES, type EscPosEvent } from './escpos-decoder.ts';
import { renderTicketPng } from './ticket-renderer.ts';
import { DEFAULT_PRINTED_PNGS } from '../agent/station-config.ts';

/*
 * A thermal printer on TCP for people and tests: it takes ESC/POS, answers
 * DLE EOT like an Epson, and writes each cut ticket to a PNG. Faults are
 * switches (paper, cover, silence), so the fault tests can pull them.
 *
 * It runs all day beside `npm start`, so what it keeps is bounded: the last
 * `keepTickets` printed tickets in memory (none for a long-running printer)
 * and the last `keepPngs` PNGs on disk.
 */

/** Printed tickets `tickets` holds unless told otherwise: plenty for a test, bounded for a day. */
export const DEFAULT_KEEP_TICKETS = 1000;

const PNG_NAME = /^ticket-(\d+)(-partial)?\.png$/;

/** Anything a printer can be attached to: a TCP socket or the far end of a serial line. */
export interface PrinterStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  write(bytes: Uint8Array): unknown;
  destroy(): void;
}

export interface VirtualPrinterOptions {
  outDir: string;
  /** Printable width of the simulated paper in dots (576 for 80 mm, 384 for 58 mm). */
  widthDots?: number;
  thaiCodepages?: ReadonlySet<number>;
  /** Lines of paper left; null = endless. When it runs out mid-ticket, the rest of the ticket is lost. */
  paperLines?: number | null;
  /** Write PNGs (people want them; a long fault test does not need them). */
  renderPng?: boolean;
  /** The most recent PNGs kept in `outDir` (older ones are deleted); default DEFAULT_PRINTED_PNGS. */
  keepPngs?: number;
  /**
   * The most recent printed tickets `tickets` holds, with their decoded events (rasters
   * included); default DEFAULT_KEEP_TICKETS. 0 keeps none: `onTicket` still sees each one.
   */
  keepTickets?: number;
}

export interface VirtualPrinterState {
  paperOut: boolean;
  paperNearEnd: boolean;
  coverOpen: boolean;
  /** Never answer status requests, like a printer on a one-way cable. */
  silent: boolean;
}

export interface PrintedTicket {
  /** 1-based, in the order tickets came out of the printer. */
  seq: number;
  /** False when the paper ran out or the cover opened before the cut. */
  complete: boolean;
  lines: string[];
  qr: string[];
  rasters: number;
  codepages: number[];
  cut: boolean;
  events: EscPosEvent[];
  file: string | null;
}

export class VirtualPrinter {
  readonly state: VirtualPrinterState = {
    paperOut: false,
    paperNearEnd: false,
    coverOpen: false,
    silent: false,
  };
  /** The last `keepTickets` printed tickets, oldest first. */
  readonly tickets: PrintedTicket[] = [];
  /** Tickets that came out since this printer was made, kept or not. */
  private printed = 0;
  private server: Server | null = null;
  private readonly sockets = new Set<PrinterStream>();
  private readonly asbSockets = new Set<PrinterStream>();
  private readonly listeners = new Set<(ticket: PrintedTicket) => void>();
  /** PNGs are written one after another: one pending chain, not a list of every write. */
  private pngWrites: Promise<void> = Promise.resolve();
  private pngError: Error | null = null;
  /** The PNGs in `outDir`, oldest first (those of an earlier run included, from listen()). */
  private readonly pngFiles: string[] = [];
  /** The number in the next PNG's name: after the highest already in `outDir`. */
  private nextPngNumber = 1;
  private paperLines: number | null;
  private page: EscPosEvent[] = [];
  private pageLost = false;
  readonly widthDots: number;

  constructor(private readonly options: VirtualPrinterOptions) {
    this.widthDots = options.widthDots ?? 576;
    this.paperLines = options.paperLines ?? null;
  }

  /** Starts listening; port 0 picks a free one. Resolves with the bound port. */
  async listen(port = 9100, host = '127.0.0.1'): Promise<number> {
    await mkdir(this.options.outDir, { recursive: true });
    await this.adoptEarlierPngs();
    const listening = await listenAsDevice(
      (socket) => this.attach(socket),
      port,
      host,
      'virtual printer',
    );
    this.server = listening.server;
    return listening.port;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
    await this.flush();
  }

  /** Drops every connection, as a printer does when switched off; the server keeps listening. */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  onTicket(listener: (ticket: PrintedTicket) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Changes fault switches; clients with Automatic Status Back on hear about it at once. */
  setState(change: Partial<VirtualPrinterState>): void {
    Object.assign(this.state, change);
    if (change.paperOut === false && this.paperLines !== null && this.paperLines <= 0)
      this.paperLines = null;
    for (const s of this.asbSockets) this.sendAsb(s);
  }

  /** Loads a roll with this many lines on it (null = endless). */
  loadPaper(lines: number | null): void {
    this.paperLines = lines;
    this.setState({ paperOut: false });
  }

  private get printable(): boolean {
    return !this.state.paperOut && !this.state.coverOpen;
  }

  /** Serves one connection: a TCP client, or a serial port opened on the printer's side of a pty pair. */
  attach(socket: PrinterStream): void {
    this.sockets.add(socket);
    const decoder = new EscPosDecoder({
      thaiCodepages: this.options.thaiCodepages ?? DEFAULT_THAI_CODEPAGES,
    });
    socket.on('data', (chunk: Buffer) => {
      for (const event of decoder.push(new Uint8Array(chunk))) this.handle(socket, event);
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.asbSockets.delete(socket);
      // The line went dead in the middle of a ticket: what came out so far is a torn ticket.
      if (this.page.length > 0) this.finishPage(false);
    });
  }

  private handle(socket: PrinterStream, event: EscPosEvent): void {
    if (event.type === 'status-request') {
      if (!this.state.silent && event.n >= 1 && event.n <= 4)
        socket.write(Uint8Array.of(this.statusByte(event.n)));
      return;
    }
    if (event.type === 'asb') {
      if (event.enabled) {
        this.asbSockets.add(socket);
        this.sendAsb(socket);
      } else this.asbSockets.delete(socket);
      return;
    }
    if (event.type === 'initialize') {
      this.page = [];
      this.pageLost = false;
    }
    if (!this.printable) {
      // A printer that is out of paper or open prints nothing of what it is sent.
      if (this.page.length > 0 && !this.pageLost) this.finishPage(false);
      this.pageLost = true;
      return;
    }
    if (this.pageLost && event.type !== 'initialize') return;
    // Feeding blank paper after a cut starts no ticket.
    if (this.page.length === 0 && event.type === 'text' && event.text.trim() === '') return;
    this.page.push(event);
    if (event.type === 'text' || event.type === 'raster' || event.type === 'qr') this.usePaper();
    if (event.type === 'cut') this.finishPage(true);
  }

  private usePaper(): void {
    if (this.paperLines === null) return;
    this.paperLines--;
    if (this.paperLines <= 0) {
      this.state.paperOut = true;
      this.finishPage(false);
      this.pageLost = true;
      for (const s of this.asbSockets) this.sendAsb(s);
    }
  }

  private finishPage(cut: boolean): void {
    const events = this.page;
    this.page = [];
    this.printed += 1;
    const ticket: PrintedTicket = {
      seq: this.printed,
      complete: cut,
      lines: events.flatMap((e) => (e.type === 'text' ? [e.text] : [])),
      qr: events.flatMap((e) => (e.type === 'qr' ? [e.data] : [])),
      rasters: events.filter((e) => e.type === 'raster').length,
      codepages: events.flatMap((e) => (e.type === 'codepage' ? [e.page] : [])),
      cut,
      events,
      file: null,
    };
    if (this.options.renderPng !== false) {
      const name = `ticket-${String(this.nextPngNumber++).padStart(4, '0')}${cut ? '' : '-partial'}.png`;
      ticket.file = join(this.options.outDir, name);
      this.writePng(name, renderTicketPng(events, this.widthDots));
    }
    const keep = this.options.keepTickets ?? DEFAULT_KEEP_TICKETS;
    if (keep > 0) {
      this.tickets.push(ticket);
      if (this.tickets.length > keep) this.tickets.splice(0, this.tickets.length - keep);
    }
    for (const l of this.listeners) l(ticket);
  }

  /** Queues one PNG, then deletes the oldest beyond `keepPngs`. */
  private writePng(name: string, png: Buffer): void {
    const dir = this.options.outDir;
    this.pngFiles.push(name);
    const keep = this.options.keepPngs ?? DEFAULT_PRINTED_PNGS;
    const expired = this.pngFiles.splice(0, Math.max(0, this.pngFiles.length - keep));
    this.pngWrites = this.pngWrites
      .then(async () => {
        await mkdir(dir, { recursive: true });
        if (expired.includes(name)) return;
        await writeFile(join(dir, name), png);
      })
      .then(() => Promise.all(expired.map((old) => rm(join(dir, old), { force: true }))))
      .then(
        () => undefined,
        (error: Error) => void (this.pngError ??= error),
      );
  }

  /** Picks up the PNGs an earlier run left, so they count against `keepPngs` and are not overwritten. */
  private async adoptEarlierPngs(): Promise<void> {
    if (this.options.renderPng === false) return;
    const found = (await readdir(this.options.outDir))
      .map((name) => ({ name, match: PNG_NAME.exec(name) }))
      .filter((f) => f.match !== null)
      .map((f) => ({ name: f.name, n: Number(f.match![1]) }))
      .sort((a, b) => a.n - b.n);
    const keep = this.options.keepPngs ?? DEFAULT_PRINTED_PNGS;
    const expired = found.splice(0, Math.max(0, found.length - keep));
    await Promise.all(expired.map((f) => rm(join(this.options.outDir, f.name), { force: true })));
    this.pngFiles.push(...found.map((f) => f.name));
    this.nextPngNumber = Math.max(this.nextPngNumber, (found.at(-1)?.n ?? 0) + 1);
  }

  /** DLE EOT n answers, in Epson's bit layout (bits 1 and 4 always set). */
  private statusByte(n: number): number {
    const s = this.state;
    const offline = s.paperOut || s.coverOpen;
    if (n === 1) return 0x12 | (offline ? 0x08 : 0);
    if (n === 2) return 0x12 | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0);
    if (n === 3) return 0x12;
    return 0x12 | (s.paperNearEnd ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
  }

  private sendAsb(socket: PrinterStream): void {
    if (this.state.silent) return;
    const s = this.state;
    const offline = s.paperOut || s.coverOpen;
    socket.write(
      Uint8Array.of(
        0x10 | (offline ? 0x08 : 0) | (s.coverOpen ? 0x20 : 0),
        0x00,
        (s.paperNearEnd ? 0x03 : 0) | (s.paperOut ? 0x0c : 0),
        0x00,
      ),
    );
  }

  /** Waits until every PNG has been written; throws the first write that failed. */
  async flush(): Promise<void> {
    await this.pngWrites;
    if (this.pngError) throw this.pngError;
  }
}
