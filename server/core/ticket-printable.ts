import type { LocalizedText, PrinterProfileData, ServiceStep } from '../contract/contract.ts';
import { codePointName } from './safe-text.ts';

/*
 * A text-mode printer prints Thai and ASCII through the TIS-620 code page and nothing else:
 * an emoji in a service name would make every ticket of that service fail to encode at the
 * kiosk. So the server refuses such text when it is saved, unless every printer of the office
 * draws Thai as a picture (raster), which can carry any character.
 *
 * This mirrors hardware/printer/tis620.ts (toPrintable, then isTis620Encodable) without
 * importing the device layer; test/core/ticket-printable.test.ts holds the two equal over
 * every code point.
 */

/** Typography the printer layout replaces with ASCII before encoding (see toPrintable). */
const SUBSTITUTED = new Set([
  0x00a0, 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x200b,
]);

/** True when a text-mode ticket can carry this code point. */
export function printsInTextMode(codePoint: number): boolean {
  if (codePoint >= 0x20 && codePoint <= 0x7e) return true;
  // Thai U+0E01..U+0E5B sit at 0xA1..0xFB; U+0E3B..U+0E3E are unassigned and have no byte.
  if (codePoint >= 0x0e01 && codePoint <= 0x0e5b) return codePoint < 0x0e3b || codePoint > 0x0e3e;
  return SUBSTITUTED.has(codePoint);
}

/** The first character of `text` a text-mode printer cannot print, or null. */
export function firstUnprintable(text: string): string | null {
  for (const ch of text) if (!printsInTextMode(ch.codePointAt(0)!)) return ch;
  return null;
}

/**
 * True unless every printer profile of the office draws Thai as raster. With no office
 * profiles the agents use the shipped ones, some of which print text, so the check applies.
 */
export function officePrintsText(printers: readonly PrinterProfileData[]): boolean {
  if (printers.length === 0) return true;
  return printers.some(
    (p) => p.thaiMode === 'text' || (p.thaiMode === 'auto' && p.codepage !== null),
  );
}

/** One printed field that a text-mode printer cannot carry. */
export interface UnprintableField {
  field: string;
  char: string;
  message: string;
}

const found = (field: string, text: string): UnprintableField | null => {
  const char = firstUnprintable(text);
  if (char === null) return null;
  return {
    field,
    char,
    message: `"${char}" (${codePointName(char.codePointAt(0)!)}) cannot be printed by the office's text-mode ticket printers (TIS-620: Thai and ASCII only)`,
  };
};

/**
 * Exactly what hardware/printer/ticket-layout.ts prints of a service: both names and each
 * step's Thai title. Only the fields given are checked, so an edit that does not touch
 * them is never blocked by older text.
 */
export function unprintableInService(service: {
  name?: LocalizedText;
  steps?: readonly Pick<ServiceStep, 'title'>[];
}): UnprintableField | null {
  if (service.name) {
    const name = found('name.th', service.name.th) ?? found('name.en', service.name.en);
    if (name) return name;
  }
  for (const [i, step] of (service.steps ?? []).entries()) {
    const title = found(`steps.${i}.title.th`, step.title.th);
    if (title) return title;
  }
  return null;
}

/** The office's Thai name heads every ticket. */
export function unprintableInOfficeName(name: LocalizedText): UnprintableField | null {
  return found('th', name.th);
}

/**
 * What a ticket prints of the complaint channel (core/complaint-channel.ts complaintParts):
 * the phone, LINE, web and e-mail, and the Thai note when it is all there is.
 */
export function unprintableInComplaintChannel(channel: {
  phone: string | null;
  line: string | null;
  email: string | null;
  web: string | null;
  note: { th: string } | null;
}): UnprintableField | null {
  const printed = channel.phone || channel.line || channel.email || channel.web;
  return (
    (channel.phone ? found('phone', channel.phone) : null) ??
    (channel.line ? found('line', channel.line) : null) ??
    (channel.web ? found('web', channel.web) : null) ??
    (channel.email ? found('email', channel.email) : null) ??
    (!printed && channel.note ? found('note.th', channel.note.th) : null)
  );
}
