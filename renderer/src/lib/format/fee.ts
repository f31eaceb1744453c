import type { LocalizedText, Service } from '../contract.ts';

const NO_FEE: LocalizedText = { th: 'ไม่มีค่าธรรมเนียม', en: 'No fee' };

/** The posted fee, always with an explicit "no fee" when it is zero, so nobody can claim one is due. */
export function feeText(service: Pick<Service, 'fee' | 'feeNote'>): LocalizedText {
  // English is optional: an English line carries the Thai note rather than an empty "()".
  const note = service.feeNote && {
    th: service.feeNote.th,
    en: service.feeNote.en.trim() === '' ? service.feeNote.th : service.feeNote.en,
  };
  if (service.fee <= 0) {
    if (!note) return NO_FEE;
    const say = (lang: 'th' | 'en') =>
      note[lang].toLowerCase().startsWith(NO_FEE[lang].toLowerCase())
        ? note[lang]
        : `${NO_FEE[lang]} (${note[lang]})`;
    return { th: say('th'), en: say('en') };
  }
  const th = `${service.fee.toLocaleString('th-TH')} บาท`;
  const en = `${service.fee.toLocaleString('en-GB')} baht`;
  return note ? { th: `${th} (${note.th})`, en: `${en} (${note.en})` } : { th, en };
}
