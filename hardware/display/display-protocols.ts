import type { DisplayProtocol } from './display-protocol.ts';
import { cd5220 } from './cd5220-protocol.ts';
import { epsonDmd } from './epson-dmd-protocol.ts';
import { ledStx } from './led-stx-protocol.ts';
import { templateProtocol } from './template-protocol.ts';
import { HardwareError } from '../hardware-error.ts';

export const DISPLAY_PROTOCOL_NAMES = ['cd5220', 'epson-dmd', 'led-stx', 'template'] as const;

export interface DisplayProtocolConfig {
  protocol: string;
  /** led-stx and template: the board's bus address. */
  address?: number;
  /** led-stx: digit positions on the board. */
  digits?: number;
  /** template: the frame as data, see template-protocol.ts. */
  template?: string;
}

/** Picks a protocol by name, with the settings the configuration gives it. */
export function displayProtocol(config: DisplayProtocolConfig): DisplayProtocol {
  switch (config.protocol) {
    case 'cd5220':
      return cd5220;
    case 'epson-dmd':
      return epsonDmd;
    case 'led-stx':
      return ledStx({ address: config.address ?? 1, digits: config.digits ?? 4 });
    case 'template':
      if (!config.template)
        throw new HardwareError(
          'invalid_display_config',
          'the template protocol needs a template, e.g. "\\x02{address:2}{text:4}\\x03"',
        );
      return templateProtocol({
        template: config.template,
        ...(config.address === undefined ? {} : { address: config.address }),
      });
    default:
      throw new HardwareError(
        'unknown_display_protocol',
        `unknown display protocol "${config.protocol}"; known: ${DISPLAY_PROTOCOL_NAMES.join(', ')}`,
      );
  }
}
