import { describe, expect, it } from 'vitest';
import { displayProtocol } from '../../../hardware/display/display-protocols.ts';
import { cd5220 } from '../../../hardware/display/cd5220-protocol.ts';
import { epsonDmd } from '../../../hardware/display/epson-dmd-protocol.ts';
import { ledStx } from '../../../hardware/display/led-stx-protocol.ts';
import { templateProtocol } from '../../../hardware/display/template-protocol.ts';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('display protocols', () => {
  it('cd5220 clears and writes the upper line, centred in 20 characters, ending at CR', () => {
    const bytes = cd5220.encode({ text: 'A012' });
    expect(hex(bytes.subarray(0, 4))).toBe('0c1b5141');
    expect(Buffer.from(bytes.subarray(4, 24)).toString('latin1')).toBe('        A012        ');
    expect(bytes.at(-1)).toBe(0x0d);
    expect(cd5220.decode(bytes).frames).toEqual([{ text: 'A012' }]);
  });

  it('epson-dmd clears, writes the number and hides the cursor', () => {
    const bytes = epsonDmd.encode({ text: 'PA003' });
    expect(bytes[0]).toBe(0x0c);
    expect(hex(bytes.subarray(-3))).toBe('1f4300');
    expect(epsonDmd.decode(bytes).frames).toEqual([{ text: 'PA003' }]);
  });

  it('led-stx sends STX, the two-digit address, the right-aligned digits and ETX', () => {
    const board = ledStx({ address: 3, digits: 4 });
    expect(Buffer.from(board.encode({ text: '12' })).toString('latin1')).toBe('\x0203  12\x03');
    expect(board.decode(board.encode({ text: 'A012' })).frames).toEqual([{ text: 'A012' }]);
    expect(() => board.encode({ text: 'A0123' })).toThrow(/does not fit 4 digits/);
    expect(() => ledStx({ address: 100, digits: 4 })).toThrow(/0\.\.99/);
  });

  it('led-stx ignores frames meant for other boards on the bus', () => {
    const mine = ledStx({ address: 3, digits: 4 });
    const other = ledStx({ address: 4, digits: 4 });
    const stream = Buffer.concat([other.encode({ text: 'B001' }), mine.encode({ text: 'A012' })]);
    expect(mine.decode(new Uint8Array(stream)).frames).toEqual([{ text: 'A012' }]);
  });

  it('the template protocol takes its bytes from data', () => {
    const t = templateProtocol({ template: '\\x1b\\x40N{address:3}={text:5}\\x0d', address: 7 });
    expect(Buffer.from(t.encode({ text: 'A012' })).toString('latin1')).toBe('\x1b\x40N007= A012\r');
    expect(t.decode(t.encode({ text: 'A012' })).frames).toEqual([{ text: 'A012' }]);
    const free = templateProtocol({ template: '\\x02{text}\\x03' });
    expect(free.decode(free.encode({ text: 'C105' })).frames).toEqual([{ text: 'C105' }]);
  });

  it('refuses a template it could not decode again, with the reason', () => {
    expect(() => templateProtocol({ template: '{text}\\x03' })).toThrow(/start with literal bytes/);
    expect(() => templateProtocol({ template: '\\x02{number}' })).toThrow(/cannot read/);
    expect(() => templateProtocol({ template: '\\x02{text}' })).toThrow(
      /followed by literal bytes/,
    );
    expect(() => templateProtocol({ template: '\\x02\\x03' })).toThrow(/no \{text\}/);
  });

  it('keeps a frame that arrives in pieces until it is whole', () => {
    for (const protocol of [
      cd5220,
      epsonDmd,
      ledStx({ address: 1, digits: 4 }),
      templateProtocol({ template: '\\x02{address:2}{text:4}\\x03' }),
    ]) {
      const bytes = protocol.encode({ text: 'A012' });
      const first = protocol.decode(bytes.subarray(0, 3));
      expect(first.frames).toEqual([]);
      const joined = new Uint8Array([...first.rest, ...bytes.subarray(3)]);
      expect(protocol.decode(joined).frames).toEqual([{ text: 'A012' }]);
    }
  });

  it('picks protocols by name and says which names exist', () => {
    expect(displayProtocol({ protocol: 'cd5220' }).name).toBe('cd5220');
    expect(displayProtocol({ protocol: 'led-stx', address: 2 }).name).toBe('led-stx');
    expect(() => displayProtocol({ protocol: 'vfd' })).toThrow(
      /known: cd5220, epson-dmd, led-stx, template/,
    );
    expect(() => displayProtocol({ protocol: 'template' })).toThrow(/needs a template/);
    expect(() => cd5220.encode({ text: 'คิว' })).toThrow(/printable ASCII/);
  });
});
