import { open, type FileHandle } from 'node:fs/promises';
import type { Transport } from './transport.ts';
import { TransportEvents } from './transport.ts';
import { HardwareError } from '../hardware-error.ts';

/**
 * A Linux USB printer-class device (/dev/usb/lpN) or any file, written with
 * fs. The usblp driver needs no libusb. It is treated as write-only: status
 * comes back through it on some printers only, so the print queue assumes a
 * printer behind a file is ready and learns of trouble from failed writes.
 */
export class FileTransport implements Transport {
  readonly readable = false;
  private handle: FileHandle | null = null;
  private readonly events = new TransportEvents();

  constructor(
    readonly uri: string,
    private readonly path: string,
  ) {}

  get isOpen(): boolean {
    return this.handle !== null;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    try {
      // 'a' so a regular file used as a spool is appended to, and a device is simply written.
      this.handle = await open(this.path, 'a');
    } catch (err) {
      throw new HardwareError(
        'transport_open_failed',
        `cannot open ${this.uri}: ${(err as Error).message}`,
      );
    }
  }

  async write(bytes: Uint8Array): Promise<void> {
    const handle = this.handle;
    if (!handle) throw new HardwareError('transport_closed', `${this.uri} is not open`);
    try {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset);
        offset += bytesWritten;
      }
    } catch (err) {
      // The device node disappears when the printer is unplugged: drop the handle and say so.
      this.handle = null;
      await handle.close().catch(() => undefined);
      const reason = new HardwareError(
        'transport_write_failed',
        `${this.uri}: ${(err as Error).message}`,
      );
      this.events.emitLost(reason);
      throw reason;
    }
  }

  async close(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onLost(listener: (reason: Error) => void): () => void {
    return this.events.onLost(listener);
  }
}
