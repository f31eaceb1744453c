/*
 * What a printer says about itself. ESC/POS printers answer DLE EOT n with
 * one byte per query (n = 1 printer, 2 offline cause, 3 error cause, 4 roll
 * paper), and, once Automatic Status Back is enabled (GS a n), send four
 * bytes on every change. Both can arrive interleaved and in pieces on a
 * serial line, so the reader accumulates bytes and only reports whole answers.
 */

export type PrinterState = 'online' | 'paperNearEnd' | 'paperOut' | 'coverOpen' | 'offline';

export interface PrinterStatus {
  /** The one word a manager sees; printing is possible in 'online' and 'paperNearEnd'. */
  state: PrinterState;
  paperNearEnd: boolean;
  paperOut: boolean;
  coverOpen: boolean;
  /** The printer says it is offline, or it did not answer at all. */
  offline: boolean;
  /** The printer reports a cutter, mechanical or other error. */
  error: boolean;
}

export const DLE = 0x10;
export const EOT = 0x04;

/** DLE EOT n: real-time status request, answered even while the printer is busy or offline. */
export const statusRequest = (n: 1 | 2 | 3 | 4): number[] => [DLE, EOT, n];
/** GS a n: enable Automatic Status Back for drawer, online, error and paper changes. */
export const enableAutomaticStatusBack = (): number[] => [0x1d, 0x61, 0x0f];

export function canPrint(status: PrinterStatus): boolean {
  return status.state === 'online' || status.state === 'paperNearEnd';
}

export function statusOf(flags: Omit<PrinterStatus, 'state'>): PrinterStatus {
  const state: PrinterState = flags.coverOpen
    ? 'coverOpen'
    : flags.paperOut
      ? 'paperOut'
      : flags.offline || flags.error
        ? 'offline'
        : flags.paperNearEnd
          ? 'paperNearEnd'
          : 'online';
  return { state, ...flags };
}

export const UNREACHABLE: PrinterStatus = statusOf({
  paperNearEnd: false,
  paperOut: false,
  coverOpen: false,
  offline: true,
  error: false,
});

/** A DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear. */
const isStatusReply = (b: number): boolean => (b & 0x93) === 0x12;
/** The first byte of an ASB message has bit 4 set and bits 0, 1 and 7 clear. */
const isAsbHeader = (b: number): boolean => (b & 0x93) === 0x10;

type Answers = Partial<Record<1 | 2 | 3 | 4, number>>;

/** Reads status from bytes as they arrive. Queries are announced with `expect` in the order they were sent. */
export class PrinterStatusReader {
  private readonly pending: Array<1 | 2 | 3 | 4> = [];
  private asb: number[] | null = null;
  private answers: Answers = {};
  private readonly listeners = new Set<(status: PrinterStatus, source: 'query' | 'asb') => void>();

  /** Notes that DLE EOT n was written, so the next status byte answers it. */
  expect(n: 1 | 2 | 3 | 4): void {
    this.pending.push(n);
  }

  /** Forgets queries that will never be answered (after a timeout or a reconnect). */
  reset(): void {
    this.pending.length = 0;
    this.asb = null;
    this.answers = {};
  }

  get waiting(): number {
    return this.pending.length;
  }

  onStatus(listener: (status: PrinterStatus, source: 'query' | 'asb') => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  push(chunk: Uint8Array): void {
    for (const b of chunk) this.pushByte(b);
  }

  private pushByte(b: number): void {
    if (this.asb) {
      this.asb.push(b);
      if (this.asb.length === 4) {
        const [b1, b2, b3] = this.asb as [number, number, number, number];
        this.asb = null;
        this.emit(
          statusOf({
            offline: (b1 & 0x08) !== 0,
            coverOpen: (b1 & 0x20) !== 0,
            error: (b2 & 0x6c) !== 0,
            paperNearEnd: (b3 & 0x03) !== 0,
            paperOut: (b3 & 0x0c) !== 0,
          }),
          'asb',
        );
      }
      return;
    }
    if (isStatusReply(b) && this.pending.length > 0) {
      const n = this.pending.shift()!;
      this.answers[n] = b;
      if (this.pending.length === 0) {
        const a = this.answers;
        this.answers = {};
        this.emit(statusFromAnswers(a), 'query');
      }
      return;
    }
    if (isAsbHeader(b)) {
      this.asb = [b];
      return;
    }
    // Anything else is line noise or XON/XOFF flow control; it carries no status.
  }

  private emit(status: PrinterStatus, source: 'query' | 'asb'): void {
    for (const l of this.listeners) l(status, source);
  }
}

/** Decodes a set of DLE EOT answers (Epson's bit layout, which the clones copy). */
export function statusFromAnswers(a: Answers): PrinterStatus {
  const printer = a[1] ?? 0x12;
  const offlineCause = a[2] ?? 0x12;
  const errorCause = a[3] ?? 0x12;
  const paper = a[4] ?? 0x12;
  return statusOf({
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (offlineCause & 0x20) !== 0 || (paper & 0x60) !== 0,
    paperNearEnd: (paper & 0x0c) !== 0,
    error: (offlineCause & 0x40) !== 0 || (errorCause & 0x68) !== 0,
  });
}
