import { Socket } from 'node:net';
import type { Transport } from './transport.ts';
import { TransportEvents } from './transport.ts';
import { HardwareError } from '../hardware-error.ts';

/** Raw TCP to a network printer or display (port 9100 by convention). */
export class TcpTransport implements Transport {
  readonly readable = true;
  private socket: Socket | null = null;
  private readonly events = new TransportEvents();
  private closing = false;

  constructor(
    readonly uri: string,
    private readonly host: string,
    private readonly port: number,
    private readonly connectTimeoutMs = 3000,
  ) {}

  get isOpen(): boolean {
    return this.socket !== null && !this.socket.destroyed;
  }

  open(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    this.closing = false;
    return new Promise((resolve, reject) => {
      const socket = new Socket();
      socket.setNoDelay(true);
      const fail = (err: Error): void => {
        socket.destroy();
        reject(
          new HardwareError(
            'transport_open_failed',
            `cannot connect to ${this.uri}: ${err.message}`,
          ),
        );
      };
      socket.setTimeout(this.connectTimeoutMs, () => fail(new Error('timed out')));
      socket.once('error', fail);
      socket.connect(this.port, this.host, () => {
        socket.setTimeout(0);
        socket.off('error', fail);
        this.socket = socket;
        socket.on('data', (chunk: Buffer) => this.events.emitData(new Uint8Array(chunk)));
        // Errors are followed by 'close'; report the loss once, from 'close'.
        let lastError: Error | null = null;
        socket.on('error', (err) => (lastError = err));
        socket.on('close', () => {
          if (this.socket === socket) this.socket = null;
          if (!this.closing)
            this.events.emitLost(lastError ?? new Error(`${this.uri} closed by the peer`));
        });
        resolve();
      });
    });
  }

  write(bytes: Uint8Array): Promise<void> {
    const socket = this.socket;
    if (!socket || socket.destroyed)
      return Promise.reject(new HardwareError('transport_closed', `${this.uri} is not open`));
    return new Promise((resolve, reject) => {
      socket.write(bytes, (err) =>
        err
          ? reject(new HardwareError('transport_write_failed', `${this.uri}: ${err.message}`))
          : resolve(),
      );
    });
  }

  close(): Promise<void> {
    this.closing = true;
    const socket = this.socket;
    this.socket = null;
    if (!socket || socket.destroyed) return Promise.resolve();
    return new Promise((resolve) => {
      socket.once('close', () => resolve());
      socket.end();
      // A peer that never finishes its half of the close must not hang us.
      setTimeout(() => socket.destroy(), 500).unref();
    });
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  onLost(listener: (reason: Error) => void): () => void {
    return this.events.onLost(listener);
  }
}
