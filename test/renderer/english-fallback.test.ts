import { describe, expect, it } from 'vitest';
import { inLang } from '../../renderer/src/lib/i18n/localized.ts';
import { feeText } from '../../renderer/src/lib/format/fee.ts';
import { targetWaitText } from '../../renderer/src/lib/i18n/labels.ts';
import { layoutTicket } from '../../hardware/printer/ticket-layout.ts';
import { sampleTicket } from '../hardware/sample-ticket.ts';

describe('English left empty by the office', () => {
  it('shows the Thai in English mode where the English is empty or spaces', () => {
    expect(inLang({ th: 'รับชำระภาษีป้าย', en: '' }, 'en')).toBe('รับชำระภาษีป้าย');
    expect(inLang({ th: 'รับชำระภาษีป้าย', en: '  ' }, 'en')).toBe('รับชำระภาษีป้าย');
    expect(inLang({ th: 'รับชำระภาษีป้าย', en: 'Sign tax' }, 'en')).toBe('Sign tax');
    expect(inLang({ th: 'รับชำระภาษีป้าย', en: 'Sign tax' }, 'th')).toBe('รับชำระภาษีป้าย');
  });

  it('gives a fee note without English the Thai note in the English line, never "()"', () => {
    expect(feeText({ fee: 200, feeNote: { th: 'ต่อป้าย', en: '' } })).toEqual({
      th: '200 บาท (ต่อป้าย)',
      en: '200 baht (ต่อป้าย)',
    });
    expect(feeText({ fee: 0, feeNote: { th: 'ยกเว้นผู้สูงอายุ', en: '' } }).en).toBe(
      'No fee (ยกเว้นผู้สูงอายุ)',
    );
  });

  it('says the target wait as "เวลารอไม่เกิน … นาที", and that none is posted at 0', () => {
    expect(targetWaitText(15)).toEqual({
      th: 'เวลารอไม่เกิน 15 นาที',
      en: 'Wait of at most 15 min',
    });
    expect(targetWaitText(0).th).toBe('ไม่ได้กำหนดเป้าหมายเวลารอ');
  });

  it('prints a ticket for a Thai-only service without an empty English line', () => {
    const withEnglish = sampleTicket();
    const thaiOnly = {
      ...withEnglish,
      officeName: { th: withEnglish.officeName.th, en: '' },
      service: { ...withEnglish.service, name: { th: withEnglish.service.name.th, en: '' } },
    };
    const texts = (data: typeof withEnglish) =>
      layoutTicket(data, { columns: 48 }).flatMap((l) => (l.kind === 'text' ? [l.text] : []));
    const full = texts(withEnglish);
    const thai = texts(thaiOnly);
    expect(full).toContain(withEnglish.service.name.en);
    expect(thai).toContain(withEnglish.service.name.th);
    expect(thai.length).toBe(full.length - 1);
    expect(thai.every((line) => line.trim() !== '')).toBe(true);
    expect(thai).toContain(thaiOnly.ticket.number);
  });
});
