import { describe, expect, it } from 'vitest';
import { encodeTicket } from '../../../hardware/printer/ticket-encoder.ts';
import { loadPrinterProfile } from '../../../hardware/printer/printer-profile.ts';
import { displayCells } from '../../../hardware/printer/thai-cells.ts';
import { FAIRNESS_LINE_TH, REPRINT_LINE } from '../../../hardware/printer/ticket-layout.ts';
import { readEscPos, textLines } from '../escpos-read.ts';
import { sampleTicket } from '../sample-ticket.ts';

const t82 = loadPrinterProfile('epson-tm-t82');
const x58 = loadPrinterProfile('xprinter-58');

describe('ticket bytes in text mode', () => {
  const bytes = encodeTicket(sampleTicket(), {
    profile: t82,
    thai: { mode: 'text', codepage: 21 },
  });
  const events = readEscPos(bytes);

  it('selects the Thai code page once, right after initialising, and decodes back to the Thai it was given', () => {
    expect(events[0]).toEqual({ type: 'initialize' });
    const pages = events.filter((e) => e.type === 'codepage');
    expect(pages).toEqual([{ type: 'codepage', page: 21 }]);
    const lines = textLines(events).map((l) => l.text.trim());
    expect(lines).toContain('สำนักงานเทศบาลตำบลบ้านสวน');
    expect(lines).toContain('ชำระภาษีที่ดินและสิ่งปลูกสร้าง');
    expect(lines).toContain('Land and building tax payment');
    expect(lines).toContain(FAIRNESS_LINE_TH);
    expect(lines).toContain('5 มี.ค. 2569 เวลา 09:12 น.');
    expect(lines).toContain('รอก่อนหน้า 3 คิว ประมาณ 15 นาที');
    expect(lines).toContain('ขั้นตอนบริการ มาตรฐาน 13 นาที');
    expect(lines).toContain('1. ตรวจสอบรายการภาษีและเอกสาร 5 นาที');
    expect(lines).toContain('ร้องเรียน: โทร 0 7400 0000');
    expect(lines).not.toContain(REPRINT_LINE);
  });

  it('sends Thai as one TIS-620 byte per character, never UTF-8', () => {
    const fairness = textLines(events).find((l) => l.text.trim() === FAIRNESS_LINE_TH)!;
    expect(fairness.bytes.every((b) => b < 0x80 || (b >= 0xa1 && b <= 0xfb))).toBe(true);
    expect(Buffer.from(bytes).includes(Buffer.from('ใคร', 'utf8'))).toBe(false);
  });

  it('prints the number very large and bold, centred', () => {
    const number = textLines(events).find((l) => l.text.trim() === 'A012')!;
    expect(number).toMatchObject({ width: 4, height: 4, bold: true });
    expect(number.text).toBe(' '.repeat((48 / 4 - 4) / 2) + 'A012');
  });

  it('centres Thai lines by display cells', () => {
    const fairness = textLines(events).find((l) => l.text.trim() === FAIRNESS_LINE_TH)!;
    const pad = fairness.text.length - fairness.text.trimStart().length;
    expect(pad).toBe(Math.floor((48 - displayCells(FAIRNESS_LINE_TH)) / 2));
    expect(pad).not.toBe(Math.floor((48 - FAIRNESS_LINE_TH.length) / 2));
  });

  it('carries the status URL in a native QR code and ends with a cut', () => {
    const qr = events.filter((e) => e.type === 'qr');
    expect(qr).toEqual([
      expect.objectContaining({
        data: 'http://192.168.1.10:8080/t/01JQ8ZK3M4',
        align: 'centre',
        moduleSize: 6,
      }),
    ]);
    expect(events.filter((e) => e.type === 'cut')).toEqual([{ type: 'cut', partial: true }]);
    expect(events.findIndex((e) => e.type === 'cut')).toBeGreaterThan(
      events.findIndex((e) => e.type === 'qr'),
    );
    expect(events.filter((e) => e.type === 'unknown')).toEqual([]);
    expect(events.filter((e) => e.type === 'raster')).toEqual([]);
  });

  it('stays under 600 bytes for the default office first service', () => {
    expect(bytes.length).toBeLessThanOrEqual(600);
  });

  it('marks a reprint and a priority ticket', () => {
    const again = readEscPos(
      encodeTicket(sampleTicket({ number: 'PA003', priority: 'elderly', reprint: true }), {
        profile: t82,
        thai: { mode: 'text', codepage: 21 },
      }),
    );
    const lines = textLines(again).map((l) => l.text.trim());
    expect(lines).toEqual(
      expect.arrayContaining(['PA003', 'คิวพิเศษ ผู้สูงอายุ', 'Priority: elderly', REPRINT_LINE]),
    );
  });

  it('fits every line of a 58 mm ticket in 32 cells', () => {
    const narrow = readEscPos(
      encodeTicket(sampleTicket(), { profile: x58, thai: { mode: 'text', codepage: 255 } }),
    );
    expect(narrow.filter((e) => e.type === 'codepage')).toEqual([{ type: 'codepage', page: 255 }]);
    for (const line of textLines(narrow))
      expect(displayCells(line.text) * line.width).toBeLessThanOrEqual(32);
    const joined = textLines(narrow)
      .map((l) => l.text.trim())
      .join(' ');
    expect(joined).toContain('Land and building tax payment');
    expect(narrow.find((e) => e.type === 'qr')).toMatchObject({ moduleSize: 5 });
  });

  it('refuses bad ticket data with a clear error', () => {
    expect(() =>
      encodeTicket(sampleTicket({ number: 'a-12' }), {
        profile: t82,
        thai: { mode: 'text', codepage: 21 },
      }),
    ).toThrow(/A012 or PA003/);
    expect(() =>
      encodeTicket(sampleTicket({ issuedAt: '2026-03-05 09:12' }), {
        profile: t82,
        thai: { mode: 'text', codepage: 21 },
      }),
    ).toThrow(/with an offset/);
    expect(() =>
      encodeTicket(
        { ...sampleTicket(), statusUrl: 'javascript:alert(1)' },
        { profile: t82, thai: { mode: 'text', codepage: 21 } },
      ),
    ).toThrow(/http/);
    expect(() =>
      encodeTicket(
        { ...sampleTicket(), complaintChannel: 'โทร ☎ 1111' },
        { profile: t82, thai: { mode: 'text', codepage: 21 } },
      ),
    ).toThrow(/U\+260E/);
  });

  it('prints the date in the configured time zone', () => {
    const utc = readEscPos(
      encodeTicket(sampleTicket({ issuedAt: '2026-03-05T23:30:00.000+07:00' }), {
        profile: t82,
        thai: { mode: 'text', codepage: 21 },
        timeZone: 'UTC',
      }),
    );
    expect(textLines(utc).map((l) => l.text.trim())).toContain('5 มี.ค. 2569 เวลา 16:30 น.');
  });
});

describe('ticket bytes in raster mode', () => {
  const bytes = encodeTicket(sampleTicket(), { profile: t82, thai: { mode: 'raster' } });
  const events = readEscPos(bytes);

  it('draws only the Thai lines; the number, the English and the QR code stay native', () => {
    const lines = textLines(events).map((l) => l.text.trim());
    expect(lines).toEqual(['Land and building tax payment', 'A012']);
    expect(lines.join('')).not.toMatch(/[\u0e00-\u0e7f]/);
    expect(events.filter((e) => e.type === 'codepage')).toEqual([]);
    const rasters = events.filter((e) => e.type === 'raster');
    expect(rasters.length).toBe(11);
    for (const r of rasters) {
      expect(r.width).toBeLessThanOrEqual(t82.printWidthDots);
      expect(r.dots.some((d) => d === 1)).toBe(true);
    }
    expect(events.filter((e) => e.type === 'qr')).toHaveLength(1);
    expect(events.filter((e) => e.type === 'cut')).toHaveLength(1);
  });

  it('stays under 20 KB at 80 mm', () => {
    expect(bytes.length).toBeLessThanOrEqual(20 * 1024);
  });

  it('draws a Thai line wider than 58 mm paper shrunk to fit', () => {
    const narrow = readEscPos(
      encodeTicket(
        { ...sampleTicket(), complaintChannel: 'ศูนย์รับเรื่องร้องเรียนสำนักปลัดเทศบาลตำบลบ้านสวนทุกวันทำการ' },
        { profile: x58, thai: { mode: 'raster' } },
      ),
    );
    for (const r of narrow.filter((e) => e.type === 'raster'))
      expect(r.width).toBeLessThanOrEqual(384);
  });
});
