import { HardwareError } from '../hardware-error.ts';

/*
 * TIS-620 (Thai Industrial Standard 620-2533) is the byte layout that Thai
 * printer code pages share: ASCII below 0x80, Thai U+0E01..U+0E5B at
 * 0xA1..0xFB in Unicode order. We keep our own table instead of the encoder
 * library's, so the bytes on the wire are exactly the ones we test.
 */

const THAI_FIRST = 0x0e01;
const THAI_LAST = 0x0e5b;
const TIS_OFFSET = 0xa1 - THAI_FIRST;

/** U+0E3B..U+0E3E are unassigned in Unicode and have no TIS-620 byte. */
function isUnassignedThai(codePoint: number): boolean {
  return codePoint >= 0x0e3b && codePoint <= 0x0e3e;
}

/** Typography that office staff paste from word processors, mapped to what a printer has. */
const PRINTABLE_SUBSTITUTES: Record<string, string> = {
  '\u00a0': ' ',
  '\u2013': '-',
  '\u2014': '-',
  '\u2018': "'",
  '\u2019': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u2026': '...',
  '\u200b': '',
};

/** Replaces typographic punctuation with ASCII so configured text stays printable. */
export function toPrintable(text: string): string {
  let out = '';
  for (const ch of text) out += PRINTABLE_SUBSTITUTES[ch] ?? ch;
  return out;
}

/** True when TIS-620 has a byte for every character of `text`. */
export function isTis620Encodable(text: string): boolean {
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    const ascii = cp >= 0x20 && cp <= 0x7e;
    const thai = cp >= THAI_FIRST && cp <= THAI_LAST && !isUnassignedThai(cp);
    if (!ascii && !thai) return false;
  }
  return true;
}

/** Encodes printable ASCII and Thai to TIS-620; anything else is an error, never a silent '?'. */
export function encodeTis620(text: string): Uint8Array {
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x20 && cp <= 0x7e) {
      bytes.push(cp);
    } else if (cp >= THAI_FIRST && cp <= THAI_LAST && !isUnassignedThai(cp)) {
      bytes.push(cp + TIS_OFFSET);
    } else {
      const hex = cp.toString(16).toUpperCase().padStart(4, '0');
      throw new HardwareError(
        'unmappable_character',
        `"${ch}" (U+${hex}) in "${text}" has no TIS-620 byte; use raster mode or remove it`,
      );
    }
  }
  return Uint8Array.from(bytes);
}

/** Decodes TIS-620 bytes (the virtual printer and the tests read tickets back with it). */
export function decodeTis620(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b < 0x80) out += String.fromCharCode(b);
    else if (b >= 0xa1 && b <= 0xfb && !isUnassignedThai(b - TIS_OFFSET))
      out += String.fromCodePoint(b - TIS_OFFSET);
    else out += '\ufffd';
  }
  return out;
}
