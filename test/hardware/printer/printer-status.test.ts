import { describe, expect, it } from 'vitest';
import {
  PrinterStatusReader,
  statusFromAnswers,
  type PrinterStatus,
} from '../../../hardware/printer/printer-status.ts';

function collect(reader: PrinterStatusReader): Array<[PrinterStatus['state'], string]> {
  const seen: Array<[PrinterStatus['state'], string]> = [];
  reader.onStatus((s, source) => seen.push([s.state, source]));
  return seen;
}

describe('printer status reader', () => {
  it('reports online when DLE EOT 1..4 come back clear', () => {
    const reader = new PrinterStatusReader();
    const seen = collect(reader);
    for (const n of [1, 2, 3, 4] as const) reader.expect(n);
    reader.push(Uint8Array.of(0x12, 0x12, 0x12, 0x12));
    expect(seen).toEqual([['online', 'query']]);
  });

  it('waits for the last answer when the bytes arrive one at a time', () => {
    const reader = new PrinterStatusReader();
    const seen = collect(reader);
    for (const n of [1, 2, 3, 4] as const) reader.expect(n);
    reader.push(Uint8Array.of(0x1a));
    reader.push(Uint8Array.of(0x32));
    reader.push(Uint8Array.of(0x12));
    expect(seen).toEqual([]);
    reader.push(Uint8Array.of(0x72));
    expect(seen).toEqual([['paperOut', 'query']]);
  });

  it('tells cover open, paper near end and offline apart', () => {
    expect(statusFromAnswers({ 1: 0x1a, 2: 0x16, 3: 0x12, 4: 0x12 }).state).toBe('coverOpen');
    expect(statusFromAnswers({ 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e })).toMatchObject({
      state: 'paperNearEnd',
      paperNearEnd: true,
      paperOut: false,
    });
    expect(statusFromAnswers({ 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 }).state).toBe('offline');
    expect(statusFromAnswers({ 1: 0x12, 2: 0x12, 3: 0x1a, 4: 0x12 })).toMatchObject({
      state: 'offline',
      error: true,
    });
  });

  it('reads Automatic Status Back messages interleaved with query answers', () => {
    const reader = new PrinterStatusReader();
    const seen = collect(reader);
    reader.expect(1);
    reader.expect(2);
    // ASB says paper out (third byte 0x0c), then the two query answers follow.
    reader.push(Uint8Array.of(0x18, 0x00));
    reader.push(Uint8Array.of(0x0c, 0x00, 0x12));
    reader.push(Uint8Array.of(0x12));
    expect(seen).toEqual([
      ['paperOut', 'asb'],
      ['online', 'query'],
    ]);
    reader.push(Uint8Array.of(0x30, 0x00, 0x00, 0x00));
    expect(seen.at(-1)).toEqual(['coverOpen', 'asb']);
  });

  it('ignores line noise that is neither an answer nor an ASB header', () => {
    const reader = new PrinterStatusReader();
    const seen = collect(reader);
    reader.expect(1);
    reader.push(Uint8Array.of(0x11, 0x13, 0xff, 0x12));
    expect(seen).toEqual([['online', 'query']]);
  });
});
