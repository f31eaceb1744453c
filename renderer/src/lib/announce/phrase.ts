import { digitClip, letterClip } from './clips.ts';

/** The clips of one character of a number, read one by one ("A012" -> A, 0, 1, 2). */
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
 * "ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการ 3": the chime, then the invitation, the
 * ticket number and the counter number, each read digit by digit so a number is
 * never misheard as a quantity.
 */
export function announcementClips(ticketNumber: string, counterNumber: number): string[] {
  return ['chime', 'invite', ...spell(ticketNumber), 'at-counter', ...spell(String(counterNumber))];
}

/** The same announcement as text, for the screen and for people who cannot hear it. */
export function announcementText(
  ticketNumber: string,
  counterNumber: number,
): { th: string; en: string } {
  const spaced = ticketNumber.toUpperCase().split('').join(' ');
  return {
    th: `ขอเชิญหมายเลข ${spaced} ที่ช่องบริการ ${counterNumber}`,
    en: `Number ${spaced}, please go to counter ${counterNumber}`,
  };
}
