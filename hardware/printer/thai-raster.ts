import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import type { MonoImage } from './escpos-commands.ts';

/*
 * Thai drawn as pixels, for printers without a Thai code page. Sarabun is
 * OFL and ships in @expo-google-fonts/sarabun, so nothing is fetched at run
 * time. Only Thai lines are drawn; the ticket number and QR stay native,
 * because a raster ticket on a 9,600-baud line is already slow enough.
 *
 * Lines are drawn at half the printer's density each way and printed with
 * GS v 0 in quadruple mode (every pixel 2 x 2 dots): a quarter of the bytes,
 * so the sample ticket takes about 5.6 s at 9,600 baud instead of 18 s
 * (docs/hardware.md). To stay readable the face is a sixth larger than the
 * 24-dot font A it stands in for, and thin strokes are kept by a low ink
 * threshold rather than lost to rounding.
 */

export const THAI_FONT_FAMILY = 'Khiu Sarabun';
export const THAI_FONT_FAMILY_BOLD = 'Khiu Sarabun Bold';

let fontsRegistered = false;

/** Registers the bundled Sarabun faces with the canvas once per process. */
export function registerThaiFonts(): void {
  if (fontsRegistered) return;
  const require = createRequire(import.meta.url);
  const regular = require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf');
  const bold = require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf');
  if (
    !GlobalFonts.registerFromPath(regular, THAI_FONT_FAMILY) ||
    !GlobalFonts.registerFromPath(bold, THAI_FONT_FAMILY_BOLD)
  ) {
    throw new Error(`could not load the Sarabun font from ${regular}`);
  }
  fontsRegistered = true;
}

export interface RasterLineOptions {
  /** Paper width in dots: the line is shrunk to fit if it would be wider. */
  maxWidthDots: number;
  /** Font size in printed dots; 24 matches the 12x24 font A cell height. */
  fontPx: number;
  bold: boolean;
}

/** Sarabun's ink above the baseline for a tone mark over an upper vowel, in em. */
const LINE_ASCENT_EM = 1.0;
/** ... and below it for the tails of ญ and ฐ. */
const LINE_DESCENT_EM = 0.36;

/** Printed dots per drawn pixel, each way (GS v 0 quadruple mode). */
export const RASTER_DOT_SCALE = 2;

/** Thai is drawn this much larger than the font A size asked for (24 -> 26 dots). */
const FONT_ENLARGEMENT = 7 / 6;

/**
 * How light a pixel may be and still print (0-255 luminance). At half density the regular
 * face's hairlines are mostly grey: 128 broke them; 200 kept them but made regular lines
 * look bolder than bold ones, whose loops it filled in. 180 keeps both faces whole and apart.
 */
const INK_THRESHOLD = { regular: 180, bold: 150 };

/**
 * Draws one line of text black on white at half density, cropped to its own
 * width (rounded up to 8 pixels, as GS v 0 needs) so a short line costs few
 * bytes. The height is the same for every line at a font size, so baselines
 * stay even. Every pixel is pure black or white: the threshold is chosen
 * here, with the face, not by whoever sends the bytes.
 */
export function rasterizeLine(text: string, options: RasterLineOptions): MonoImage {
  registerThaiFonts();
  const family = options.bold ? THAI_FONT_FAMILY_BOLD : THAI_FONT_FAMILY;
  const maxWidth = Math.floor(options.maxWidthDots / RASTER_DOT_SCALE);
  let fontPx = Math.round((options.fontPx * FONT_ENLARGEMENT) / RASTER_DOT_SCALE);
  const probe = createCanvas(8, 8).getContext('2d');
  probe.font = `${fontPx}px "${family}"`;
  // The image is cropped to the ink, not the advance: every byte of a row is 8 pixels a line.
  const inkWidth = () => {
    const m = probe.measureText(text);
    return Math.ceil(Math.max(0, m.actualBoundingBoxLeft) + m.actualBoundingBoxRight) + 1;
  };
  let width = inkWidth();
  if (width > maxWidth) {
    fontPx = Math.floor((fontPx * maxWidth) / width);
    probe.font = `${fontPx}px "${family}"`;
    width = inkWidth();
  }
  // Every line gets room for a tone mark over an upper vowel and for the tails of ญ and ฐ, so
  // baselines stay even; a line whose marks stack higher (ปี่) or hang lower (ฎุ) gets more
  // rather than losing them at the edge. Lines print edge to edge: the room a line leaves
  // unused under its own baseline and over its x-height is the gap to the next.
  const ink = probe.measureText(text);
  const ascent = Math.ceil(Math.max(fontPx * LINE_ASCENT_EM, ink.actualBoundingBoxAscent));
  const descent = Math.ceil(Math.max(fontPx * LINE_DESCENT_EM, ink.actualBoundingBoxDescent));
  const imageWidth = Math.min(Math.floor(maxWidth / 8) * 8, Math.ceil(width / 8) * 8);
  const imageHeight = ascent + descent;
  const canvas = createCanvas(imageWidth, imageHeight);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, imageWidth, imageHeight);
  ctx.fillStyle = '#000';
  ctx.font = `${fontPx}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, Math.max(0, ink.actualBoundingBoxLeft), ascent);
  const pixels = ctx.getImageData(0, 0, imageWidth, imageHeight).data;
  const threshold = options.bold ? INK_THRESHOLD.bold : INK_THRESHOLD.regular;
  for (let p = 0; p < pixels.length; p += 4) {
    const ink = (pixels[p]! + pixels[p + 1]! + pixels[p + 2]!) / 3 < threshold ? 0 : 255;
    pixels[p] = pixels[p + 1] = pixels[p + 2] = ink;
    pixels[p + 3] = 255;
  }
  return { data: pixels, width: imageWidth, height: imageHeight, dotScale: RASTER_DOT_SCALE };
}
