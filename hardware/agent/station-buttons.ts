import type { Transport } from '../transport/transport.ts';
import type { ButtonsConfig } from './station-config.ts';
import type { DeviceStatusBoard } from './device-status-board.ts';
import type { ButtonPress } from '../buttons/button-box-parser.ts';
import { ReconnectingTransport, type BackoffOptions } from '../transport/reconnecting-transport.ts';
import { ButtonBox } from '../buttons/button-box.ts';

export interface StationButtonsOptions {
  config: ButtonsConfig;
  transport: Transport;
  board: DeviceStatusBoard;
  onPress: (counterId: number, press: ButtonPress) => void;
  backoff?: BackoffOptions;
}

/** A counter's rating box on a port that reconnects by itself; presses go to onPress. */
export class StationButtons {
  private readonly transport: ReconnectingTransport;
  private readonly box: ButtonBox;

  constructor(private readonly options: StationButtonsOptions) {
    const { config } = options;
    this.transport = new ReconnectingTransport(options.transport, options.backoff);
    this.box = new ButtonBox(this.transport, {
      scoreBytes: config.scoreBytes,
      debounceMs: config.debounceMs,
    });
    this.box.onPress((press) => options.onPress(config.counterId, press));
    this.transport.onUp(() => this.report('online'));
    this.transport.onDown((reason) => this.report('offline', reason.message));
    this.report('offline', 'connecting');
  }

  start(): void {
    this.transport.start();
  }

  async stop(): Promise<void> {
    await this.box.close();
  }

  private report(state: 'online' | 'offline', detail?: string): void {
    const { config } = this.options;
    this.options.board.set({
      deviceId: config.id,
      kind: 'buttons',
      uri: config.uri,
      state,
      ...(detail === undefined ? {} : { detail }),
    });
  }
}
