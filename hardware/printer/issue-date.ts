import { HardwareError } from '../hardware-error.ts';

export const DEFAULT_TIME_ZONE = 'Asia/Bangkok';

export interface IssueDateText {
  /** '5 มี.ค. 2568 เวลา 09:12 น.' (Buddhist era, as Thai offices date documents). */
  th: string;
  /** '5 Mar 2025 09:12' (Gregorian, for visitors). */
  en: string;
}

/** Formats the issue time in the office's zone; the Thai line uses the Buddhist calendar. */
export function formatIssueDate(iso: string, timeZone = DEFAULT_TIME_ZONE): IssueDateText {
  // An ISO time without an offset would be read in the agent's zone, not the office's.
  if (!/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(iso)) {
    throw new HardwareError(
      'invalid_issued_at',
      `issuedAt must be ISO 8601 with an offset, got "${iso}"`,
    );
  }
  const at = new Date(iso);
  if (Number.isNaN(at.getTime()))
    throw new HardwareError('invalid_issued_at', `issuedAt is not a date: "${iso}"`);
  const thDate = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(at);
  const time = new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  }).format(at);
  const enDate = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  }).format(at);
  return { th: `${thDate} เวลา ${time} น.`, en: `${enDate} ${time}` };
}
