import { SerialPort } from 'serialport';
import type { Transport } from './transport.ts';
import { TransportEvents } from './transport.ts';
import { HardwareError } from '../hardware-error.ts';

/** An RS-232 / USB-serial device through serialport 13. */
export class SerialTransport implements Transport {
  readonly readable = true;
  private port: SerialPort | null = null;
  private readonly events = new TransportEvents();
  private closing = false;

  constructor(
    readonly uri: string,
    private readonly path: string,
    private readonly baudRate: number,
  ) {}

  /** 8N1: ten bits on the wire per byte. */
  get bytesPerSecond(): number {
    return this.baudRate / 10;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.closing = false;
    return new Promise((resolve, reject) => {
      const port = new SerialPort({ path: this.path, baudRate: this.baudRate, autoOpen: false });
      port.open((err) => {
        if (err) {
          reject(
            new HardwareError('transport_open_failed', `cannot open ${this.uri}: ${err.message}`),
          );
          return;
        }
        this.port = port;
        port.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
        let lastError: Error | null = null;
        port.on('error', (e: Error) => (lastError = e));
        port.on('close', (e?: Error) => {
          if (this.port === port) this.port = null;
          if (!this.closing)
            this.events.emitLost(e ?? lastError ?? new Error(`${this.uri} closed`));
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const port = this.port;
    if (!port || !port.isOpen)
      return Promise.reject(new HardwareError('transport_closed', `${this.uri} is not open`));
    return new Promise((resolve, reject) => {
      let settled = false;
      const settle = (err: Error | null | undefined): void => {
        if (settled) return;
        settled = true;
        port.off('close', onClose);
        if (err) reject(new HardwareError('transport_write_failed', `${this.uri}: ${err.message}`));
        else resolve();
      };
      // A port that vanishes mid-write may never call back: its close ends the write.
      const onClose = (): void => settle(new Error('port closed during write'));
      port.once('close', onClose);
      port.write(Buffer.from(bytes), (err) => {
        if (err) settle(err);
      });
      // drain waits until the OS has taken every byte; at 9,600 baud that is the wire time.
      port.drain((err) => settle(err));
    });
  }

  close(): Promise<void> {
    this.closing = true;
    const port = this.port;
    this.port = null;
    if (!port || !port.isOpen) return Promise.resolve();
    return new Promise((resolve) => port.close(() => resolve()));
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onLost(listener: (reason: Error) => void): () => void {
    return this.events.onLost(listener);
  }
}
