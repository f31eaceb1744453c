import { describe, expect, it } from 'vitest';
import { encodeTicket } from '../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../hardware/printer/printer-profile.ts';
import { rasterizeLine, RASTER_DOT_SCALE } from '../../hardware/printer/thai-raster.ts';
import { rasterImageBytes, type MonoImage } from '../../hardware/printer/escpos-commands.ts';
import type { EscPosEvent } from '../../hardware/virtual/escpos-decoder.ts';
import { readEscPos } from './escpos-read.ts';
import { sampleTicket } from './sample-ticket.ts';

type Raster = Extract<EscPosEvent, { type: 'raster' }>;

const rastersOf = (events: EscPosEvent[]): Raster[] =>
  events.filter((e): e is Raster => e.type === 'raster');

/** Rows of the image that carry ink, first and last. */
function inkRows(image: MonoImage): { first: number; last: number } {
  let first = -1;
  let last = -1;
  for (let y = 0; y < image.height; y++) {
    for (let x = 0; x < image.width; x++) {
      if (image.data[(y * image.width + x) * 4] === 0) {
        if (first < 0) first = y;
        last = y;
        break;
      }
    }
  }
  return { first, last };
}

/** GS v 0 with mode m for a 16 x 2 bit image: row 0 is 0xF0 0x0F, row 1 is 0x81 0x00. */
const gsv0 = (m: number) => Uint8Array.from([0x1d, 0x76, 0x30, m, 2, 0, 2, 0, 0xf0, 0x0f, 0x81, 0]);

describe('a raster ticket for a slow line', () => {
  const t82 = loadPrinterProfile('epson-tm-t82');
  const x58 = loadPrinterProfile('xprinter-58');

  it('sends each Thai line in GS v 0 quadruple mode, two dots per bit each way, within the paper', () => {
    for (const profile of [t82, x58]) {
      const rasters = rastersOf(
        readEscPos(encodeTicket(sampleTicket(), { profile, thai: { mode: 'raster' } })),
      );
      expect(rasters.length).toBeGreaterThan(0);
      for (const r of rasters) {
        expect(r.dotScale).toEqual({ x: RASTER_DOT_SCALE, y: RASTER_DOT_SCALE });
        expect(r.width).toBeLessThanOrEqual(profile.printWidthDots);
        expect(r.width % (8 * RASTER_DOT_SCALE)).toBe(0);
        expect(r.dots.some((d) => d === 1)).toBe(true);
      }
    }
  });

  it('fits the sample ticket through a 9,600-baud line (8N1) in under 6 seconds', () => {
    for (const priority of [null, 'elderly'] as const) {
      const bytes = encodeTicket(sampleTicket({ priority }), {
        profile: t82,
        thai: { mode: 'raster' },
      });
      expect((bytes.length * 10 * 1000) / 9600).toBeLessThanOrEqual(6000);
    }
  });

  it('keeps a tone mark above and a vowel below the consonants inside the drawn line', () => {
    const options = { maxWidthDots: t82.printWidthDots, fontPx: 24, bold: false };
    const bare = rasterizeLine('กาน', options);
    const marked = inkRows(rasterizeLine('ก้าน', options));
    const below = inkRows(rasterizeLine('ฐาน', options));
    // The tone mark is drawn above the bare consonants, and the tail of ฐ below them, within
    // the same box, so every line of the ticket keeps one baseline.
    expect(marked.first).toBeGreaterThanOrEqual(0);
    expect(marked.first).toBeLessThan(inkRows(bare).first);
    expect(below.last).toBeGreaterThan(inkRows(bare).last);
    expect(below.last).toBeLessThan(bare.height);
    expect(rasterizeLine('ฐาน', options).height).toBe(bare.height);
  });

  it('gives a line whose marks stack higher or hang lower more room rather than cutting them off', () => {
    const options = { maxWidthDots: t82.printWidthDots, fontPx: 24, bold: false };
    const plain = rasterizeLine('กาน', options);
    const stacked = rasterizeLine('ปี่', options);
    const hanging = rasterizeLine('ฎุ', options);
    expect(stacked.height).toBeGreaterThan(plain.height);
    expect(hanging.height).toBeGreaterThan(plain.height);
    // The extra room is at the edge the marks need: the stack's ink starts higher up.
    expect(inkRows(stacked).first).toBeLessThanOrEqual(1);
    expect(inkRows(hanging).last).toBeGreaterThan(inkRows(plain).last);
  });

  it('draws pure black and white, so the printer is sent exactly what was checked', () => {
    const image = rasterizeLine('ใครมาก่อนได้ก่อน ตามลำดับคิว', {
      maxWidthDots: x58.printWidthDots,
      fontPx: 24,
      bold: true,
    });
    const levels = new Set<number>();
    for (let p = 0; p < image.data.length; p += 4) levels.add(image.data[p]!);
    expect([...levels].sort((a, b) => a - b)).toEqual([0, 255]);
    const [raster] = rastersOf(readEscPos(rasterImageBytes(x58.columns, image, 'centre')));
    expect(raster!.width).toBe(image.width * 2);
    expect(raster!.height).toBe(image.height * 2);
    // Each pixel of the line is a 2 x 2 block of dots on paper.
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const ink = image.data[(y * image.width + x) * 4] === 0 ? 1 : 0;
        for (const [dx, dy] of [
          [0, 0],
          [1, 0],
          [0, 1],
          [1, 1],
        ])
          expect(raster!.dots[(2 * y + dy!) * raster!.width + 2 * x + dx!]).toBe(ink);
      }
    }
  });

  it('decodes GS v 0 in each of its four modes as the printer prints it', () => {
    const expectDots = (m: number, width: number, rows: number[][]) => {
      const [raster] = rastersOf(readEscPos(gsv0(m)));
      expect({ width: raster!.width, height: raster!.height }).toEqual({
        width,
        height: rows.length,
      });
      const got = Array.from({ length: rows.length }, (_, y) =>
        Array.from(raster!.dots.subarray(y * width, (y + 1) * width)).join(''),
      );
      expect(got).toEqual(rows.map((r) => r.join('')));
    };
    const row0 = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1];
    const row1 = [1, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0];
    const wide = (row: number[]) => row.flatMap((d) => [d, d]);
    expectDots(0, 16, [row0, row1]);
    expectDots(48, 16, [row0, row1]);
    expectDots(1, 32, [wide(row0), wide(row1)]);
    expectDots(2, 16, [row0, row0, row1, row1]);
    expectDots(51, 32, [wide(row0), wide(row0), wide(row1), wide(row1)]);
  });
});
