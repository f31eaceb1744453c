/*
 * One small interface for every wire a device hangs on. Drivers (printer,
 * display, buttons) see only this; a port that vanishes and comes back is
 * handled by ReconnectingTransport, not by each driver.
 */

export interface Transport {
  /** The URI it was made from, for logs and device status. */
  readonly uri: string;
  /** False for write-only device files: a printer behind one cannot report status. */
  readonly readable: boolean;
  readonly isOpen: boolean;
  /** Bytes per second the line carries, when it is slow enough to matter (serial); else undefined. */
  readonly bytesPerSecond?: number | undefined;
  open(): Promise<void>;
  /** Resolves once the bytes are handed to the OS; rejects if the port is gone. */
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  /** Bytes from the device. Returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
  /** The port closed without close() being called: unplugged, peer gone, I/O error. */
  onLost(listener: (reason: Error) => void): () => void;
}

/** Listener bookkeeping shared by the transports. */
export class TransportEvents {
  private readonly data = new Set<(chunk: Uint8Array) => void>();
  private readonly lost = new Set<(reason: Error) => void>();

  onData(listener: (chunk: Uint8Array) => void): () => void {
    this.data.add(listener);
    return () => this.data.delete(listener);
  }

  onLost(listener: (reason: Error) => void): () => void {
    this.lost.add(listener);
    return () => this.lost.delete(listener);
  }

  emitData(chunk: Uint8Array): void {
    for (const l of this.data) l(chunk);
  }

  emitLost(reason: Error): void {
    for (const l of this.lost) l(reason);
  }
}
