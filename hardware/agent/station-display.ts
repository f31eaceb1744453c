import type { Transport } from '../transport/transport.ts';
import type { DisplayConfig } from './station-config.ts';
import type { DeviceStatusBoard } from './device-status-board.ts';
import type { ProfileBook } from './profile-book.ts';
import { ReconnectingTransport, type BackoffOptions } from '../transport/reconnecting-transport.ts';
import { CounterDisplay } from '../display/counter-display.ts';
import { displayProtocol } from '../display/display-protocols.ts';
import type { DisplayProtocol } from '../display/display-protocol.ts';
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
 * citizen's number standing, and report the fault. A board set up with an
 * office display profile waits for that profile, then follows its changes.
 */
export class StationDisplay {
  readonly counterId: number;
  private readonly transport: ReconnectingTransport;
  private display: CounterDisplay | null = null;
  /** What the board should show while it has no protocol yet. */
  private wanted = '';
  private fault: string | null = null;

  constructor(private readonly options: StationDisplayOptions) {
    const { config } = options;
    this.counterId = config.counterId;
    this.transport = new ReconnectingTransport(options.transport, options.backoff);
    if (config.protocol !== undefined) {
      this.display = this.counterDisplay(displayProtocol({ ...config, protocol: config.protocol }));
    } else {
      this.fault = `waiting for the office's display profile "${config.profile}" from the server`;
    }
    this.transport.onUp(() => this.report());
    this.transport.onDown((reason) => this.report(reason.message));
    this.report('connecting');
  }

  /** What the board should be showing (it gets it on reconnect if it is unplugged now). */
  get showing(): string {
    return this.display?.showing ?? this.wanted;
  }

  start(): void {
    this.transport.start();
  }

  /** Applies the office's display profile named in the config, if any (at start and on every change). */
  useProfiles(book: ProfileBook): void {
    const name = this.options.config.profile;
    if (name === undefined) return;
    let protocol: DisplayProtocol;
    try {
      protocol = displayProtocol(book.display(name));
    } catch (err) {
      if (!(err instanceof HardwareError)) throw err;
      this.fault = err.message;
      this.options.log(`display ${this.options.config.id}: ${err.message}`);
      this.report();
      return;
    }
    this.fault = null;
    if (this.display) {
      this.display.setProtocol(protocol);
    } else {
      this.display = this.counterDisplay(protocol);
      void this.show(this.wanted, false);
    }
    this.report();
  }

  async show(number: string, blink: boolean): Promise<void> {
    if (!this.display) {
      this.wanted = number;
      return;
    }
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
    if (this.display) await this.display.close();
    else await this.transport.close();
  }

  private counterDisplay(protocol: DisplayProtocol): CounterDisplay {
    const { config, blinkIntervalMs } = this.options;
    return new CounterDisplay(this.transport, protocol, {
      blinkTimes: config.blinkTimes,
      ...(blinkIntervalMs === undefined ? {} : { blinkIntervalMs }),
    });
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
