import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  VirtualPrinter,
  type VirtualPrinterOptions,
} from '../../hardware/virtual/virtual-printer.ts';
import { TcpTransport } from '../../hardware/transport/tcp-transport.ts';
import { ReconnectingTransport } from '../../hardware/transport/reconnecting-transport.ts';
import { PrinterLink } from '../../hardware/printer/printer-link.ts';
import {
  PrintQueue,
  type AttemptFailure,
  type JobOutcome,
} from '../../hardware/printer/print-queue.ts';
import { encodeTicket } from '../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../hardware/printer/printer-profile.ts';
import type { Transport } from '../../hardware/transport/transport.ts';

/** A print queue wired to a transport, with every outcome and failed attempt recorded. */
export function queueOn(
  transport: Transport,
  options: { giveUpAfterMs?: number; statusTimeoutMs?: number } = {},
) {
  const profile = loadPrinterProfile('epson-tm-t82');
  const outcomes: JobOutcome[] = [];
  const attempts: AttemptFailure[] = [];
  const link = new PrinterLink(transport, { statusTimeoutMs: options.statusTimeoutMs ?? 300 });
  const queue = new PrintQueue({
    link,
    encode: (data) => encodeTicket(data, { profile, thai: { mode: 'text', codepage: 21 } }),
    onSettled: (o) => outcomes.push(o),
    onAttemptFailed: (a) => attempts.push(a),
    pollIntervalMs: 50,
    giveUpAfterMs: options.giveUpAfterMs ?? 15_000,
  });
  return { queue, link, outcomes, attempts };
}

/** A virtual printer on a free port and a reconnecting TCP transport to it. */
export async function tcpPrinterRig(options: Partial<VirtualPrinterOptions> = {}) {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'khiu-vp-'));
  const printer = new VirtualPrinter({ renderPng: false, ...options, outDir });
  const port = await printer.listen(0);
  const uri = `tcp://127.0.0.1:${port}`;
  const transport = new ReconnectingTransport(new TcpTransport(uri, '127.0.0.1', port), {
    initialDelayMs: 50,
    maxDelayMs: 400,
  });
  await transport.open();
  return { printer, port, uri, transport };
}

export const until = async (
  check: () => boolean,
  timeoutMs = 10_000,
  what = 'condition',
): Promise<void> => {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};
