import type { AnnouncementEnding } from '../contract.ts';
import { DIGIT_WORDS, ENDING_WORDS, NUMBER_WORDS, digitClip, letterClip } from './clips.ts';

/** The clips of a ticket number, one per character ("A012" -> A, 0, 1, 2). */
function spell(text: string): string[] {
  const clips: string[] = [];
  for (const ch of text.toUpperCase()) {
    if (ch >= '0' && ch <= '9') clips.push(digitClip(ch));
    else if (ch >= 'A' && ch <= 'Z') clips.push(letterClip(ch));
    // Spaces and dashes in a number are for the eye; the voice skips them.
  }
  return clips;
}

/**
 * A counter number as a Thai announcer says it, as clips: 1 หนึ่ง, 10 สิบ, 11 สิบเอ็ด,
 * 12 สิบสอง, 20 ยี่สิบ, 21 ยี่สิบเอ็ด, 99 เก้าสิบเก้า, 101 หนึ่งร้อยเอ็ด (counters go up to 999).
 */
export function counterNumberClips(n: number): string[] {
  if (!Number.isInteger(n) || n < 0 || n > 999) throw new RangeError(`counter number ${n}`);
  if (n === 0) return [digitClip('0')];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = n % 10;
  const clips: string[] = [];
  if (hundreds > 0) clips.push(digitClip(String(hundreds)), 'word-roi');
  if (tens === 2) clips.push('word-yi', 'word-sip');
  else if (tens === 1) clips.push('word-sip');
  else if (tens > 0) clips.push(digitClip(String(tens)), 'word-sip');
  // One after a ten or a hundred is เอ็ด (สิบเอ็ด, ร้อยเอ็ด); on its own it is หนึ่ง.
  if (units === 1 && n > 10) clips.push('word-et');
  else if (units > 0) clips.push(digitClip(String(units)));
  return clips;
}

/** The same number in Thai words ("สิบสอง"), for the screen and the tests. */
export function counterNumberWords(n: number): string {
  return counterNumberClips(n)
    .map((clip) => {
      const digit = /^digit-(\d)$/.exec(clip);
      return digit ? DIGIT_WORDS[Number(digit[1])]!.th : NUMBER_WORDS[clip]!.th;
    })
    .join('');
}

/** The clip of the polite ending; none when the office chose none. */
export function endingClips(ending: AnnouncementEnding): string[] {
  return ending === 'none' ? [] : [`ending-${ending}`];
}

const endingThai = (ending: AnnouncementEnding): string =>
  ending === 'none' ? '' : ` ${ENDING_WORDS[`ending-${ending}`]!.th}`;

/**
 * "ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการที่ สิบสอง ค่ะ": the chime, the invitation, the ticket
 * number character by character (so it is never misheard as a quantity), the counter as a
 * whole number, then the office's polite ending.
 */
export function announcementClips(
  ticketNumber: string,
  counterNumber: number,
  ending: AnnouncementEnding = 'kha',
): string[] {
  return [
    'chime',
    'invite',
    ...spell(ticketNumber),
    'at-counter',
    ...counterNumberClips(counterNumber),
    ...endingClips(ending),
  ];
}

/** The same announcement as text, for the screen and for people who cannot hear it. */
export function announcementText(
  ticketNumber: string,
  counterNumber: number,
  ending: AnnouncementEnding = 'kha',
): { th: string; en: string } {
  const spaced = ticketNumber.toUpperCase().split('').join(' ');
  return {
    th: `ขอเชิญหมายเลข ${spaced} ที่ช่องบริการที่ ${counterNumber}${endingThai(ending)}`,
    en: `Number ${spaced}, please go to counter ${counterNumber}`,
  };
}
