import type { Transport } from '../transport/transport.ts';
import {
  ButtonBoxParser,
  DEFAULT_BUTTON_BOX,
  type ButtonBoxConfig,
  type ButtonPress,
} from './button-box-parser.ts';

/** A rating box on a serial line: bytes in, debounced presses out. */
export class ButtonBox {
  private readonly parser: ButtonBoxParser;
  private readonly listeners = new Set<(press: ButtonPress) => void>();
  private readonly offData: () => void;

  constructor(
    readonly transport: Transport,
    config: ButtonBoxConfig = DEFAULT_BUTTON_BOX,
    private readonly now: () => number = Date.now,
  ) {
    this.parser = new ButtonBoxParser(config);
    this.offData = transport.onData((chunk) => {
      for (const press of this.parser.push(chunk, this.now()))
        for (const l of this.listeners) l(press);
    });
  }

  onPress(listener: (press: ButtonPress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.offData();
    await this.transport.close();
  }
}
