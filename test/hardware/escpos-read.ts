import { EscPosDecoder, type EscPosEvent } from '../../hardware/virtual/escpos-decoder.ts';

/** Decodes a whole ESC/POS byte string (tests read tickets back this way). */
export function readEscPos(
  bytes: Uint8Array,
  thaiCodepages: number[] = [21, 26, 30, 70, 96, 255],
): EscPosEvent[] {
  return new EscPosDecoder({ thaiCodepages: new Set(thaiCodepages) }).push(bytes);
}

export type TextEvent = Extract<EscPosEvent, { type: 'text' }>;

export function textLines(events: EscPosEvent[]): TextEvent[] {
  return events.filter((e): e is TextEvent => e.type === 'text' && e.text.trim() !== '');
}
