import { decodeTis620 } from '../printer/tis620.ts';

/*
 * Reads an ESC/POS byte stream back into what a printer would do with it.
 * The virtual printer renders from these events and the tests assert on
 * them, so a ticket is checked by decoding, not by comparing snapshots.
 * Bytes arrive in arbitrary pieces (TCP, serial), so an incomplete command
 * waits in the buffer for the rest.
 */

export type Align = 'left' | 'centre' | 'right';

export type EscPosEvent =
  | { type: 'initialize' }
  | { type: 'codepage'; page: number }
  | {
      type: 'text';
      text: string;
      bytes: Uint8Array;
      codepage: number;
      width: number;
      height: number;
      bold: boolean;
      align: Align;
    }
  | { type: 'feed'; lines: number }
  | {
      type: 'raster';
      /** In printed dots: GS v 0's double-width/height modes are already applied to `dots`. */
      width: number;
      height: number;
      /** one byte per dot, 1 = black */ dots: Uint8Array;
      align: Align;
      /** Printed dots per bit sent, each way (GS v 0 m: 0 normal, 1 double width, 2 double height, 3 both). */
      dotScale: { x: 1 | 2; y: 1 | 2 };
    }
  | { type: 'qr'; data: string; moduleSize: number; errorLevel: string; align: Align }
  | { type: 'cut'; partial: boolean }
  | { type: 'status-request'; n: number }
  | { type: 'asb'; enabled: boolean }
  | { type: 'unknown'; bytes: Uint8Array };

export interface DecoderOptions {
  /** Code pages whose upper half is TIS-620 Thai. Under any other page, bytes >= 0x80 decode as U+FFFD. */
  thaiCodepages: ReadonlySet<number>;
}

/** Thai pages of the profiles we ship and of common firmwares (Epson 21 = Thai 11; Xprinter-class 30, 70, 96, 255). */
export const DEFAULT_THAI_CODEPAGES: ReadonlySet<number> = new Set([21, 26, 30, 70, 96, 255]);

const NEED_MORE = -1;

export class EscPosDecoder {
  private buffer = new Uint8Array(0);
  private line: number[] = [];
  private codepage = 0;
  private width = 1;
  private height = 1;
  private bold = false;
  private align: Align = 'left';
  private qr = { data: '', moduleSize: 3, errorLevel: 'L' };

  constructor(
    private readonly options: DecoderOptions = { thaiCodepages: DEFAULT_THAI_CODEPAGES },
  ) {}

  /** Feeds bytes; returns the events completed by them. */
  push(chunk: Uint8Array): EscPosEvent[] {
    const joined = new Uint8Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    const events: EscPosEvent[] = [];
    let i = 0;
    while (i < joined.length) {
      const used = this.command(joined, i, events);
      if (used === NEED_MORE) break;
      i += used;
    }
    this.buffer = joined.slice(i);
    return events;
  }

  /** Text still waiting for its line feed. */
  get pendingText(): string {
    return this.decode(Uint8Array.from(this.line));
  }

  private decode(bytes: Uint8Array): string {
    if (this.options.thaiCodepages.has(this.codepage)) return decodeTis620(bytes);
    return Array.from(bytes, (b) => (b < 0x80 ? String.fromCharCode(b) : '\ufffd')).join('');
  }

  private flushLine(events: EscPosEvent[]): void {
    const bytes = Uint8Array.from(this.line);
    this.line = [];
    events.push({
      type: 'text',
      text: this.decode(bytes),
      bytes,
      codepage: this.codepage,
      width: this.width,
      height: this.height,
      bold: this.bold,
      align: this.align,
    });
  }

  private flushIfPending(events: EscPosEvent[]): void {
    if (this.line.length > 0) this.flushLine(events);
  }

  /** Decodes one command at `i`; returns its length, or NEED_MORE. */
  private command(b: Uint8Array, i: number, events: EscPosEvent[]): number {
    const at = (k: number): number | undefined => b[i + k];
    const need = (n: number): boolean => i + n > b.length;
    const c = b[i]!;
    if (c === 0x0a) {
      this.flushLine(events);
      return 1;
    }
    if (c === 0x0d) return 1; // CR: ESC/POS printers print on LF
    if (c >= 0x20 || c === 0x09) {
      this.line.push(c === 0x09 ? 0x20 : c);
      return 1;
    }
    if (c === 0x10) {
      if (need(3)) return NEED_MORE;
      if (at(1) === 0x04) {
        events.push({ type: 'status-request', n: at(2)! });
        return 3;
      }
      return this.unknown(b, i, 3, events);
    }
    if (c === 0x1c) {
      if (need(2)) return NEED_MORE;
      return 2; // FS . / FS & : Kanji mode on or off, nothing to print
    }
    if (c === 0x1b) return this.esc(b, i, events);
    if (c === 0x1d) return this.gs(b, i, events);
    return this.unknown(b, i, 1, events);
  }

  private esc(b: Uint8Array, i: number, events: EscPosEvent[]): number {
    if (i + 2 > b.length) return NEED_MORE;
    const op = b[i + 1]!;
    const withArg = (n: number): number => (i + n > b.length ? NEED_MORE : n);
    switch (op) {
      case 0x40: // ESC @
        this.line = [];
        this.codepage = 0;
        this.width = this.height = 1;
        this.bold = false;
        this.align = 'left';
        events.push({ type: 'initialize' });
        return 2;
      case 0x32: // ESC 2 default line spacing
        return 2;
      case 0x74: {
        // ESC t n
        const len = withArg(3);
        if (len !== NEED_MORE) {
          this.codepage = b[i + 2]!;
          events.push({ type: 'codepage', page: this.codepage });
        }
        return len;
      }
      case 0x45: {
        const len = withArg(3);
        if (len !== NEED_MORE) this.bold = (b[i + 2]! & 1) === 1;
        return len;
      }
      case 0x61: {
        const len = withArg(3);
        if (len !== NEED_MORE) {
          const n = b[i + 2]! % 0x30;
          this.flushIfPending(events);
          this.align = n === 1 ? 'centre' : n === 2 ? 'right' : 'left';
        }
        return len;
      }
      case 0x64: {
        const len = withArg(3);
        if (len !== NEED_MORE) {
          this.flushIfPending(events);
          events.push({ type: 'feed', lines: b[i + 2]! });
        }
        return len;
      }
      case 0x4d: // ESC M font
      case 0x33: // ESC 3 line spacing
      case 0x2d: // ESC - underline
      case 0x34: // ESC 4 italic (Star)
      case 0x21: // ESC ! print mode
      case 0x4a: // ESC J feed dots
        return withArg(3);
      case 0x24: // ESC $ absolute position
        return withArg(4);
      case 0x70: // ESC p drawer pulse
        return withArg(5);
      default:
        return this.unknown(b, i, 2, events);
    }
  }

  private gs(b: Uint8Array, i: number, events: EscPosEvent[]): number {
    if (i + 2 > b.length) return NEED_MORE;
    const op = b[i + 1]!;
    const withArg = (n: number): number => (i + n > b.length ? NEED_MORE : n);
    switch (op) {
      case 0x21: {
        // GS ! n
        const len = withArg(3);
        if (len !== NEED_MORE) {
          const n = b[i + 2]!;
          this.width = (n >> 4) + 1;
          this.height = (n & 0x0f) + 1;
        }
        return len;
      }
      case 0x56: {
        // GS V m [n]
        if (i + 3 > b.length) return NEED_MORE;
        const m = b[i + 2]!;
        const len = m >= 65 ? withArg(4) : 3;
        if (len !== NEED_MORE) {
          this.flushIfPending(events);
          events.push({ type: 'cut', partial: m === 1 || m === 49 || m === 66 });
        }
        return len;
      }
      case 0x61: {
        // GS a n: Automatic Status Back
        const len = withArg(3);
        if (len !== NEED_MORE) events.push({ type: 'asb', enabled: b[i + 2] !== 0 });
        return len;
      }
      case 0x28: {
        // GS ( k pL pH ...
        if (i + 5 > b.length) return NEED_MORE;
        const size = b[i + 3]! | (b[i + 4]! << 8);
        if (i + 5 + size > b.length) return NEED_MORE;
        if (b[i + 2] === 0x6b) this.symbol(b.subarray(i + 5, i + 5 + size), events);
        return 5 + size;
      }
      case 0x76: {
        // GS v 0 m xL xH yL yH data; m (0..3 or 48..51) doubles width (bit 0) and height (bit 1).
        if (i + 8 > b.length) return NEED_MORE;
        const mode = b[i + 3]! & 0x03;
        const widthBytes = b[i + 4]! | (b[i + 5]! << 8);
        const rows = b[i + 6]! | (b[i + 7]! << 8);
        const size = widthBytes * rows;
        if (i + 8 + size > b.length) return NEED_MORE;
        this.flushIfPending(events);
        const packed = b.subarray(i + 8, i + 8 + size);
        const dotScale = { x: mode & 1 ? 2 : 1, y: mode & 2 ? 2 : 1 } as const;
        const sent = widthBytes * 8;
        const width = sent * dotScale.x;
        const height = rows * dotScale.y;
        const dots = new Uint8Array(width * height);
        for (let y = 0; y < height; y++) {
          const row = Math.floor(y / dotScale.y) * sent;
          for (let x = 0; x < width; x++) {
            const k = row + Math.floor(x / dotScale.x);
            dots[y * width + x] = (packed[k >> 3]! >> (7 - (k & 7))) & 1;
          }
        }
        events.push({ type: 'raster', width, height, dots, align: this.align, dotScale });
        return 8 + size;
      }
      case 0x42: // GS B reverse
      case 0x68: // GS h barcode height
      case 0x77: // GS w barcode width
      case 0x48: // GS H HRI
      case 0x72: // GS r status
        return withArg(3);
      case 0x50: // GS P motion units
        return withArg(4);
      default:
        return this.unknown(b, i, 2, events);
    }
  }

  /** GS ( k with cn = 49 (QR code): remembers settings and data, emits on print. */
  private symbol(body: Uint8Array, events: EscPosEvent[]): void {
    const cn = body[0];
    const fn = body[1];
    if (cn !== 0x31) return;
    if (fn === 0x43) this.qr.moduleSize = body[2] ?? 3;
    else if (fn === 0x45) this.qr.errorLevel = 'LMQH'[(body[2] ?? 0x30) - 0x30] ?? 'L';
    else if (fn === 0x50) this.qr.data = Buffer.from(body.subarray(3)).toString('latin1');
    else if (fn === 0x51) {
      this.flushIfPending(events);
      events.push({
        type: 'qr',
        data: this.qr.data,
        moduleSize: this.qr.moduleSize,
        errorLevel: this.qr.errorLevel,
        align: this.align,
      });
    }
  }

  private unknown(b: Uint8Array, i: number, length: number, events: EscPosEvent[]): number {
    if (i + length > b.length) return NEED_MORE;
    events.push({ type: 'unknown', bytes: b.slice(i, i + length) });
    return length;
  }
}
