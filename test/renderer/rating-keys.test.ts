import { describe, expect, it } from 'vitest';
import { keyLayout, scoreForKey } from '../../renderer/src/lib/format/rating-keys.ts';

describe('keyboard-style rating button boxes', () => {
  it('reads digits and function keys as scores, 5 = มากที่สุด by default', () => {
    expect(scoreForKey('5', '5-best')).toBe(5);
    expect(scoreForKey('F1', '5-best')).toBe(1);
    expect(scoreForKey('3', keyLayout(''))).toBe(3);
  });

  it('turns the scale round for boxes labelled with 1 as the best', () => {
    expect(keyLayout('?keys=1-best')).toBe('1-best');
    expect(scoreForKey('1', '1-best')).toBe(5);
    expect(scoreForKey('F5', '1-best')).toBe(1);
  });

  it('ignores every other key', () => {
    for (const key of ['0', '6', 'F6', 'Enter', 'a', 'F12', '11'])
      expect(scoreForKey(key, '5-best')).toBeNull();
  });
});
