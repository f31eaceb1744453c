import type { DisplayFrame, DisplayProtocol } from './display-protocol.ts';
import { asciiText, bytesOf, centreIn, textOf } from './display-protocol.ts';

/**
 * Epson DM-D customer displays (ESC/POS display commands, 2 x 20). CLR (0x0C)
 * clears and homes the cursor; the text follows; US C 0 hides the cursor and
 * also marks where a frame ends.
 */
export const epsonDmd: DisplayProtocol = {
  name: 'epson-dmd',
  encode(frame: DisplayFrame): Uint8Array {
    return Uint8Array.from([
      0x0c,
      ...bytesOf(centreIn(asciiText(frame.text), 20)),
      0x1f,
      0x43,
      0x00,
    ]);
  },
  decode(bytes) {
    const frames: DisplayFrame[] = [];
    let consumed = 0;
    for (;;) {
      const start = bytes.indexOf(0x0c, consumed);
      if (start < 0) {
        consumed = bytes.length;
        break;
      }
      let end = -1;
      for (let k = start + 1; k + 2 < bytes.length; k++) {
        if (bytes[k] === 0x1f && bytes[k + 1] === 0x43 && bytes[k + 2] === 0x00) {
          end = k;
          break;
        }
      }
      if (end < 0) {
        consumed = start;
        break;
      }
      frames.push({ text: textOf(bytes.subarray(start + 1, end)).trim() });
      consumed = end + 3;
    }
    return { frames, rest: bytes.slice(consumed) };
  },
};
