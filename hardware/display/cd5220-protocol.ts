import type { DisplayFrame, DisplayProtocol } from './display-protocol.ts';
import { asciiText, bytesOf, centreIn, textOf } from './display-protocol.ts';

/**
 * CD5220-command VFD pole displays (2 x 20). ESC Q A writes the upper line
 * and ends at CR; a form feed clears first so a shorter number leaves no tail.
 */
export const cd5220: DisplayProtocol = {
  name: 'cd5220',
  encode(frame: DisplayFrame): Uint8Array {
    return Uint8Array.from([
      0x0c,
      0x1b,
      0x51,
      0x41,
      ...bytesOf(centreIn(asciiText(frame.text), 20)),
      0x0d,
    ]);
  },
  decode(bytes) {
    const frames: DisplayFrame[] = [];
    let i = 0;
    let consumed = 0;
    while (i < bytes.length) {
      if (bytes[i] === 0x1b && bytes[i + 1] === 0x51 && bytes[i + 2] === 0x41) {
        const end = bytes.indexOf(0x0d, i + 3);
        if (end < 0) break;
        frames.push({ text: textOf(bytes.subarray(i + 3, end)).trim() });
        i = end + 1;
        consumed = i;
      } else if (bytes[i] === 0x1b && i + 3 > bytes.length) {
        break;
      } else {
        i++;
        consumed = i;
      }
    }
    return { frames, rest: bytes.slice(consumed) };
  },
};
