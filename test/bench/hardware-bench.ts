/**
 * Hardware figures for `npm run bench` (issue 3, "Performance"): the size of
 * one ticket in text and raster mode and its time on a serial wire. Each
 * figure's baseline is measured in the same run from the same ticket:
 *   text:   the same ticket with its Thai sent as UTF-8 (what a naive driver sends, and prints as garbage);
 *   raster: the same ticket with every line drawn, the number and English too.
 * issue_to_last_byte_p99_ms_{text,raster}: a real server, agent and virtual printer
 * (issue-to-last-byte.ts); baseline: encoding the same ticket alone.
 */
import { DEFAULT_OFFICE } from '../../server/core/default-office.ts';
import type { TicketPrintData } from '../../hardware/printer/ticket-print-data.ts';
import { encodeTicket } from '../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile, type PrinterProfile } from '../../hardware/printer/printer-profile.ts';
import { layoutTicket } from '../../hardware/printer/ticket-layout.ts';
import { encodeTis620 } from '../../hardware/printer/tis620.ts';
import { rasterizeLine } from '../../hardware/printer/thai-raster.ts';
import {
  cutBytes,
  initializeBytes,
  qrBytes,
  rasterImageBytes,
} from '../../hardware/printer/escpos-commands.ts';
import { measureIssueToLastByte } from './issue-to-last-byte.ts';

type Figure = { name: string; value: number; unit: string; baseline: number | null };

function benchTicket(): TicketPrintData {
  const service = DEFAULT_OFFICE.services[0]!;
  return {
    officeName: DEFAULT_OFFICE.officeName,
    service: {
      code: service.code,
      name: service.name,
      standardMinutes: service.steps.reduce((s, x) => s + x.minutes, 0),
      steps: service.steps,
    },
    ticket: {
      id: '01JQ8ZK3M4',
      number: 'A012',
      priority: null,
      issuedAt: '2026-03-05T09:12:00.000+07:00',
    },
    ahead: 3,
    estimatedWaitMinutes: 15,
    statusUrl: 'http://192.168.1.10:8080/t/01JQ8ZK3M4',
    reprint: false,
    complaintChannel: 'โทร 0 7400 0000',
  };
}

/** Bytes of the text ticket if every Thai character went out as UTF-8 (three bytes) instead of TIS-620 (one). */
function utf8TextBytes(data: TicketPrintData, profile: PrinterProfile, tisBytes: number): number {
  let extra = 0;
  for (const line of layoutTicket(data, { columns: profile.columns })) {
    if (line.kind === 'text')
      extra += Buffer.byteLength(line.text, 'utf8') - encodeTis620(line.text).length;
  }
  return tisBytes + extra;
}

/** Bytes of the ticket with every text line drawn as a picture, the number included. */
function allRasterBytes(data: TicketPrintData, profile: PrinterProfile): number {
  let total = initializeBytes(profile.columns).length;
  for (const line of layoutTicket(data, { columns: profile.columns })) {
    if (line.kind === 'text') {
      const image = rasterizeLine(line.text, {
        maxWidthDots: profile.printWidthDots,
        fontPx: 24 * line.size,
        bold: line.bold,
      });
      total += rasterImageBytes(profile.columns, image, line.align).length;
    } else if (line.kind === 'qr') total += qrBytes(profile.columns, line.data, 6).length;
    else if (line.kind === 'blank') total += 1;
    else total += 3 + cutBytes(profile.columns).length;
  }
  return total;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** 8N1 serial: ten bits per byte. */
const wireMs = (bytes: number, baud: number): number =>
  Math.round(((bytes * 10) / baud) * 1000 * 10) / 10;

export async function runHardwareBench(options: { issueTickets?: number } = {}): Promise<Figure[]> {
  const profile = loadPrinterProfile('epson-tm-t82');
  const data = benchTicket();
  const text = encodeTicket(data, { profile, thai: { mode: 'text', codepage: 21 } }).length;
  const raster = encodeTicket(data, { profile, thai: { mode: 'raster' } }).length;
  const textBaseline = utf8TextBytes(data, profile, text);
  const rasterBaseline = allRasterBytes(data, profile);
  const figures: Figure[] = [
    { name: 'ticket_bytes_text', value: text, unit: 'B', baseline: textBaseline },
    { name: 'ticket_bytes_raster', value: raster, unit: 'B', baseline: rasterBaseline },
  ];
  for (const baud of [9600, 115200]) {
    figures.push({
      name: `ticket_wire_ms_text_${baud}`,
      value: wireMs(text, baud),
      unit: 'ms',
      baseline: wireMs(textBaseline, baud),
    });
    figures.push({
      name: `ticket_wire_ms_raster_${baud}`,
      value: wireMs(raster, baud),
      unit: 'ms',
      baseline: wireMs(rasterBaseline, baud),
    });
  }
  for (const mode of ['text', 'raster'] as const) {
    const { p99Ms, encodeP99Ms } = await measureIssueToLastByte(mode, options.issueTickets ?? 100);
    figures.push({
      name: `issue_to_last_byte_p99_ms_${mode}`,
      value: round2(p99Ms),
      unit: 'ms',
      baseline: round2(encodeP99Ms),
    });
  }
  return figures;
}
