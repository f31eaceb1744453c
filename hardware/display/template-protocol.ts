import type { DisplayFrame, DisplayProtocol } from './display-protocol.ts';
import { asciiText, bytesOf, textOf } from './display-protocol.ts';
import { HardwareError } from '../hardware-error.ts';

/*
 * For the boards nobody wrote a driver for: the frame is configured as data,
 * e.g. "\x02{address:2}{text:4}\x03" or "\x1b\x40{text}\r". Placeholders:
 *   {text}      the number as is          {text:N}     right-aligned in N
 *   {address:N} the board address, zero-padded to N digits
 * and \xHH for any byte. A free-width {text} must be followed by a literal,
 * which is where decoding finds its end.
 */

type Part =
  | { kind: 'bytes'; bytes: number[] }
  | { kind: 'text'; width: number | null }
  | { kind: 'address'; width: number };

export interface TemplateOptions {
  name?: string;
  template: string;
  address?: number;
}

function parseTemplate(template: string): Part[] {
  const parts: Part[] = [];
  const literal: number[] = [];
  const pushLiteral = (): void => {
    if (literal.length) parts.push({ kind: 'bytes', bytes: literal.splice(0) });
  };
  const bad = (why: string): never => {
    throw new HardwareError('invalid_display_template', `display template "${template}": ${why}`);
  };
  for (let i = 0; i < template.length;) {
    const rest = template.slice(i);
    const hex = /^\\x([0-9a-fA-F]{2})/.exec(rest);
    const slot = /^\{(text|address)(?::(\d+))?\}/.exec(rest);
    if (hex) {
      literal.push(parseInt(hex[1]!, 16));
      i += hex[0].length;
    } else if (slot) {
      pushLiteral();
      const width = slot[2] === undefined ? null : Number(slot[2]);
      if (width !== null && (width < 1 || width > 64)) bad('widths are 1..64');
      if (slot[1] === 'address') parts.push({ kind: 'address', width: width ?? 2 });
      else parts.push({ kind: 'text', width });
      i += slot[0].length;
    } else if (rest.startsWith('{') || rest.startsWith('\\')) {
      bad(`cannot read "${rest.slice(0, 12)}"; use {text}, {text:N}, {address:N} or \\xHH`);
    } else {
      const code = rest.charCodeAt(0);
      if (code > 0x7e || code < 0x20) bad('write control and non-ASCII bytes as \\xHH');
      literal.push(code);
      i++;
    }
  }
  pushLiteral();
  if (!parts.some((p) => p.kind === 'text')) bad('it has no {text}');
  parts.forEach((p, k) => {
    if (p.kind === 'text' && p.width === null && parts[k + 1]?.kind !== 'bytes')
      bad('a {text} without a width must be followed by literal bytes');
  });
  if (parts[0]?.kind !== 'bytes')
    bad('it must start with literal bytes, so a frame can be found in a stream');
  return parts;
}

export function templateProtocol(options: TemplateOptions): DisplayProtocol {
  const parts = parseTemplate(options.template);
  const address = options.address ?? 1;
  const first = (parts[0] as { bytes: number[] }).bytes;

  /** Tries to read one frame at `start`: the frame and its end, null if it is not one, 'more' if cut short. */
  function readAt(
    bytes: Uint8Array,
    start: number,
  ): { frame: DisplayFrame; end: number } | null | 'more' {
    let i = start;
    let text = '';
    for (let k = 0; k < parts.length; k++) {
      const p = parts[k]!;
      if (p.kind === 'bytes') {
        for (const b of p.bytes) {
          if (i >= bytes.length) return 'more';
          if (bytes[i++] !== b) return null;
        }
      } else if (p.kind === 'address') {
        if (i + p.width > bytes.length) return 'more';
        if (textOf(bytes.subarray(i, i + p.width)) !== String(address).padStart(p.width, '0'))
          return null;
        i += p.width;
      } else if (p.width !== null) {
        if (i + p.width > bytes.length) return 'more';
        text = textOf(bytes.subarray(i, i + p.width));
        i += p.width;
      } else {
        const stop = (parts[k + 1] as { bytes: number[] }).bytes[0]!;
        const end = bytes.indexOf(stop, i);
        if (end < 0) return 'more';
        text = textOf(bytes.subarray(i, end));
        i = end;
      }
    }
    return { frame: { text: text.trim() }, end: i };
  }

  return {
    name: options.name ?? 'template',
    encode(frame: DisplayFrame): Uint8Array {
      const text = asciiText(frame.text);
      const out: number[] = [];
      for (const p of parts) {
        if (p.kind === 'bytes') out.push(...p.bytes);
        else if (p.kind === 'address') out.push(...bytesOf(String(address).padStart(p.width, '0')));
        else if (p.width === null) out.push(...bytesOf(text));
        else {
          if (text.length > p.width)
            throw new HardwareError(
              'invalid_display_text',
              `"${text}" does not fit ${p.width} characters`,
            );
          out.push(...bytesOf(text.padStart(p.width, ' ')));
        }
      }
      return Uint8Array.from(out);
    },
    decode(bytes) {
      const frames: DisplayFrame[] = [];
      let i = 0;
      while (i < bytes.length) {
        const start = bytes.indexOf(first[0]!, i);
        if (start < 0) return { frames, rest: new Uint8Array(0) };
        const read = readAt(bytes, start);
        if (read === 'more') return { frames, rest: bytes.slice(start) };
        if (read === null) {
          i = start + 1;
          continue;
        }
        frames.push(read.frame);
        i = read.end;
      }
      return { frames, rest: new Uint8Array(0) };
    },
  };
}
