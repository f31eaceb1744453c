import type { PrinterProfile, ResolvedThai } from './printer-profile.ts';
import type { TicketLine, TextLine } from './ticket-layout.ts';
import {
  characterSize,
  cutBytes,
  emphasis,
  feedLines,
  initializeBytes,
  LF,
  qrBytes,
  rasterImageBytes,
  selectCodePage,
} from './escpos-commands.ts';
import { centrePadding } from './thai-cells.ts';
import { encodeTis620, isTis620Encodable } from './tis620.ts';
import { containsThai } from './thai-cells.ts';
import { rasterizeLine } from './thai-raster.ts';

/*
 * Turns a laid-out ticket into ESC/POS bytes for one printer profile.
 * In text mode every line is TIS-620 under the profile's Thai code page,
 * selected once. In raster mode a line with Thai (or anything else TIS-620
 * cannot carry) becomes a picture; Latin lines, the number and the QR code
 * stay native text, which is what keeps a raster ticket small.
 */

/** Feed before the cut so the last line clears the cutter blade. */
const FEED_BEFORE_CUT = 4;

class ByteSink {
  private readonly chunks: Uint8Array[] = [];
  private size: 1 | 2 | 3 | 4 = 1;
  private bold = false;

  push(bytes: ArrayLike<number>): void {
    this.chunks.push(bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes));
  }

  /** Emits GS ! and ESC E only when they change: each costs 3 bytes, on every line. */
  style(size: 1 | 2 | 3 | 4, bold: boolean): void {
    if (size !== this.size) this.push(characterSize(size, size));
    if (bold !== this.bold) this.push(emphasis(bold));
    this.size = size;
    this.bold = bold;
  }

  bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

function needsRaster(line: TextLine, thai: ResolvedThai): boolean {
  if (thai.mode === 'text') return false;
  return containsThai(line.text) || !isTis620Encodable(line.text);
}

function textLineBytes(sink: ByteSink, line: TextLine, columns: number): void {
  sink.style(line.size, line.bold);
  const width = Math.floor(columns / line.size);
  // Centre by cells: the padding spaces print at the line's own magnification.
  const pad = line.align === 'centre' ? centrePadding(line.text, width) : 0;
  sink.push(encodeTis620(' '.repeat(pad) + line.text));
  sink.push([LF]);
}

function rasterLineBytes(sink: ByteSink, line: TextLine, profile: PrinterProfile): void {
  sink.style(1, false);
  const image = rasterizeLine(line.text, {
    maxWidthDots: profile.printWidthDots,
    fontPx: 24 * line.size,
    bold: line.bold,
  });
  sink.push(rasterImageBytes(profile.columns, image, line.align));
}

/** The QR module size that keeps a status URL comfortably scannable on each paper width. */
function qrModuleDots(profile: PrinterProfile): number {
  return profile.paperWidthMm >= 80 ? 6 : 5;
}

/** Encodes a laid-out ticket for `profile` with Thai drawn as `thai` says. */
export function encodeTicketLines(
  lines: TicketLine[],
  profile: PrinterProfile,
  thai: ResolvedThai,
): Uint8Array {
  const sink = new ByteSink();
  const { columns } = profile;
  sink.push(initializeBytes(columns));
  if (thai.mode === 'text') sink.push(selectCodePage(thai.codepage));
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        if (needsRaster(line, thai)) rasterLineBytes(sink, line, profile);
        else textLineBytes(sink, line, columns);
        break;
      case 'blank':
        sink.style(1, false);
        sink.push([LF]);
        break;
      case 'qr':
        sink.style(1, false);
        sink.push(qrBytes(columns, line.data, qrModuleDots(profile)));
        break;
      case 'cut':
        sink.style(1, false);
        sink.push(feedLines(FEED_BEFORE_CUT));
        sink.push(cutBytes(columns));
        break;
    }
  }
  return sink.bytes();
}
