import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import { closeSync, constants, openSync, readSync, writeSync } from 'node:fs';
import { ptyPair, killAllSocat } from '../socat.ts';
import { until } from '../printer-rig.ts';
import { sampleTicket } from '../sample-ticket.ts';
import { VirtualPrinter } from '../../../hardware/virtual/virtual-printer.ts';
import { SerialTransport } from '../../../hardware/transport/serial-transport.ts';
import { ReconnectingTransport } from '../../../hardware/transport/reconnecting-transport.ts';
import { PrinterLink } from '../../../hardware/printer/printer-link.ts';
import {
  PrintQueue,
  type AttemptFailure,
  type JobOutcome,
} from '../../../hardware/printer/print-queue.ts';
import { encodeTicket } from '../../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../../hardware/printer/printer-profile.ts';
import { REPRINT_LINE } from '../../../hardware/printer/ticket-layout.ts';

afterAll(killAllSocat);

/**
 * The printer's side of the line, read straight from the pty no faster than
 * `bytesPerSecond`, like a print head. (A SerialPort would pull the whole
 * ticket into its 64 KB stream buffer at once.) What is still in the kernel
 * when socat dies is lost, exactly as with an adapter pulled mid-ticket.
 */
class ThrottledPtyEnd extends EventEmitter {
  private readonly fd: number;
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(path: string, bytesPerSecond: number) {
    super();
    this.fd = openSync(path, constants.O_RDWR | constants.O_NOCTTY | constants.O_NONBLOCK);
    const chunk = Math.max(1, Math.round(bytesPerSecond / 50));
    const buffer = Buffer.alloc(chunk);
    this.timer = setInterval(() => {
      try {
        const n = readSync(this.fd, buffer, 0, chunk, null);
        if (n > 0) this.emit('data', Buffer.from(buffer.subarray(0, n)));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') this.destroy();
      }
    }, 20);
  }

  write(bytes: Uint8Array): void {
    if (!this.closed) writeSync(this.fd, bytes);
  }

  destroy(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    closeSync(this.fd);
    this.emit('close');
  }
}

describe('print queue on a serial line', () => {
  // The line is declared at 57,600 baud (5.8 KB/s) and the printer reads 8 KB/s, so the
  // status answer after a ticket is never later than the wire time the queue allows for.
  it('reprints the ticket whose port vanished in the middle of the write, after the port comes back', async () => {
    const pty = await ptyPair();
    const printer = new VirtualPrinter({
      outDir: mkdtempSync(join(tmpdir(), 'khiu-serial-')),
      renderPng: false,
    });
    let end = new ThrottledPtyEnd(pty.b, 8000);
    printer.attach(end);
    const transport = new ReconnectingTransport(
      new SerialTransport(`serial:${pty.a}?baud=57600`, pty.a, 57600),
      { initialDelayMs: 50, maxDelayMs: 300 },
    );
    await transport.open();
    const profile = loadPrinterProfile('epson-tm-t82');
    const outcomes: JobOutcome[] = [];
    const attempts: AttemptFailure[] = [];
    const queue = new PrintQueue({
      link: new PrinterLink(transport, { statusTimeoutMs: 500 }),
      // Raster tickets are about 17 KB: long enough on the wire to pull the plug halfway.
      encode: (data) => encodeTicket(data, { profile, thai: { mode: 'raster' } }),
      onSettled: (o) => outcomes.push(o),
      onAttemptFailed: (a) => attempts.push(a),
      pollIntervalMs: 100,
      giveUpAfterMs: 30_000,
    });

    queue.enqueue({ id: 't1', data: sampleTicket({ id: 't1', number: 'A001' }) });
    await until(() => outcomes.length === 1, 15_000, 'the first ticket');

    queue.enqueue({ id: 't2', data: sampleTicket({ id: 't2', number: 'A002' }) });
    queue.enqueue({ id: 't3', data: sampleTicket({ id: 't3', number: 'A003' }) });
    await new Promise((r) => setTimeout(r, 400));
    await pty.kill();
    await until(() => attempts.length > 0, 5000, 'the failed attempt');
    expect(attempts[0]).toMatchObject({ jobId: 't2', attempt: 1 });
    expect(attempts[0]!.reason).toMatch(/^(transport_error|printer_offline)/);

    await new Promise((r) => setTimeout(r, 300));
    await pty.restart();
    end.destroy();
    end = new ThrottledPtyEnd(pty.b, 200_000);
    printer.attach(end);
    await queue.whenIdle();

    expect(outcomes).toEqual([
      { jobId: 't1', outcome: 'printed', attempts: 1, reprint: false },
      { jobId: 't2', outcome: 'printed', attempts: 2, reprint: true },
      { jobId: 't3', outcome: 'printed', attempts: 1, reprint: false },
    ]);
    const complete = printer.tickets.filter((t) => t.complete);
    expect(complete).toHaveLength(3);
    // Raster tickets carry the number as native text: read it back from the decoded lines.
    expect(
      complete.map((t) => t.lines.map((l) => l.trim()).find((l) => /^A\d{3}$/.test(l))),
    ).toEqual(['A001', 'A002', 'A003']);
    expect(complete.map((t) => t.rasters > 0)).toEqual([true, true, true]);
    // The reprint's REPRINT line is drawn (it has Thai), so it is one more raster than a first print.
    expect(complete[1]!.rasters).toBe(complete[0]!.rasters + 1);
    expect(printer.tickets.filter((t) => !t.complete)).toHaveLength(1);
    expect(REPRINT_LINE).toMatch(/REPRINT/);

    await queue.stop();
    await transport.close();
    end.destroy();
    await printer.close();
    await pty.kill();
  });
});
