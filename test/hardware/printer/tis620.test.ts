import { describe, expect, it } from 'vitest';
import {
  decodeTis620,
  encodeTis620,
  isTis620Encodable,
  toPrintable,
} from '../../../hardware/printer/tis620.ts';

describe('TIS-620 encoding', () => {
  it('maps Thai U+0E01..U+0E5B onto 0xA1..0xFB and leaves ASCII alone', () => {
    expect([...encodeTis620('กA')]).toEqual([0xa1, 0x41]);
    expect([...encodeTis620('\u0e3a\u0e3f\u0e5b')]).toEqual([0xda, 0xdf, 0xfb]);
    expect([...encodeTis620('คิว')]).toEqual([0xa4, 0xd4, 0xc7]);
  });

  it('round-trips every assigned Thai character', () => {
    let all = '';
    for (let cp = 0x0e01; cp <= 0x0e5b; cp++)
      if (cp < 0x0e3b || cp > 0x0e3e) all += String.fromCodePoint(cp);
    expect(decodeTis620(encodeTis620(all))).toBe(all);
  });

  it('refuses a character it has no byte for, naming it', () => {
    expect(() => encodeTis620('ราคา €5')).toThrow(/U\+20AC/);
    expect(() => encodeTis620('\u0e3b')).toThrow(/no TIS-620 byte/);
    expect(isTis620Encodable('ใครมาก่อนได้ก่อน')).toBe(true);
    expect(isTis620Encodable('★')).toBe(false);
  });

  it('turns pasted typography into ASCII before encoding', () => {
    expect(toPrintable('“ภ.ด.ส.6” – ok…')).toBe('"ภ.ด.ส.6" - ok...');
  });
});
