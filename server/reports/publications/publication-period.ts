/**
 * The parts of a Thai fiscal year the ITA publications cover: its quarters (Q1 = October -
 * December), its halves (รอบ 6 เดือน) and the year (รอบ 12 เดือน), with the dates written as
 * a Thai document writes them (Buddhist era). Pure: "today" is passed in.
 */
import type {
  LocalizedText,
  PublicationPart,
  PublicationPeriod,
  ReportRange,
} from '../../contract/contract.ts';
import { KhiuError } from '../../core/errors.ts';
import { addDays, rangeOf } from '../report-period.ts';

const BUDDHIST_ERA_OFFSET = 543;

/** Months after 1 October each part starts, and how many it spans. */
const SPANS: Record<PublicationPart, { start: number; months: number }> = {
  q1: { start: 0, months: 3 },
  q2: { start: 3, months: 3 },
  q3: { start: 6, months: 3 },
  q4: { start: 9, months: 3 },
  h1: { start: 0, months: 6 },
  h2: { start: 6, months: 6 },
  year: { start: 0, months: 12 },
};

// Made at first use, not at import: the Thai calendar's ICU data took 18 ms of every server
// start, for documents a manager asks for a few times a year.
const makeFormats = () => ({
  thaiDay: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  englishDay: new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }),
  thaiMonth: new Intl.DateTimeFormat('th-TH', { month: 'long', timeZone: 'UTC' }),
  englishMonth: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }),
});
let madeFormats: ReturnType<typeof makeFormats> | undefined;
const formats = () => (madeFormats ??= makeFormats());

// A calendar day is the same day everywhere: noon UTC formatted in UTC cannot slip a day.
const noonOf = (day: string): Date => new Date(`${day}T12:00:00Z`);

/** "1 ตุลาคม 2568" / "1 October 2025". */
export function documentDate(day: string): LocalizedText {
  const { thaiDay, englishDay } = formats();
  return { th: thaiDay.format(noonOf(day)), en: englishDay.format(noonOf(day)) };
}

function monthStart(fiscalYear: number, monthsAfterOctober: number): string {
  const year = fiscalYear - BUDDHIST_ERA_OFFSET - 1;
  return new Date(Date.UTC(year, 9 + monthsAfterOctober, 1)).toISOString().slice(0, 10);
}

/** The office-local days a part of a fiscal year covers. */
export function partRange(fiscalYear: number, part: PublicationPart): ReportRange {
  const { start, months } = SPANS[part];
  return rangeOf(
    monthStart(fiscalYear, start),
    addDays(monthStart(fiscalYear, start + months), -1),
  );
}

function partLabel(part: PublicationPart, range: ReportRange): LocalizedText {
  const months = (lang: 'th' | 'en'): string => {
    const format = lang === 'th' ? formats().thaiMonth : formats().englishMonth;
    return `${format.format(noonOf(range.from))} – ${format.format(noonOf(range.to))}`;
  };
  switch (part) {
    case 'q1':
    case 'q2':
    case 'q3':
    case 'q4':
      return {
        th: `ไตรมาส ${part[1]} (${months('th')})`,
        en: `Quarter ${part[1]} (${months('en')})`,
      };
    case 'h1':
      return { th: `รอบ 6 เดือน (${months('th')})`, en: `Six months (${months('en')})` };
    case 'h2':
      return { th: `6 เดือนหลัง (${months('th')})`, en: `Second six months (${months('en')})` };
    case 'year':
      return { th: 'รอบ 12 เดือน (ทั้งปีงบประมาณ)', en: 'Twelve months (the fiscal year)' };
  }
}

/**
 * A part of a fiscal year as a publication names it. One that has not started has nothing to
 * publish (404 period_not_started); one still running says up to which day its figures reach.
 */
export function publicationPeriod(
  fiscalYear: number,
  part: PublicationPart,
  today: string,
): PublicationPeriod {
  const range = partRange(fiscalYear, part);
  const label = partLabel(part, range);
  if (range.from > today) {
    const starts = documentDate(range.from);
    throw new KhiuError(
      'period_not_started',
      `ปีงบประมาณ ${fiscalYear} ${label.th} เริ่ม ${starts.th} ยังไม่มีข้อมูลให้เผยแพร่ ` +
        `(fiscal year ${fiscalYear}, ${label.en}, starts on ${starts.en})`,
      404,
    );
  }
  const from = documentDate(range.from);
  const to = documentDate(range.to);
  const running = today <= range.to;
  const until = running ? documentDate(today) : null;
  return {
    fiscalYear,
    part,
    label,
    range,
    rangeText: { th: `${from.th} – ${to.th}`, en: `${from.en} – ${to.en}` },
    dataUntil: running ? today : null,
    dataUntilText: until && {
      th: `ข้อมูลถึงวันที่ ${until.th}`,
      en: `Figures up to ${until.en}`,
    },
  };
}
