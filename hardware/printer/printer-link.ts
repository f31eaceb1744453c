import type { Transport } from '../transport/transport.ts';
import {
  PrinterStatusReader,
  UNREACHABLE,
  statusOf,
  statusRequest,
  type PrinterStatus,
} from './printer-status.ts';

export interface PrinterLinkOptions {
  /** How long a printer may take to answer DLE EOT before it counts as offline. */
  statusTimeoutMs?: number;
}

const ONLINE_ASSUMED: PrinterStatus = statusOf({
  paperNearEnd: false,
  paperOut: false,
  coverOpen: false,
  offline: false,
  error: false,
});
const QUERIES = [1, 2, 3, 4] as const;

/**
 * A printer on a transport: writes bytes and asks for status. Status
 * queries go one at a time, because the answers carry no tag saying which
 * question they answer; a printer that stays silent is reported offline.
 */
export class PrinterLink {
  readonly reader = new PrinterStatusReader();
  private readonly statusTimeoutMs: number;
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly transport: Transport,
    options: PrinterLinkOptions = {},
  ) {
    this.statusTimeoutMs = options.statusTimeoutMs ?? 1500;
    transport.onData((chunk) => this.reader.push(chunk));
  }

  write(bytes: Uint8Array): Promise<void> {
    return this.transport.write(bytes);
  }

  /**
   * How long `bytes` take on the wire. A status request written after a
   * ticket reaches the printer only after the ticket, so its answer is late
   * by this much on a slow serial line (17 KB at 9,600 baud: 18 s).
   */
  wireTimeMs(bytes: number): number {
    const rate = this.transport.bytesPerSecond;
    return rate ? Math.ceil((bytes / rate) * 1000) : 0;
  }

  /**
   * Asks DLE EOT 1..4 and resolves with what the printer says, or offline
   * after the timeout (plus `behindBytes` of wire time still queued ahead of the request).
   */
  queryStatus(behindBytes = 0): Promise<PrinterStatus> {
    const next = this.chain.then(() =>
      this.queryNow(this.statusTimeoutMs + this.wireTimeMs(behindBytes)),
    );
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async queryNow(timeoutMs: number): Promise<PrinterStatus> {
    if (!this.transport.isOpen) return UNREACHABLE;
    // A device file cannot answer; trouble shows up as a failed write instead.
    if (!this.transport.readable) return ONLINE_ASSUMED;
    this.reader.reset();
    return new Promise<PrinterStatus>((resolve) => {
      let done = false;
      const finish = (status: PrinterStatus): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        off();
        if (status === UNREACHABLE) this.reader.reset();
        resolve(status);
      };
      const off = this.reader.onStatus((status, source) => {
        if (source === 'query') finish(status);
      });
      const timer = setTimeout(() => finish(UNREACHABLE), timeoutMs);
      for (const n of QUERIES) this.reader.expect(n);
      this.transport
        .write(Uint8Array.from(QUERIES.flatMap((n) => statusRequest(n))))
        .catch(() => finish(UNREACHABLE));
    });
  }
}
