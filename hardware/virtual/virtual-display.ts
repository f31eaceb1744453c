import type { Server } from 'node:net';
import { listenAsDevice } from './tcp-device-server.ts';
import type { DisplayFrame, DisplayProtocol } from '../display/display-protocol.ts';

/** Anything a display can be attached to: a TCP socket or a serial port. */
export interface ByteStream {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'close', listener: () => void): unknown;
  on(event: 'error', listener: (err: Error) => void): unknown;
  destroy(): void;
}

/**
 * A number board for people and tests: decodes what it is sent with the
 * same protocol the driver encodes with, and keeps every frame.
 */
export class VirtualDisplay {
  readonly frames: DisplayFrame[] = [];
  private server: Server | null = null;
  private readonly streams = new Set<ByteStream>();
  private readonly listeners = new Set<(frame: DisplayFrame) => void>();

  constructor(readonly protocol: DisplayProtocol) {}

  /** What the board shows now. */
  get showing(): string | null {
    return this.frames.at(-1)?.text ?? null;
  }

  onFrame(listener: (frame: DisplayFrame) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Reads frames from a stream (a serial port, a socket) until it closes. */
  attach(stream: ByteStream): void {
    this.streams.add(stream);
    let pending: Uint8Array = new Uint8Array(0);
    stream.on('data', (chunk) => {
      const joined = Buffer.concat([pending, chunk]);
      const { frames, rest } = this.protocol.decode(new Uint8Array(joined));
      pending = rest;
      for (const f of frames) {
        this.frames.push(f);
        for (const l of this.listeners) l(f);
      }
    });
    stream.on('error', () => undefined);
    stream.on('close', () => this.streams.delete(stream));
  }

  async listen(port = 0, host = '127.0.0.1'): Promise<number> {
    const listening = await listenAsDevice(
      (socket) => this.attach(socket),
      port,
      host,
      'virtual display',
    );
    this.server = listening.server;
    return listening.port;
  }

  async close(): Promise<void> {
    for (const s of this.streams) s.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
