import { describe, expect, it } from 'vitest';
import { slope } from './linear-trend.ts';

describe('the least-squares slope of a memory trace', () => {
  it('reads a steady growth through a swing twice its size', () => {
    // 0.2 MiB per 1,000 tickets under a ±4 MiB swing with a period of 7 readings.
    const points = Array.from({ length: 400 }, (_, i) => ({
      x: i * 25,
      y: 120 + (i * 25 * 0.2) / 1000 + 4 * Math.sin((2 * Math.PI * i) / 7),
    }));
    expect(Math.abs(slope(points) * 10_000 - 2)).toBeLessThan(0.2);
  });

  it('reads no growth from a flat series, and refuses a series without a spread', () => {
    expect(
      slope([
        { x: 0, y: 5 },
        { x: 10, y: 5 },
        { x: 20, y: 5 },
      ]),
    ).toBe(0);
    expect(() => slope([{ x: 1, y: 1 }])).toThrow(/two points/);
    expect(() =>
      slope([
        { x: 3, y: 1 },
        { x: 3, y: 2 },
      ]),
    ).toThrow(/two x values/);
  });
});
