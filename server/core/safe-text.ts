/*
 * What a human-entered name may hold. Names reach the hall display, printed tickets, the
 * posted standards and the reports; a control character breaks a printer line, a bidi
 * override (U+202E) makes "A012" read as "210A" or hides text on a report, a lone
 * surrogate is not text at all, and a name of zero-width spaces looks blank while it
 * still counts as given. Each is refused at the API with the character named.
 */

/** Why a character is refused. */
export type UnsafeKind = 'control' | 'bidi_control' | 'lone_surrogate';

export interface UnsafeCharacter {
  kind: UnsafeKind;
  codePoint: number;
  /** Offset in UTF-16 code units, for pointing at it. */
  index: number;
}

// Overrides and embeddings (U+202A–202E) and isolates (U+2066–2069) reorder what follows them.
const isBidiControl = (cp: number): boolean =>
  (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);

// C0 and C1 controls, DEL, and the Unicode line and paragraph separators: every name is one line.
const isControl = (cp: number): boolean =>
  cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029;

const isHighSurrogate = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** The first character of `text` a name must not hold, or null. */
export function findUnsafeCharacter(text: string): UnsafeCharacter | null {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (isHighSurrogate(unit)) {
      if (i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1))) {
        i += 1; // a proper pair: an astral character such as an emoji, judged elsewhere
        continue;
      }
      return { kind: 'lone_surrogate', codePoint: unit, index: i };
    }
    if (isLowSurrogate(unit)) return { kind: 'lone_surrogate', codePoint: unit, index: i };
    if (isControl(unit)) return { kind: 'control', codePoint: unit, index: i };
    if (isBidiControl(unit)) return { kind: 'bidi_control', codePoint: unit, index: i };
  }
  return null;
}

// Default_Ignorable_Code_Point covers the zero-width space and joiners, U+FEFF, the soft
// hyphen, variation selectors, the Hangul fillers and tag characters: all draw nothing.
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{White_Space}]/gu;

/** True when nothing would be seen of `text`: only spaces and characters that draw nothing. */
export function isBlankWhenRendered(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

/** U+202E, U+1F642: how a character is named in an error. */
export function codePointName(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

const KIND_WORDS: Record<UnsafeKind, string> = {
  control: 'a control character',
  bidi_control: 'a bidirectional override or isolate',
  lone_surrogate: 'a lone surrogate (not a character)',
};

/**
 * Why `text` cannot be a name, or null when it can. `required` text must show something
 * once invisible characters are removed; optional text may be empty.
 */
export function nameProblem(text: string, required: boolean): string | null {
  const unsafe = findUnsafeCharacter(text);
  if (unsafe) return `contains ${codePointName(unsafe.codePoint)}, ${KIND_WORDS[unsafe.kind]}`;
  if (required && isBlankWhenRendered(text)) {
    const first = [...text].find((ch) => ch.trim() !== '') ?? text[0];
    const named = first === undefined ? '' : ` (${codePointName(first.codePointAt(0)!)})`;
    return `is empty once invisible characters${named} are removed`;
  }
  return null;
}
