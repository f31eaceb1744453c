import { HardwareError } from '../hardware-error.ts';

/*
 * A counter display speaks one of a few byte protocols. Each protocol both
 * encodes a frame and decodes its own bytes back, so the virtual display and
 * the tests read exactly what a real board would be sent.
 */

export interface DisplayFrame {
  /** What the display shows; '' is a blank display (the dark half of a blink). */
  text: string;
}

export interface DisplayProtocol {
  readonly name: string;
  encode(frame: DisplayFrame): Uint8Array;
  /** Decodes whole frames from `bytes`; `rest` is an incomplete frame to keep for the next chunk. */
  decode(bytes: Uint8Array): { frames: DisplayFrame[]; rest: Uint8Array };
}

/** Displays take ASCII; a ticket number is letters and digits. */
export function asciiText(text: string, what = 'display text'): string {
  if (!/^[\x20-\x7e]*$/.test(text))
    throw new HardwareError(
      'invalid_display_text',
      `${what} must be printable ASCII, got "${text}"`,
    );
  return text;
}

export function centreIn(text: string, width: number): string {
  const t = text.slice(0, width);
  const left = Math.floor((width - t.length) / 2);
  return (' '.repeat(left) + t).padEnd(width, ' ');
}

export const bytesOf = (text: string): number[] => Array.from(text, (c) => c.charCodeAt(0));
export const textOf = (bytes: ArrayLike<number>): string =>
  String.fromCharCode(...Array.from(bytes));
