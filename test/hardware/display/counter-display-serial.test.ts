import { afterAll, describe, expect, it } from 'vitest';
import { SerialPort } from 'serialport';
import { ptyPair, killAllSocat } from '../socat.ts';
import { until } from '../printer-rig.ts';
import { SerialTransport } from '../../../hardware/transport/serial-transport.ts';
import { ReconnectingTransport } from '../../../hardware/transport/reconnecting-transport.ts';
import { CounterDisplay } from '../../../hardware/display/counter-display.ts';
import { ledStx } from '../../../hardware/display/led-stx-protocol.ts';
import { VirtualDisplay } from '../../../hardware/virtual/virtual-display.ts';

afterAll(killAllSocat);

function openBoardEnd(path: string, board: VirtualDisplay): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate: 9600 }, (err) =>
      err ? reject(err) : resolve(port),
    );
    board.attach(port);
  });
}

describe('counter display on a serial line', () => {
  it('shows the called number, blinks on a new call, and is repainted after being unplugged and plugged back', async () => {
    const pty = await ptyPair();
    const protocol = ledStx({ address: 1, digits: 4 });
    const board = new VirtualDisplay(protocol);
    let boardPort = await openBoardEnd(pty.b, board);
    const transport = new ReconnectingTransport(
      new SerialTransport(`serial:${pty.a}?baud=9600`, pty.a, 9600),
      { initialDelayMs: 50, maxDelayMs: 200 },
    );
    await transport.open();
    const display = new CounterDisplay(transport, protocol, { blinkTimes: 2, blinkIntervalMs: 40 });

    expect(await display.show('A011')).toBe(true);
    await until(() => board.showing === 'A011', 3000, 'A011 on the board');

    await display.show('A012', { blink: true });
    await until(() => board.frames.length >= 6, 3000, 'the blink frames');
    expect(board.frames.map((f) => f.text)).toEqual(['A011', 'A012', '', 'A012', '', 'A012']);

    // Unplug: socat dies, both ends vanish. The number changes while the board is gone.
    await pty.kill();
    await until(() => !transport.isOpen, 3000, 'the loss to be noticed');
    expect(await display.show('A013')).toBe(false);

    // Plug back in: a fresh board (it lost its memory) gets the current number without being asked.
    await pty.restart();
    const fresh = new VirtualDisplay(protocol);
    boardPort = await openBoardEnd(pty.b, fresh);
    await until(() => fresh.showing === 'A013', 5000, 'the repaint after reconnect');

    await display.close();
    await new Promise<void>((r) => boardPort.close(() => r()));
    await pty.kill();
  });
});
