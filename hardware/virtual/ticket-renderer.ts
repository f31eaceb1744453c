import { createCanvas } from '@napi-rs/canvas';
import { encodeQR } from 'qr';
import type { Align, EscPosEvent } from './escpos-decoder.ts';
import { clusters } from '../printer/thai-cells.ts';
import {
  registerThaiFonts,
  THAI_FONT_FAMILY,
  THAI_FONT_FAMILY_BOLD,
} from '../printer/thai-raster.ts';

/*
 * Draws what a thermal printer would put on paper for a run of decoded
 * ESC/POS events, so a person can look at a ticket without a printer.
 * Text is placed cell by cell like font A (12 x 24 dots), which shows a
 * centring mistake the way the paper would.
 */

const CELL_WIDTH = 12;
const LINE_HEIGHT = 30; // ESC 2 default spacing on 203-dpi printers, in dots
const MARGIN = 8;

type Block = { height: number; draw: (ctx: CanvasContext, top: number, width: number) => void };
type CanvasContext = ReturnType<ReturnType<typeof createCanvas>['getContext']>;

function left(align: Align, contentWidth: number, paperWidth: number): number {
  if (align === 'centre') return Math.max(0, Math.floor((paperWidth - contentWidth) / 2));
  if (align === 'right') return Math.max(0, paperWidth - contentWidth);
  return 0;
}

function textBlock(e: Extract<EscPosEvent, { type: 'text' }>): Block {
  const cells = clusters(e.text);
  const cellWidth = CELL_WIDTH * e.width;
  const height = LINE_HEIGHT + 24 * (e.height - 1);
  return {
    height,
    draw(ctx, top, width) {
      ctx.font = `${22 * e.height}px "${e.bold ? THAI_FONT_FAMILY_BOLD : THAI_FONT_FAMILY}"`;
      ctx.fillStyle = '#000';
      const x0 = left(e.align, cells.length * cellWidth, width);
      const baseline = top + height - 8 * e.height;
      cells.forEach((cluster, k) => {
        if (cluster === ' ') return;
        const glyph = cluster === '\ufffd' ? '?' : cluster;
        const w = ctx.measureText(glyph).width;
        // Wide glyphs are squeezed into their cell, as a printer's fixed-pitch font would be.
        const scale = w > cellWidth ? cellWidth / w : 1;
        ctx.save();
        ctx.translate(x0 + k * cellWidth + (cellWidth - w * scale) / 2, baseline);
        ctx.scale(scale, 1);
        ctx.fillText(glyph, 0, 0);
        ctx.restore();
      });
    },
  };
}

function rasterBlock(e: Extract<EscPosEvent, { type: 'raster' }>): Block {
  return {
    height: e.height,
    draw(ctx, top, width) {
      const x0 = left(e.align, e.width, width);
      ctx.fillStyle = '#000';
      for (let y = 0; y < e.height; y++) {
        for (let x = 0; x < e.width; x++)
          if (e.dots[y * e.width + x]) ctx.fillRect(x0 + x, top + y, 1, 1);
      }
    },
  };
}

function qrBlock(e: Extract<EscPosEvent, { type: 'qr' }>): Block {
  const ecc =
    ({ L: 'low', M: 'medium', Q: 'quartile', H: 'high' } as const)[
      e.errorLevel as 'L' | 'M' | 'Q' | 'H'
    ] ?? 'medium';
  // Printers add no quiet zone of their own; the white paper around the code is the quiet zone.
  const matrix = encodeQR(e.data, 'raw', { ecc, border: 1 })
    .slice(1, -1)
    .map((row) => row.slice(1, -1));
  const size = matrix.length * e.moduleSize;
  return {
    height: size,
    draw(ctx, top, width) {
      const x0 = left(e.align, size, width);
      ctx.fillStyle = '#000';
      matrix.forEach((row, y) =>
        row.forEach((on, x) => {
          if (on)
            ctx.fillRect(x0 + x * e.moduleSize, top + y * e.moduleSize, e.moduleSize, e.moduleSize);
        }),
      );
    },
  };
}

/** Renders one ticket's events (initialize .. cut) as a PNG of `widthDots` printable dots. */
export function renderTicketPng(events: EscPosEvent[], widthDots: number): Buffer {
  registerThaiFonts();
  const blocks: Block[] = [];
  for (const e of events) {
    if (e.type === 'text') blocks.push(textBlock(e));
    else if (e.type === 'raster') blocks.push(rasterBlock(e));
    else if (e.type === 'qr') blocks.push(qrBlock(e));
    else if (e.type === 'feed')
      blocks.push({ height: e.lines * LINE_HEIGHT, draw: () => undefined });
  }
  const height = blocks.reduce((sum, b) => sum + b.height, 0) + 2 * MARGIN;
  const canvas = createCanvas(widthDots + 2 * MARGIN, Math.max(height, 2 * MARGIN + 1));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.save();
  ctx.translate(MARGIN, 0);
  let top = MARGIN;
  for (const b of blocks) {
    b.draw(ctx, top, widthDots);
    top += b.height;
  }
  ctx.restore();
  return canvas.toBuffer('image/png');
}
