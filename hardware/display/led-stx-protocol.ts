import type { DisplayFrame, DisplayProtocol } from './display-protocol.ts';
import { asciiText, bytesOf, textOf } from './display-protocol.ts';
import { HardwareError } from '../hardware-error.ts';

const STX = 0x02;
const ETX = 0x03;

export interface LedStxOptions {
  /** RS-485 bus address of the board, 0..99, sent as two ASCII digits. */
  address: number;
  /** Digit positions on the board; the number is right-aligned in them. */
  digits: number;
}

/**
 * RS-485 LED number boards: STX, a two-digit address, the digits, ETX.
 * Every board on the bus hears every frame and shows only its own address,
 * which is why one serial line can drive all the counters.
 */
export function ledStx(
  options: LedStxOptions = { address: 1, digits: 4 },
): DisplayProtocol & LedStxOptions {
  if (!Number.isInteger(options.address) || options.address < 0 || options.address > 99) {
    throw new HardwareError(
      'invalid_display_config',
      `led-stx address must be 0..99, got ${options.address}`,
    );
  }
  if (!Number.isInteger(options.digits) || options.digits < 1 || options.digits > 16) {
    throw new HardwareError(
      'invalid_display_config',
      `led-stx digits must be 1..16, got ${options.digits}`,
    );
  }
  const address = String(options.address).padStart(2, '0');
  return {
    name: 'led-stx',
    ...options,
    encode(frame: DisplayFrame): Uint8Array {
      const text = asciiText(frame.text);
      if (text.length > options.digits)
        throw new HardwareError(
          'invalid_display_text',
          `"${text}" does not fit ${options.digits} digits`,
        );
      return Uint8Array.from([
        STX,
        ...bytesOf(address),
        ...bytesOf(text.padStart(options.digits, ' ')),
        ETX,
      ]);
    },
    decode(bytes) {
      const frames: DisplayFrame[] = [];
      let consumed = 0;
      for (;;) {
        const start = bytes.indexOf(STX, consumed);
        if (start < 0) {
          consumed = bytes.length;
          break;
        }
        const end = bytes.indexOf(ETX, start);
        if (end < 0) {
          consumed = start;
          break;
        }
        const body = textOf(bytes.subarray(start + 1, end));
        // Frames for other boards on the bus are not ours to show.
        if (body.slice(0, 2) === address) frames.push({ text: body.slice(2).trim() });
        consumed = end + 1;
      }
      return { frames, rest: bytes.slice(consumed) };
    },
  };
}
