import { afterAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import {
  ButtonBoxParser,
  DEFAULT_BUTTON_BOX,
  validateButtonBoxConfig,
} from '../../../hardware/buttons/button-box-parser.ts';
import { ButtonBox } from '../../../hardware/buttons/button-box.ts';
import { SerialTransport } from '../../../hardware/transport/serial-transport.ts';
import { ptyPair, killAllSocat } from '../socat.ts';
import { until } from '../printer-rig.ts';

afterAll(killAllSocat);

describe('rating button box', () => {
  it('turns each configured byte into its score', () => {
    const parser = new ButtonBoxParser({
      scoreBytes: { 1: 0x41, 2: 0x42, 3: 0x43, 4: 0x44, 5: 0x45 },
      debounceMs: 0,
    });
    expect(parser.push(Uint8Array.of(0x45), 0)).toEqual([{ score: 5, at: 0 }]);
    expect(parser.push(Uint8Array.of(0x41), 10)).toEqual([{ score: 1, at: 10 }]);
  });

  it('counts a bouncing button once, and only the first of two buttons pressed together', () => {
    const parser = new ButtonBoxParser(DEFAULT_BUTTON_BOX);
    expect(parser.push(new Uint8Array(Buffer.from('555')), 1000)).toEqual([{ score: 5, at: 1000 }]);
    expect(parser.push(new Uint8Array(Buffer.from('1')), 1100)).toEqual([]);
    expect(parser.push(new Uint8Array(Buffer.from('4')), 1300)).toEqual([{ score: 4, at: 1300 }]);
  });

  it('ignores bytes that are no button', () => {
    expect(
      new ButtonBoxParser(DEFAULT_BUTTON_BOX).push(Uint8Array.of(0x0d, 0x0a, 0x39), 0),
    ).toEqual([]);
  });

  it('refuses a configuration where two scores send the same byte', () => {
    expect(() =>
      validateButtonBoxConfig({ scoreBytes: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 1 }, debounceMs: 100 }),
    ).toThrow(/scores 1 and 5 send the same byte/);
    expect(() =>
      validateButtonBoxConfig({ scoreBytes: { 1: 1, 2: 2, 3: 3, 4: 4, 5: 300 }, debounceMs: 100 }),
    ).toThrow(/0\.\.255/);
  });

  it('reads presses from a box on a real serial line', async () => {
    const pty = await ptyPair();
    const box = new ButtonBox(new SerialTransport(`serial:${pty.a}`, pty.a, 9600), {
      ...DEFAULT_BUTTON_BOX,
      debounceMs: 50,
    });
    await box.transport.open();
    const presses: number[] = [];
    box.onPress((p) => presses.push(p.score));
    const boxEnd = await new Promise<SerialPort>((resolve, reject) => {
      const p = new SerialPort({ path: pty.b, baudRate: 9600 }, (err) =>
        err ? reject(err) : resolve(p),
      );
    });
    boxEnd.write('33');
    await until(() => presses.length === 1, 3000, 'the first press');
    await new Promise((r) => setTimeout(r, 120));
    boxEnd.write('5');
    await until(() => presses.length === 2, 3000, 'the second press');
    expect(presses).toEqual([3, 5]);
    await box.close();
    await new Promise<void>((r) => boxEnd.close(() => r()));
    await pty.kill();
  });
});
