import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SerialPort } from 'serialport';
import { loadImage, createCanvas } from '@napi-rs/canvas';
import decodeQR from 'qr/decode.js';
import { hardwareCommands } from '../../../hardware/cli/commands.ts';
import { VirtualPrinter } from '../../../hardware/virtual/virtual-printer.ts';
import { VirtualDisplay } from '../../../hardware/virtual/virtual-display.ts';
import { cd5220 } from '../../../hardware/display/cd5220-protocol.ts';
import { FAIRNESS_LINE_TH } from '../../../hardware/printer/ticket-layout.ts';
import { ptyPair, killAllSocat } from '../socat.ts';
import { until } from '../printer-rig.ts';

const runner = fileURLToPath(new URL('./run-hardware-command.ts', import.meta.url));
const children: ChildProcess[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  await killAllSocat();
});
afterEach(() => vi.restoreAllMocks());

/** Captures what a command prints, so the test reads its one-line report. */
function captureLog(): string[] {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void lines.push(a.join(' ')));
  return lines;
}

async function startVirtualPrinterProcess(
  out: string,
): Promise<{ uri: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', runner, 'virtual-printer', '--port', '0', '--out', out],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  children.push(child);
  const lines = createInterface({ input: child.stdout! });
  const uri = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const m = /^virtual printer listening on (tcp:\/\/127\.0\.0\.1:\d+)$/.exec(line);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`virtual-printer exited with ${code}`)));
  });
  return { uri, child };
}

async function qrInPng(file: string): Promise<string> {
  const image = await loadImage(file);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return decodeQR({ data, width, height });
}

describe('hardware commands', () => {
  it('print-test sends the sample ticket to the virtual printer process, which renders a PNG with a scannable QR code', async () => {
    const out = join(process.cwd(), 'test-output', 'cli-print-test');
    mkdirSync(out, { recursive: true });
    const { uri, child } = await startVirtualPrinterProcess(mkdtempSync(join(out, 'run-')));
    const outDir = child.spawnargs.at(-1) as string;
    const log = captureLog();
    expect(
      await hardwareCommands['print-test']!([
        '--printer',
        uri,
        '--profile',
        'epson-tm-t82',
        '--mode',
        'text',
      ]),
    ).toBe(0);
    expect(log.at(-1)).toMatch(
      /^sent \d+ bytes \(epson-tm-t82, text, code page 21\) to tcp:.*printer online before, online after$/,
    );
    expect(
      await hardwareCommands['print-test']!([
        '--printer',
        uri,
        '--profile',
        'xprinter-80',
        '--mode',
        'auto',
      ]),
    ).toBe(0);
    expect(log.at(-1)).toMatch(/xprinter-80, raster/);
    await until(() => existsSync(join(outDir, 'ticket-0002.png')), 10_000, 'the PNGs');
    await new Promise((r) => setTimeout(r, 300));
    expect(readdirSync(outDir).sort()).toEqual(['ticket-0001.png', 'ticket-0002.png']);
    expect(await qrInPng(join(outDir, 'ticket-0001.png'))).toBe(
      'http://127.0.0.1:8080/t/print-test',
    );
    expect(await qrInPng(join(outDir, 'ticket-0002.png'))).toBe(
      'http://127.0.0.1:8080/t/print-test',
    );
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    expect(child.exitCode).toBe(0);
  });

  it('print-test over a serial line writes Thai that decodes under the chosen code page', async () => {
    const pty = await ptyPair();
    const printer = new VirtualPrinter({
      outDir: mkdtempSync(join(tmpdir(), 'khiu-cli-serial-')),
      renderPng: false,
    });
    const end = await new Promise<SerialPort>((resolve, reject) => {
      const p = new SerialPort({ path: pty.b, baudRate: 9600 }, (err) =>
        err ? reject(err) : resolve(p),
      );
    });
    printer.attach(end);
    captureLog();
    expect(
      await hardwareCommands['print-test']!([
        '--printer',
        `serial:${pty.a}?baud=9600`,
        '--profile',
        'xprinter-58',
        '--mode',
        'text',
        '--codepage',
        '255',
      ]),
    ).toBe(0);
    await until(() => printer.tickets.length === 1, 5000, 'the ticket');
    const ticket = printer.tickets[0]!;
    expect(ticket.complete).toBe(true);
    expect(ticket.codepages).toEqual([255]);
    expect(ticket.lines.map((l) => l.trim())).toContain(FAIRNESS_LINE_TH);
    expect(ticket.qr).toEqual(['http://127.0.0.1:8080/t/print-test']);
    end.destroy();
    await printer.close();
    await pty.kill();
  });

  it('display-test writes the protocol bytes the board decodes', async () => {
    const board = new VirtualDisplay(cd5220);
    const port = await board.listen(0);
    const log = captureLog();
    expect(
      await hardwareCommands['display-test']!([
        '--display',
        `tcp://127.0.0.1:${port}`,
        '--protocol',
        'cd5220',
        '--text',
        'A012',
      ]),
    ).toBe(0);
    await until(() => board.showing === 'A012', 3000, 'the frame');
    expect(log.at(-1)).toMatch(/^sent 25 bytes \(cd5220\) to tcp:\/\/127\.0\.0\.1:\d+: 0c1b5141/);
    await board.close();
  });

  it('explains bad arguments in one line and exits 2', async () => {
    const log = captureLog();
    expect(await hardwareCommands['print-test']!(['--printer', 'lpt1'])).toBe(2);
    expect(log.at(-1)).toMatch(/^error: "lpt1": not a URI/);
    expect(
      await hardwareCommands['print-test']!([
        '--printer',
        'tcp://127.0.0.1:9',
        '--profile',
        'xprinter-80',
        '--mode',
        'text',
      ]),
    ).toBe(2);
    expect(log.at(-1)).toMatch(/--codepage N/);
    expect(
      await hardwareCommands['display-test']!([
        '--display',
        'tcp://127.0.0.1:9',
        '--protocol',
        'nope',
        '--text',
        '1',
      ]),
    ).toBe(2);
    expect(log.at(-1)).toMatch(/unknown display protocol "nope"/);
    expect(await hardwareCommands['print-test']!(['--printr', 'x'])).toBe(2);
    expect(log.at(-1)).toMatch(/unknown option --printr/);
  });

  it('devices lists serial ports without failing', async () => {
    captureLog();
    expect(await hardwareCommands.devices!([])).toBe(0);
  });
});
