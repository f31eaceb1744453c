import { describe, expect, it } from 'vitest';
import {
  firstUnprintable,
  officePrintsText,
  printsInTextMode,
  unprintableInService,
} from '../../server/core/ticket-printable.ts';
import { isTis620Encodable, toPrintable } from '../../hardware/printer/tis620.ts';
import { layoutTicket } from '../../hardware/printer/ticket-layout.ts';
import { encodeTicketLines } from '../../hardware/printer/ticket-bytes.ts';
import { loadPrinterProfile, resolveThaiMode } from '../../hardware/printer/printer-profile.ts';
import { sampleTicket } from '../hardware/sample-ticket.ts';

describe("the server's check of what a text-mode ticket can print", () => {
  it('agrees with the printer layer on every Unicode code point', () => {
    const disagreements: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += 1) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue; // not characters; refused as names anyway
      const ch = String.fromCodePoint(cp);
      if (printsInTextMode(cp) !== isTis620Encodable(toPrintable(ch)))
        disagreements.push(`U+${cp.toString(16).toUpperCase()}`);
    }
    expect(disagreements).toEqual([]);
  });

  it('lets through a service the text-mode printer then prints, and stops one it would fail on', () => {
    const profile = loadPrinterProfile('epson-tm-t82');
    const thai = resolveThaiMode(profile);
    const ticketOf = (name: { th: string; en: string }) => {
      const data = sampleTicket();
      return layoutTicket({ ...data, service: { ...data.service, name } }, { columns: 48 });
    };
    const fine = { th: 'ขอใบอนุญาต “ก่อสร้าง” – ดัดแปลง', en: 'Building permit…' };
    expect(unprintableInService({ name: fine })).toBeNull();
    expect(() => encodeTicketLines(ticketOf(fine), profile, thai)).not.toThrow();

    const emoji = { th: 'ภาษี', en: 'Tax 🙂' };
    expect(unprintableInService({ name: emoji })).toMatchObject({ field: 'name.en', char: '🙂' });
    expect(() => encodeTicketLines(ticketOf(emoji), profile, thai)).toThrow(/U\+1F642/);
  });

  it('names the first character a text-mode printer lacks', () => {
    expect(firstUnprintable('ทะเบียนราษฎร์ 2569')).toBeNull();
    expect(firstUnprintable('Café')).toBe('é');
    expect(firstUnprintable('ทะเบียน ๐๑๒ ฿')).toBeNull();
  });

  it('treats an office with no printer profiles as printing text, since shipped ones do', () => {
    const p = (thaiMode: 'text' | 'raster' | 'auto', codepage: number | null) => ({
      name: 'p',
      description: '',
      paperWidthMm: 80 as const,
      printWidthDots: 576,
      columns: 48,
      thaiMode,
      codepage,
      codepageNote: '',
    });
    expect(officePrintsText([])).toBe(true);
    expect(officePrintsText([p('raster', null), p('auto', null)])).toBe(false);
    expect(officePrintsText([p('raster', null), p('auto', 21)])).toBe(true);
    expect(officePrintsText([p('text', 21)])).toBe(true);
  });
});
