import type { DisplayProtocol } from './display-protocol.ts';
import type { ReconnectingTransport } from '../transport/reconnecting-transport.ts';

export interface CounterDisplayOptions {
  /** Dark-and-lit flashes when a new number is called. */
  blinkTimes?: number;
  blinkIntervalMs?: number;
}

/**
 * The number board over one counter. It remembers what it should show, so
 * a board that was unplugged, or reset by a power dip, is repainted as soon
 * as its port is back. Blinking is done here by sending frames, because
 * the protocols that blink natively do it in incompatible ways.
 */
export class CounterDisplay {
  private current = '';
  private blinkTimer: NodeJS.Timeout | null = null;
  private readonly blinkTimes: number;
  private readonly blinkIntervalMs: number;
  private readonly offUp: () => void;

  constructor(
    private readonly transport: ReconnectingTransport,
    private protocol: DisplayProtocol,
    options: CounterDisplayOptions = {},
  ) {
    this.blinkTimes = options.blinkTimes ?? 3;
    this.blinkIntervalMs = options.blinkIntervalMs ?? 400;
    this.offUp = transport.onUp(() => {
      void this.send(this.current);
    });
  }

  get showing(): string {
    return this.current;
  }

  /** Speaks another protocol from now on (the office changed the board's profile) and repaints. */
  setProtocol(protocol: DisplayProtocol): void {
    this.protocol = protocol;
    void this.send(this.current);
  }

  /**
   * Shows `text`; with `blink` (a new call) it flashes first. Resolves with
   * whether the board got the frame now; when it did not, it gets it on reconnect.
   */
  async show(text: string, options: { blink?: boolean } = {}): Promise<boolean> {
    // Validate before remembering, so a bad number never becomes the repaint target.
    const frame = this.protocol.encode({ text });
    this.stopBlink();
    this.current = text;
    if (options.blink && this.blinkTimes > 0) this.startBlink();
    return this.write(frame);
  }

  async close(): Promise<void> {
    this.stopBlink();
    this.offUp();
    await this.transport.close();
  }

  private startBlink(): void {
    let step = 0;
    const total = this.blinkTimes * 2;
    // Dark first: the lit frame at the end of every pair leaves the number standing.
    const tick = (): void => {
      step++;
      void this.send(step % 2 === 1 ? '' : this.current);
      this.blinkTimer = step < total ? setTimeout(tick, this.blinkIntervalMs) : null;
    };
    this.blinkTimer = setTimeout(tick, this.blinkIntervalMs);
  }

  private stopBlink(): void {
    if (this.blinkTimer) clearTimeout(this.blinkTimer);
    this.blinkTimer = null;
  }

  private send(text: string): Promise<boolean> {
    return this.write(this.protocol.encode({ text }));
  }

  private async write(frame: Uint8Array): Promise<boolean> {
    if (!this.transport.isOpen) return false;
    try {
      await this.transport.write(frame);
      return true;
    } catch {
      // The transport reports the loss and reconnects; the repaint on reconnect delivers this frame.
      return false;
    }
  }
}
