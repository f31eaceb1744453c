/**
 * The names an office uploads the documents under, as they are (ITA asks for documents on the
 * website, and Thai names say what each is), and the Content-Disposition that carries them:
 * RFC 5987's UTF-8 name plus an ASCII one for a client that reads only that.
 */
import type { LocalizedText, PublicationFile, PublicationPart } from '../../contract/contract.ts';

export type PublicationFormat = PublicationFile['format'];

const STATISTICS_PARTS: Record<PublicationPart, { th: string; en: string }> = {
  q1: { th: 'ไตรมาส1', en: 'q1' },
  q2: { th: 'ไตรมาส2', en: 'q2' },
  q3: { th: 'ไตรมาส3', en: 'q3' },
  q4: { th: 'ไตรมาส4', en: 'q4' },
  h1: { th: '6เดือน', en: '6-months' },
  h2: { th: '6เดือนหลัง', en: 'second-6-months' },
  year: { th: 'ทั้งปี', en: 'year' },
};
const SATISFACTION_PARTS: Record<PublicationPart, { th: string; en: string }> = {
  ...STATISTICS_PARTS,
  year: { th: '12เดือน', en: '12-months' },
};

/**
 * A service's name as part of a file name: a slash between words ("ก่อสร้าง/ดัดแปลง") becomes a
 * hyphen, characters no file system takes are dropped, and so are spaces, as in the other names.
 */
function safeName(text: string): string {
  return text
    .replace(/[\\/]+/g, '-')
    .replace(/[:*?"<>|\u0000-\u001f\u007f]/g, '')
    .replace(/\s+/g, '')
    .slice(0, 120);
}

export interface PublicationFileName {
  /** สถิติการให้บริการ-ปีงบประมาณ2569-ไตรมาส1.pdf */
  name: string;
  /** khiu-statistics-2569-q1.pdf */
  ascii: string;
}

export function statisticsFileName(
  fiscalYear: number,
  part: PublicationPart,
  format: PublicationFormat,
): PublicationFileName {
  const p = STATISTICS_PARTS[part];
  return {
    name: `สถิติการให้บริการ-ปีงบประมาณ${fiscalYear}-${p.th}.${format}`,
    ascii: `khiu-statistics-${fiscalYear}-${p.en}.${format}`,
  };
}

export function satisfactionFileName(
  fiscalYear: number,
  part: PublicationPart,
  format: PublicationFormat,
): PublicationFileName {
  const p = SATISFACTION_PARTS[part];
  return {
    name: `รายงานผลความพึงพอใจ-ปีงบประมาณ${fiscalYear}-${p.th}.${format}`,
    ascii: `khiu-satisfaction-${fiscalYear}-${p.en}.${format}`,
  };
}

/** คู่มือการให้บริการ.pdf for all services, คู่มือการให้บริการ-<ชื่อบริการ>.pdf for one. */
export function serviceManualFileName(
  service: { code: string; name: LocalizedText } | null,
): PublicationFileName {
  if (!service) return { name: 'คู่มือการให้บริการ.pdf', ascii: 'khiu-service-manual.pdf' };
  const code = service.code.replace(/[^A-Za-z0-9-]/g, '');
  return {
    name: `คู่มือการให้บริการ-${safeName(service.name.th) || code}.pdf`,
    ascii: `khiu-service-manual-${code || 'service'}.pdf`,
  };
}

/** RFC 5987 percent-encoding: what encodeURIComponent leaves, less the few it may not. */
const rfc5987 = (text: string): string =>
  encodeURIComponent(text).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );

export function contentDisposition(file: PublicationFileName): string {
  const ascii = file.ascii.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(file.name)}`;
}
