import { connect, type Socket } from 'node:net';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VirtualPrinter, type PrintedTicket } from '../../hardware/virtual/virtual-printer.ts';
import { parseStationConfig, DEFAULT_PRINTED_PNGS } from '../../hardware/agent/station-config.ts';
import { until } from './printer-rig.ts';

/** ESC @, a centred number, feed, full cut: one small ticket. */
const ticketBytes = (number: string): Buffer =>
  Buffer.concat([
    Buffer.from([0x1b, 0x40, 0x1b, 0x61, 0x01]),
    Buffer.from(`${number}\n\n`, 'latin1'),
    Buffer.from([0x1d, 0x56, 0x00]),
  ]);

const pngsIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort();

describe('the virtual printer over a long day', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function printerOn(options: { keepPngs?: number; keepTickets?: number; outDir?: string }) {
    const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'khiu-vp-'));
    cleanups.push(() => rmSync(outDir, { recursive: true, force: true }));
    const printer = new VirtualPrinter({ ...options, outDir });
    const port = await printer.listen(0);
    cleanups.push(() => printer.close());
    const socket: Socket = connect(port, '127.0.0.1');
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    cleanups.push(() => void socket.destroy());
    const seen: PrintedTicket[] = [];
    printer.onTicket((ticket) => seen.push(ticket));
    const print = async (numbers: string[]) => {
      const before = seen.length;
      for (const number of numbers) socket.write(ticketBytes(number));
      await until(() => seen.length === before + numbers.length, 10_000, 'the tickets');
      await printer.flush();
    };
    return { printer, outDir, seen, print };
  }

  it('keeps only the most recent PNGs on disk, as many as it is told', async () => {
    const { outDir, print } = await printerOn({ keepPngs: 3 });
    await print(['A001', 'A002', 'A003', 'A004', 'A005']);
    expect(pngsIn(outDir)).toEqual(['ticket-0003.png', 'ticket-0004.png', 'ticket-0005.png']);
  });

  it('counts the PNGs an earlier run left against the limit and never overwrites them', async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'khiu-vp-'));
    writeFileSync(join(outDir, 'ticket-0001.png'), 'earlier run');
    writeFileSync(join(outDir, 'ticket-0002-partial.png'), 'earlier run');
    writeFileSync(join(outDir, 'notes.txt'), 'not a ticket');
    const { print } = await printerOn({ keepPngs: 3, outDir });
    await print(['B001', 'B002']);
    expect(pngsIn(outDir)).toEqual([
      'ticket-0002-partial.png',
      'ticket-0003.png',
      'ticket-0004.png',
    ]);
    expect(existsSync(join(outDir, 'notes.txt'))).toBe(true);
  });

  it('keeps no printed ticket in memory when told to keep none, and still reports each one', async () => {
    const { printer, seen, print } = await printerOn({ keepTickets: 0, keepPngs: 0 });
    await print(['C001', 'C002', 'C003']);
    expect(printer.tickets).toEqual([]);
    expect(seen.map((ticket) => [ticket.seq, ticket.lines.map((l) => l.trim())[0]])).toEqual([
      [1, 'C001'],
      [2, 'C002'],
      [3, 'C003'],
    ]);
  });

  it('holds only the most recent printed tickets it is told to keep', async () => {
    const { printer, print, outDir } = await printerOn({ keepTickets: 2, keepPngs: 0 });
    await print(['D001', 'D002', 'D003']);
    expect(printer.tickets.map((ticket) => ticket.seq)).toEqual([2, 3]);
    expect(pngsIn(outDir)).toEqual([]);
  });

  it('takes the number of PNGs to keep from the station config, 200 unless it says', () => {
    const base = { station: 'kiosk-1', server: 'http://127.0.0.1:8080' };
    expect(parseStationConfig(base).printedPngs).toBe(DEFAULT_PRINTED_PNGS);
    expect(DEFAULT_PRINTED_PNGS).toBe(200);
    expect(parseStationConfig({ ...base, printedPngs: 20 }).printedPngs).toBe(20);
    expect(() => parseStationConfig({ ...base, printedPngs: -1 })).toThrow(/printedPngs/);
  });
});
