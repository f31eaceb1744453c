import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { createRequire } from 'node:module';
import type { MonoImage } from './escpos-commands.ts';

/*
 * Thai drawn as pixels, for printers without a Thai code page. Sarabun is
 * OFL and ships in @expo-google-fonts/sarabun, so nothing is fetched at run
 * time. Only Thai lines are drawn; the ticket number and QR stay native,
 * because a raster ticket on a 9,600-baud line is already slow enough.
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
  /** Font size in pixels; 24 matches the 12x24 font A cell height. */
  fontPx: number;
  bold: boolean;
}

/**
 * Draws one line of text black on white, cropped to its own width (rounded
 * up to 8 dots, as GS v 0 needs) so a short line costs few bytes. The height
 * is the same for every line at a font size, so baselines stay even.
 */
export function rasterizeLine(text: string, options: RasterLineOptions): MonoImage {
  registerThaiFonts();
  const family = options.bold ? THAI_FONT_FAMILY_BOLD : THAI_FONT_FAMILY;
  let fontPx = options.fontPx;
  const probe = createCanvas(8, 8).getContext('2d');
  probe.font = `${fontPx}px "${family}"`;
  let width = probe.measureText(text).width;
  const margin = 2;
  if (width + 2 * margin > options.maxWidthDots) {
    fontPx = Math.floor((fontPx * (options.maxWidthDots - 2 * margin)) / width);
    probe.font = `${fontPx}px "${family}"`;
    width = probe.measureText(text).width;
  }
  // Sarabun's tone marks stack high and its lower vowels hang low: leave room for both.
  const ascent = Math.ceil(fontPx * 1.05);
  const descent = Math.ceil(fontPx * 0.4);
  const imageWidth = Math.min(options.maxWidthDots, Math.ceil((width + 2 * margin) / 8) * 8);
  const imageHeight = ascent + descent;
  const canvas = createCanvas(imageWidth, imageHeight);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, imageWidth, imageHeight);
  ctx.fillStyle = '#000';
  ctx.font = `${fontPx}px "${family}"`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(text, margin, ascent);
  const pixels = ctx.getImageData(0, 0, imageWidth, imageHeight);
  return { data: pixels.data, width: imageWidth, height: imageHeight };
}
