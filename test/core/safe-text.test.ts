import { describe, expect, it } from 'vitest';
import {
  findUnsafeCharacter,
  isBlankWhenRendered,
  nameProblem,
} from '../../server/core/safe-text.ts';

describe('what a name may hold', () => {
  it('keeps Thai with its combining vowels and tone marks, emoji and typographic punctuation', () => {
    for (const text of ['ผู้สูงอายุ', 'น้ำ่', 'ช่องบริการ 1 “ด่วน” – ทั่วไป', 'Tax 🙂', 'a\u200Db'])
      expect(nameProblem(text, true), text).toBeNull();
  });

  it('finds controls, bidi overrides and isolates, and lone surrogates by code point', () => {
    expect(findUnsafeCharacter('A\u0000')).toMatchObject({ kind: 'control', codePoint: 0 });
    expect(findUnsafeCharacter('tab\there')).toMatchObject({ kind: 'control', codePoint: 9 });
    expect(findUnsafeCharacter('\u0085')).toMatchObject({ kind: 'control' });
    expect(findUnsafeCharacter('line\u2028break')).toMatchObject({ kind: 'control' });
    for (const cp of [0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])
      expect(findUnsafeCharacter(`x${String.fromCharCode(cp)}`)).toMatchObject({
        kind: 'bidi_control',
        codePoint: cp,
      });
    expect(findUnsafeCharacter('\uD83D')).toMatchObject({ kind: 'lone_surrogate', index: 0 });
    expect(findUnsafeCharacter('x\uDE42')).toMatchObject({ kind: 'lone_surrogate', index: 1 });
    expect(findUnsafeCharacter('\uDE42\uD83D')).toMatchObject({ kind: 'lone_surrogate', index: 0 });
    expect(findUnsafeCharacter('\uD83D\uDE42')).toBeNull();
  });

  it('calls text blank when only spaces and characters that draw nothing are left', () => {
    for (const text of [
      '',
      ' ',
      '\u200B',
      '\u200C\u200D',
      '\uFEFF',
      '\u00A0\u3000',
      '\u2060',
      '\u00AD',
      '\u3164',
      '\uFE0F',
      '\u{E0041}',
    ])
      expect(isBlankWhenRendered(text), JSON.stringify(text)).toBe(true);
    expect(isBlankWhenRendered('\u200Bก')).toBe(false);
  });

  it('says what is wrong with the character named as U+XXXX', () => {
    expect(nameProblem('abc\u202Efed', true)).toBe(
      'contains U+202E, a bidirectional override or isolate',
    );
    expect(nameProblem('\u200B\u200B', true)).toBe(
      'is empty once invisible characters (U+200B) are removed',
    );
    expect(nameProblem('', false)).toBeNull();
  });
});
