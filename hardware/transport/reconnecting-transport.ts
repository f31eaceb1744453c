import type { Transport } from './transport.ts';
import { TransportEvents } from './transport.ts';
import { HardwareError } from '../hardware-error.ts';

export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialDelayMs: 200, maxDelayMs: 5000 };

/**
 * Keeps a device reachable across unplugging: when the port is lost (or
 * cannot be opened) it is reopened with exponential backoff, forever, until
 * close(). Listeners survive reopening, so a driver subscribes once.
 * Writes while the port is down fail at once, so the caller (the print queue)
 * decides what a lost write means, instead of bytes piling up unseen.
 */
export class ReconnectingTransport implements Transport {
  private readonly events = new TransportEvents();
  private readonly upListeners = new Set<() => void>();
  private readonly downListeners = new Set<(reason: Error) => void>();
  private timer: NodeJS.Timeout | null = null;
  private delay: number;
  private stopped = true;
  private opening: Promise<void> | null = null;

  constructor(
    private readonly inner: Transport,
    private readonly backoff: BackoffOptions = DEFAULT_BACKOFF,
  ) {
    this.delay = backoff.initialDelayMs;
    inner.onData((chunk) => this.events.emitData(chunk));
    inner.onLost((reason) => this.lost(reason));
  }

  get uri(): string {
    return this.inner.uri;
  }

  get readable(): boolean {
    return this.inner.readable;
  }

  get bytesPerSecond(): number | undefined {
    return this.inner.bytesPerSecond;
  }

  get isOpen(): boolean {
    return this.inner.isOpen;
  }

  /** Starts trying. Resolves on the first successful open; later losses reconnect silently. */
  open(): Promise<void> {
    this.stopped = false;
    if (this.inner.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.onUp(() => {
        off();
        resolve();
      });
      this.attempt();
    });
  }

  /** Starts trying without waiting for the device: the agent must start with a printer switched off. */
  start(): void {
    this.stopped = false;
    if (!this.inner.isOpen) this.attempt();
  }

  write(bytes: Uint8Array): Promise<void> {
    if (!this.inner.isOpen)
      return Promise.reject(
        new HardwareError('transport_down', `${this.uri} is not connected; reconnecting`),
      );
    return this.inner.write(bytes);
  }

  async close(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.opening?.catch(() => undefined);
    await this.inner.close();
  }

  onData(listener: (chunk: Uint8Array) => void): () => void {
    return this.events.onData(listener);
  }

  /** Not used for reconnection itself; reported for device status. */
  onLost(listener: (reason: Error) => void): () => void {
    return this.events.onLost(listener);
  }

  /** Each time the port (re)opens: a display repaints, a printer's status is asked again. */
  onUp(listener: () => void): () => void {
    this.upListeners.add(listener);
    return () => this.upListeners.delete(listener);
  }

  onDown(listener: (reason: Error) => void): () => void {
    this.downListeners.add(listener);
    return () => this.downListeners.delete(listener);
  }

  private attempt(): void {
    if (this.stopped || this.opening || this.timer) return;
    this.opening = this.inner.open();
    this.opening.then(
      () => {
        this.opening = null;
        if (this.stopped) {
          void this.inner.close();
          return;
        }
        this.delay = this.backoff.initialDelayMs;
        for (const l of this.upListeners) l();
      },
      (err: Error) => {
        this.opening = null;
        for (const l of this.downListeners) l(err);
        this.schedule();
      },
    );
  }

  private lost(reason: Error): void {
    this.events.emitLost(reason);
    for (const l of this.downListeners) l(reason);
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const wait = this.delay;
    this.delay = Math.min(this.delay * 2, this.backoff.maxDelayMs);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.attempt();
    }, wait);
  }
}
