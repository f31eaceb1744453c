import type { PriorityKind } from '../../server/contract/contract.ts';
import type { TicketPrintData } from './ticket-print-data.ts';
import { formatIssueDate, DEFAULT_TIME_ZONE } from './issue-date.ts';
import { toPrintable } from './tis620.ts';
import { displayCells, wrapByCells } from './thai-cells.ts';
import { HardwareError } from '../hardware-error.ts';
import { complaintLine } from '../../server/core/complaint-channel.ts';

/*
 * The ticket as lines, before any byte is chosen. Text and raster modes
 * render the same layout, so the two can only differ in how Thai is drawn.
 */

export type LineAlign = 'left' | 'centre';

export interface TextLine {
  kind: 'text';
  text: string;
  align: LineAlign;
  /** Character magnification (GS !), 1 = normal. The lines are already wrapped for it. */
  size: 1 | 2 | 3 | 4;
  bold: boolean;
}

export type TicketLine =
  TextLine | { kind: 'qr'; data: string } | { kind: 'blank' } | { kind: 'cut' };

export interface LayoutOptions {
  columns: number;
  timeZone?: string;
}

export const FAIRNESS_LINE_TH = 'ใครมาก่อนได้ก่อน ตามลำดับคิว';
export const SCAN_LINE = 'สแกนดูสถานะคิว';
export const REPRINT_LINE = 'พิมพ์ซ้ำ / REPRINT';

const PRIORITY_LABELS: Record<PriorityKind, { th: string; en: string }> = {
  elderly: { th: 'ผู้สูงอายุ', en: 'elderly' },
  disabled: { th: 'คนพิการ', en: 'person with disability' },
  pregnant: { th: 'หญิงตั้งครรภ์', en: 'pregnant woman' },
};

const NUMBER_SIZE = 4;

function checkData(data: TicketPrintData): void {
  if (!/^[A-Z]{1,3}\d{1,4}$/.test(data.ticket.number)) {
    throw new HardwareError(
      'invalid_ticket_number',
      `ticket number must look like A012 or PA003, got "${data.ticket.number}"`,
    );
  }
  if (!Number.isInteger(data.ahead) || data.ahead < 0)
    throw new HardwareError(
      'invalid_ticket',
      `ahead must be a whole number >= 0, got ${data.ahead}`,
    );
  if (data.estimatedWaitMinutes !== null && !(data.estimatedWaitMinutes >= 0)) {
    throw new HardwareError(
      'invalid_ticket',
      `estimatedWaitMinutes must be >= 0 or null, got ${data.estimatedWaitMinutes}`,
    );
  }
  let url: URL;
  try {
    url = new URL(data.statusUrl);
  } catch {
    throw new HardwareError('invalid_status_url', `statusUrl is not a URL: "${data.statusUrl}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new HardwareError('invalid_status_url', `statusUrl must be http(s): "${data.statusUrl}"`);
}

/**
 * The complaint line: a text as given keeps its old form; the office channel's parts go on one
 * line of the paper, as many as fit (complaintLine), so the ticket never grows by a line for it.
 */
function complaintText(channel: string | readonly string[], columns: number): string {
  if (typeof channel === 'string') return channel.trim() ? `ร้องเรียน: ${channel}` : '';
  return complaintLine(
    channel.map((part) => toPrintable(part)),
    columns,
  );
}

/** Lays out one ticket for a paper of `columns` cells (issue 3, item 1). */
export function layoutTicket(data: TicketPrintData, options: LayoutOptions): TicketLine[] {
  checkData(data);
  const { columns } = options;
  const lines: TicketLine[] = [];
  const text = (
    value: string,
    align: LineAlign,
    style: { size?: 1 | 2 | 3 | 4; bold?: boolean; indent?: number } = {},
  ): void => {
    const size = style.size ?? 1;
    const indent = style.indent ?? 0;
    const width = Math.floor(columns / size);
    const wrapped = wrapByCells(toPrintable(value), width);
    wrapped.forEach((line, i) => {
      // Continuation lines of a list item are indented under its text, not its number.
      const prefix = i > 0 && indent > 0 ? ' '.repeat(indent) : '';
      const body = prefix && displayCells(prefix + line) > width ? line : prefix + line;
      lines.push({ kind: 'text', text: body, align, size, bold: style.bold ?? false });
    });
  };
  const blank = (): void => {
    lines.push({ kind: 'blank' });
  };

  // The office's own (Thai) name only: its English name costs ~45 B of the 600 B budget,
  // and the service, which citizens and visitors need to read, is in both languages.
  text(data.officeName.th, 'centre', { bold: true });
  blank();
  text(data.service.name.th, 'centre', { bold: true });
  text(data.service.name.en, 'centre');
  text(data.ticket.number, 'centre', { size: NUMBER_SIZE, bold: true });
  if (data.ticket.priority) {
    const label = PRIORITY_LABELS[data.ticket.priority];
    text(`คิวพิเศษ ${label.th}`, 'centre', { bold: true });
    text(`Priority: ${label.en}`, 'centre');
  }
  if (data.reprint) text(REPRINT_LINE, 'centre', { bold: true });
  blank();

  // Secondary lines are Thai only: every line costs bytes, and a text ticket
  // should stay under 600 B so a 9,600-baud printer finishes in about a second.
  const date = formatIssueDate(data.ticket.issuedAt, options.timeZone ?? DEFAULT_TIME_ZONE);
  text(date.th, 'left');
  const wait = data.estimatedWaitMinutes;
  text(
    `รอก่อนหน้า ${data.ahead} คิว` + (wait === null ? '' : ` ประมาณ ${Math.round(wait)} นาที`),
    'left',
  );
  blank();

  text(`ขั้นตอนบริการ มาตรฐาน ${data.service.standardMinutes} นาที`, 'left', { bold: true });
  for (const step of [...data.service.steps].sort((a, b) => a.order - b.order)) {
    const label = `${step.order}. `;
    text(`${label}${step.title.th} ${step.minutes} นาที`, 'left', { indent: label.length });
  }

  lines.push({ kind: 'qr', data: data.statusUrl });
  text(SCAN_LINE, 'centre');
  text(FAIRNESS_LINE_TH, 'centre', { bold: true });
  const complaint = complaintText(data.complaintChannel, columns);
  if (complaint) text(complaint, 'left');
  lines.push({ kind: 'cut' });
  return lines;
}
