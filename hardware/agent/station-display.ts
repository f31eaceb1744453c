import type { Transport } from '../transport/transport.ts';
import type { DisplayConfig } from './station-config.ts';
import type { DeviceStatusBoard } from './device-status-board.ts';
import { ReconnectingTransport, type BackoffOptions } from '../transport/reconnecting-transport.ts';
import { CounterDisplay } from '../display/counter-display.ts';
import { displayProtocol } from '../display/display-protocols.ts';
import { HardwareError } from '../hardware-error.ts';

export interface StationDisplayOptions {
  config: DisplayConfig;
  transport: Transport;
  board: DeviceStatusBoard;
  log: (line: string) => void;
  backoff?: BackoffOptions;
  blinkIntervalMs?: number;
}

/**
 * One counter's number board. CounterDisplay repaints it when its port comes
 * back; this adds the device status and what to do with a number the board
 * cannot show (too many characters): blank it rather than leave the previous
 * citizen's number standing, and report the fault.
 */
export class StationDisplay {
  readonly counterId: number;
  private readonly transport: ReconnectingTransport;
  private readonly display: CounterDisplay;
  private fault: string | null = null;

  constructor(private readonly options: StationDisplayOptions) {
    const { config } = options;
    this.counterId = config.counterId;
    this.transport = new ReconnectingTransport(options.transport, options.backoff);
    this.display = new CounterDisplay(this.transport, displayProtocol(config), {
      blinkTimes: config.blinkTimes,
      ...(options.blinkIntervalMs === undefined
        ? {}
        : { blinkIntervalMs: options.blinkIntervalMs }),
    });
    this.transport.onUp(() => this.report());
    this.transport.onDown((reason) => this.report(reason.message));
    this.report('connecting');
  }

  /** What the board should be showing (it gets it on reconnect if it is unplugged now). */
  get showing(): string {
    return this.display.showing;
  }

  start(): void {
    this.transport.start();
  }

  async show(number: string, blink: boolean): Promise<void> {
    try {
      await this.display.show(number, { blink });
      this.fault = null;
    } catch (err) {
      if (!(err instanceof HardwareError)) throw err;
      this.fault = err.message;
      this.options.log(`display ${this.options.config.id}: ${err.message}`);
      await this.display.show('');
    }
    this.report();
  }

  async stop(): Promise<void> {
    await this.display.close();
  }

  private report(downReason?: string): void {
    const { config } = this.options;
    const base = { deviceId: config.id, kind: 'display' as const, uri: config.uri };
    if (!this.transport.isOpen)
      this.options.board.set({ ...base, state: 'offline', detail: downReason ?? 'not connected' });
    else if (this.fault) this.options.board.set({ ...base, state: 'error', detail: this.fault });
    else this.options.board.set({ ...base, state: 'online' });
  }
}
