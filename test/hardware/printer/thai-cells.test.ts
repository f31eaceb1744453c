import { describe, expect, it } from 'vitest';
import {
  centrePadding,
  clusters,
  displayCells,
  wrapByCells,
} from '../../../hardware/printer/thai-cells.ts';

describe('Thai display cells', () => {
  it('gives tone marks and upper and lower vowels no cell of their own', () => {
    expect(displayCells('ที่')).toBe(1);
    expect(displayCells('ใครมาก่อนได้ก่อน')).toBe(13);
    expect('ใครมาก่อนได้ก่อน'.length).toBe(16);
    expect(displayCells('A012')).toBe(4);
  });

  it('keeps a consonant and its marks together as one cluster', () => {
    expect(clusters('สิ่ง')).toEqual(['สิ่', 'ง']);
  });

  it('centres by cells, not code points', () => {
    // 13 cells on 48 columns: 17 cells of padding, where counting code points would give 16.
    expect(centrePadding('ใครมาก่อนได้ก่อน', 48)).toBe(17);
  });

  it('wraps Thai without a space between clusters and never splits a leading vowel from its consonant', () => {
    const lines = wrapByCells('ลงทะเบียนเบี้ยยังชีพผู้สูงอายุและคนพิการ', 10);
    expect(lines.join('')).toBe('ลงทะเบียนเบี้ยยังชีพผู้สูงอายุและคนพิการ');
    for (const line of lines) {
      expect(displayCells(line)).toBeLessThanOrEqual(10);
      expect(line).not.toMatch(/[\u0e40-\u0e44]$/);
      expect(line).not.toMatch(/^[\u0e30\u0e32\u0e33]/);
    }
  });

  it('prefers breaking at a space', () => {
    expect(wrapByCells('Ban Suan Subdistrict Municipality Office', 32)).toEqual([
      'Ban Suan Subdistrict',
      'Municipality Office',
    ]);
  });
});
