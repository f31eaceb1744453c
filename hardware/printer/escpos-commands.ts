import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';

/*
 * The ESC/POS pieces of a ticket. Structural commands (initialise, QR code,
 * raster image, cut) come from @point-of-sale/receipt-printer-encoder. Text
 * lines do not: its line composer pads and wraps by code points and picks its
 * own code page tables, both wrong for Thai, where tone marks take no cell.
 * So text bytes are built here from a handful of documented commands.
 */

export const ESC = 0x1b;
export const GS = 0x1d;
export const LF = 0x0a;

/** ESC t n: select character code table n (the printer's Thai page). */
export const selectCodePage = (n: number): number[] => [ESC, 0x74, n];
/** GS ! n: character size; width and height multipliers 1..8. */
export const characterSize = (width: number, height: number): number[] => [
  GS,
  0x21,
  ((width - 1) << 4) | (height - 1),
];
/** ESC E n: emphasised (bold) on or off. */
export const emphasis = (on: boolean): number[] => [ESC, 0x45, on ? 1 : 0];
/** ESC d n: print and feed n lines. */
export const feedLines = (n: number): number[] => [ESC, 0x64, n];

function encoder(columns: number, feedAfterBlock = true): ReceiptPrinterEncoder {
  return new ReceiptPrinterEncoder({
    language: 'esc-pos',
    columns,
    newline: '\n',
    imageMode: 'raster',
    feedAfterBlock,
  });
}

/** ESC @ (reset) and FS . (leave Kanji mode, which some Asian firmwares start in). */
export function initializeBytes(columns: number): Uint8Array {
  return encoder(columns).initialize().encode();
}

/** A native QR code (GS ( k), centred; `moduleDots` is the size of one module. */
export function qrBytes(columns: number, data: string, moduleDots: number): Uint8Array {
  // No model command: Model 2 is the ESC/POS default, and the 9 bytes matter on a 600-byte ticket.
  return encoder(columns)
    .align('center')
    .qrcode(data, { model: undefined, size: moduleDots, errorlevel: 'm' })
    .encode();
}

export interface MonoImage {
  /** RGBA pixels, row-major. */
  data: Uint8ClampedArray;
  width: number;
  height: number;
  /** Printed dots per pixel each way: 2 prints it in GS v 0 quadruple mode. Default 1. */
  dotScale?: 1 | 2;
}

/** ESC a n: justification of what follows (0 left, 1 centre). */
const justify = (align: 'left' | 'centre'): number[] => [ESC, 0x61, align === 'centre' ? 1 : 0];

/**
 * GS v 0 m xL xH yL yH d1..dk with m = 3 (quadruple: each bit 2 x 2 dots). Epson's reference
 * gives m = 0..3 since the TM-T88II and the clones follow it; GS ( L <Function 112> offers the
 * same 2x scaling (bx, by) and no compression, so it would save nothing here.
 */
function quadrupleRasterBytes(image: MonoImage, align: 'left' | 'centre'): Uint8Array {
  if (image.width % 8 !== 0) throw new Error(`raster width ${image.width} is not a multiple of 8`);
  const widthBytes = image.width / 8;
  const out = new Uint8Array(3 + 8 + widthBytes * image.height + (align === 'centre' ? 3 : 0));
  out.set(justify(align), 0);
  out.set(
    [GS, 0x76, 0x30, 3, widthBytes & 0xff, widthBytes >> 8, image.height & 0xff, image.height >> 8],
    3,
  );
  let at = 11;
  for (let y = 0; y < image.height; y++) {
    for (let xb = 0; xb < widthBytes; xb++) {
      let byte = 0;
      for (let bit = 0; bit < 8; bit++) {
        const p = (y * image.width + xb * 8 + bit) * 4;
        const dark = image.data[p]! + image.data[p + 1]! + image.data[p + 2]! < 3 * 128;
        if (dark) byte |= 0x80 >> bit;
      }
      out[at++] = byte;
    }
  }
  // Text lines are centred by padding, so the next one needs the left margin back.
  if (align === 'centre') out.set(justify('left'), at);
  return out;
}

/**
 * A raster image (GS v 0), centred by the printer (ESC a) when asked; the width must be a
 * multiple of 8. No line feed after it: the image advances the paper by its
 * own height, and a feed would put a blank line between rastered Thai lines.
 */
export function rasterImageBytes(
  columns: number,
  image: MonoImage,
  align: 'left' | 'centre',
): Uint8Array {
  if (image.dotScale === 2) return quadrupleRasterBytes(image, align);
  return encoder(columns, false)
    .align(align === 'centre' ? 'center' : 'left')
    .image(
      { data: image.data, width: image.width, height: image.height },
      { width: image.width, height: image.height, algorithm: 'threshold', threshold: 128 },
    )
    .encode();
}

/** GS V 1: partial cut, leaving a hinge so the ticket does not fall on the floor. */
export function cutBytes(columns: number): Uint8Array {
  return encoder(columns).cut('partial').encode();
}
