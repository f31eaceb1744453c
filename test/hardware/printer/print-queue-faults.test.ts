import { afterEach, describe, expect, it } from 'vitest';
import { queueOn, tcpPrinterRig, until } from '../printer-rig.ts';
import { sampleTicket } from '../sample-ticket.ts';
import { REPRINT_LINE } from '../../../hardware/printer/ticket-layout.ts';
import { encodeTicket } from '../../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../../hardware/printer/printer-profile.ts';
import { readEscPos } from '../escpos-read.ts';
import { CleanupStack } from '../../helpers/cleanup-stack.ts';

const cleanups = new CleanupStack();
afterEach(() => cleanups.run());

async function rig(
  options: Parameters<typeof tcpPrinterRig>[0] = {},
  queueOptions: Parameters<typeof queueOn>[1] = {},
) {
  const r = await tcpPrinterRig(options);
  const q = queueOn(r.transport, queueOptions);
  cleanups.push(async () => {
    await q.queue.stop();
    await r.transport.close();
    await r.printer.close();
  });
  return { ...r, ...q };
}

const tickets = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    id: `t${i + 1}`,
    data: sampleTicket({ id: `t${i + 1}`, number: `A${String(i + 1).padStart(3, '0')}` }),
  }));
/** Lines of paper one ticket uses on the virtual printer: every text line, raster and QR code. */
function paperLinesOf(data: ReturnType<typeof sampleTicket>): number {
  const bytes = encodeTicket(data, {
    profile: loadPrinterProfile('epson-tm-t82'),
    thai: { mode: 'text', codepage: 21 },
  });
  return readEscPos(bytes).filter(
    (e) => e.type === 'text' || e.type === 'raster' || e.type === 'qr',
  ).length;
}
const numberOf = (lines: string[]) => lines.map((l) => l.trim()).find((l) => /^A\d{3}$/.test(l));

describe('print queue against a virtual printer', () => {
  it('prints a run of tickets in the order they were issued', async () => {
    const { queue, printer, outcomes } = await rig();
    for (const job of tickets(5)) queue.enqueue(job);
    await queue.whenIdle();
    expect(outcomes.map((o) => [o.jobId, o.outcome])).toEqual(
      tickets(5).map((t) => [t.id, 'printed']),
    );
    expect(printer.tickets.map((t) => numberOf(t.lines))).toEqual([
      'A001',
      'A002',
      'A003',
      'A004',
      'A005',
    ]);
    expect(
      printer.tickets.every((t) => t.complete && !t.lines.some((l) => l.includes('REPRINT'))),
    ).toBe(true);
  });

  it('reprints the ticket cut short when the paper runs out in the middle of a run, and keeps the order', async () => {
    // The roll runs out ten lines into the second ticket, after its number.
    const linesPerTicket = paperLinesOf(tickets(1)[0]!.data);
    const { queue, printer, outcomes, attempts } = await rig({ paperLines: linesPerTicket + 10 });
    for (const job of tickets(4)) queue.enqueue(job);
    await until(() => attempts.length > 0, 10_000, 'the paper to run out');
    expect(attempts[0]).toMatchObject({ jobId: 't2', reason: 'printer_paperOut' });
    expect(printer.tickets.map((t) => [numberOf(t.lines), t.complete])).toEqual([
      ['A001', true],
      ['A002', false],
    ]);
    printer.loadPaper(null);
    await queue.whenIdle();
    expect(outcomes).toEqual([
      { jobId: 't1', outcome: 'printed', attempts: 1, reprint: false },
      { jobId: 't2', outcome: 'printed', attempts: 2, reprint: true },
      { jobId: 't3', outcome: 'printed', attempts: 1, reprint: false },
      { jobId: 't4', outcome: 'printed', attempts: 1, reprint: false },
    ]);
    const complete = printer.tickets.filter((t) => t.complete);
    expect(complete.map((t) => numberOf(t.lines))).toEqual(['A001', 'A002', 'A003', 'A004']);
    expect(complete[1]!.lines.map((l) => l.trim())).toContain(REPRINT_LINE);
    expect(complete[2]!.lines.map((l) => l.trim())).not.toContain(REPRINT_LINE);
  });

  it('holds the queue while the cover is open and prints everything once it is closed', async () => {
    const { queue, printer, outcomes } = await rig();
    printer.setState({ coverOpen: true });
    for (const job of tickets(3)) queue.enqueue(job);
    await new Promise((r) => setTimeout(r, 300));
    expect(printer.tickets).toEqual([]);
    expect(outcomes).toEqual([]);
    printer.setState({ coverOpen: false });
    await queue.whenIdle();
    // Nothing reached the paper while it was open, so nothing is a reprint.
    expect(outcomes.map((o) => o.outcome === 'printed' && o.reprint)).toEqual([
      false,
      false,
      false,
    ]);
    expect(printer.tickets.map((t) => numberOf(t.lines))).toEqual(['A001', 'A002', 'A003']);
  });

  it('fails every job with a reason when the printer never answers a status request', async () => {
    const { queue, printer, outcomes } = await rig(
      {},
      { giveUpAfterMs: 700, statusTimeoutMs: 150 },
    );
    printer.setState({ silent: true });
    for (const job of tickets(3)) queue.enqueue(job);
    await queue.whenIdle();
    expect(outcomes).toEqual(
      tickets(3).map((t) => ({
        jobId: t.id,
        outcome: 'failed',
        attempts: 0,
        reason: 'printer_offline',
      })),
    );
    expect(printer.tickets).toEqual([]);
  });

  it('prints again after the printer drops the connection, without a restart', async () => {
    const { queue, printer, outcomes, transport } = await rig();
    queue.enqueue(tickets(1)[0]!);
    await queue.whenIdle();
    printer.dropConnections();
    await until(() => !transport.isOpen, 2000, 'the drop to be noticed');
    for (const job of tickets(3).slice(1)) queue.enqueue(job);
    await queue.whenIdle();
    expect(outcomes.map((o) => o.outcome)).toEqual(['printed', 'printed', 'printed']);
    expect(printer.tickets.map((t) => numberOf(t.lines))).toEqual(['A001', 'A002', 'A003']);
  });

  it('fails the jobs still waiting when the queue stops, so none is left unaccounted for', async () => {
    const { queue, printer, outcomes } = await rig();
    printer.setState({ paperOut: true });
    for (const job of tickets(2)) queue.enqueue(job);
    await new Promise((r) => setTimeout(r, 200));
    await queue.stop();
    expect(
      outcomes.map((o) => [o.jobId, o.outcome, o.outcome === 'failed' ? o.reason : '']),
    ).toEqual([
      ['t1', 'failed', 'queue_stopped after printer_paperOut'],
      ['t2', 'failed', 'queue_stopped'],
    ]);
    queue.enqueue(tickets(3)[2]!);
    expect(outcomes.at(-1)).toMatchObject({
      jobId: 't3',
      outcome: 'failed',
      reason: 'queue_stopped',
    });
  });
});
