import { afterEach, describe, expect, it } from 'vitest';
import { ProfileBook } from '../../../hardware/agent/profile-book.ts';
import { StationDisplay } from '../../../hardware/agent/station-display.ts';
import { DeviceStatusBoard } from '../../../hardware/agent/device-status-board.ts';
import { parseStationConfig } from '../../../hardware/agent/station-config.ts';
import { VirtualDisplay } from '../../../hardware/virtual/virtual-display.ts';
import { ledStx } from '../../../hardware/display/led-stx-protocol.ts';
import { createTransport } from '../../../hardware/transport/open-transport.ts';
import { until } from '../printer-rig.ts';
import type { DeviceProfiles } from '../../../server/contract/contract.ts';
import { CleanupStack } from '../../helpers/cleanup-stack.ts';

const officeProfiles: DeviceProfiles = {
  printers: [
    {
      name: 'epson-tm-t82',
      description: 'the hall printer, Thai page read off its self-test page',
      paperWidthMm: 80,
      printWidthDots: 576,
      columns: 48,
      thaiMode: 'text',
      codepage: 255,
      codepageNote: '',
    },
  ],
  displays: [
    {
      name: 'hall-led',
      description: '',
      protocol: 'led-stx',
      address: 2,
      digits: 4,
      template: null,
    },
  ],
};

describe("the office's device profiles at a station", () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('lets an office profile replace a shipped one of the same name, and names unknown ones', () => {
    const book = new ProfileBook();
    expect(book.printer('epson-tm-t82').codepage).toBe(21);
    book.replace(officeProfiles, () => {});
    expect(book.printer('epson-tm-t82').codepage).toBe(255);
    expect(book.printer('xprinter-58').columns).toBe(32);
    expect(() => book.printer('nope')).toThrow(/no printer profile "nope"/);
    expect(book.display('hall-led')).toEqual({ protocol: 'led-stx', address: 2, digits: 4 });
    expect(() => book.display('other')).toThrow(/no display profile "other"/);
  });

  it('leaves out an office printer profile the layout refuses, and says why', () => {
    const book = new ProfileBook();
    const logs: string[] = [];
    book.replace(
      {
        ...officeProfiles,
        printers: [{ ...officeProfiles.printers[0]!, name: 'wide', columns: 40 as 48 }],
      },
      (l) => logs.push(l),
    );
    expect(() => book.printer('wide')).toThrow(/no printer profile/);
    expect(logs.join('\n')).toMatch(/office printer profile wide/);
  });

  it('keeps a board waiting for its display profile, then shows the number in that protocol', async () => {
    const virtual = new VirtualDisplay(ledStx({ address: 2, digits: 4 }));
    const port = await virtual.listen(0);
    cleanups.push(() => virtual.close());
    const config = parseStationConfig({
      station: 'counter-pc-2',
      server: 'http://127.0.0.1:8080',
      displays: [
        { uri: `tcp://127.0.0.1:${port}`, profile: 'hall-led', counterId: 2, blinkTimes: 0 },
      ],
    });
    const board = new DeviceStatusBoard({ send: async () => {}, log: () => {} });
    const display = new StationDisplay({
      config: config.displays[0]!,
      transport: createTransport(config.displays[0]!.uri),
      board,
      log: () => {},
    });
    cleanups.push(() => display.stop());
    display.start();
    await display.show('A017', true);
    await until(() => board.get('display-2')?.state === 'error', 5000, 'the waiting state');
    expect(board.get('display-2')?.detail).toMatch(
      /waiting for the office's display profile "hall-led"/,
    );
    expect(virtual.showing).toBeNull();

    const book = new ProfileBook();
    book.replace(officeProfiles, () => {});
    display.useProfiles(book);
    await until(() => virtual.showing === 'A017', 5000, 'the number on the board');
    expect(board.get('display-2')?.state).toBe('online');
  });

  it('refuses a display with both a protocol and a profile, or neither', () => {
    const base = { station: 's', server: 'http://127.0.0.1:8080' };
    expect(() =>
      parseStationConfig({ ...base, displays: [{ uri: 'tcp://127.0.0.1:1', counterId: 1 }] }),
    ).toThrow(/either "protocol"/);
    expect(() =>
      parseStationConfig({
        ...base,
        displays: [{ uri: 'tcp://127.0.0.1:1', counterId: 1, protocol: 'cd5220', profile: 'x' }],
      }),
    ).toThrow(/either "protocol"/);
  });
});
