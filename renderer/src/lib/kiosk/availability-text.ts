import type { LocalizedText, OfficeHours, ServiceAvailability } from '../contract.ts';

/* The office's time zone comes from the snapshot and is passed in, so these stay pure. */
const weekdayOf = (iso: string, locale: string, timeZone: string): string =>
  new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone }).format(new Date(iso));

const timeOf = (iso: string, timeZone: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(new Date(iso));

/**
 * When the office or a service opens, as a notice on the door says it: "วันจันทร์ 08:30 น." /
 * "Monday 08:30". The weekday is the kiosk's answer to "when can I come back"; the date
 * (openingDate) goes underneath for an opening more than a few days away.
 */
export function openingText(iso: string, timeZone: string): LocalizedText {
  const time = timeOf(iso, timeZone);
  return {
    th: `${weekdayOf(iso, 'th-TH', timeZone)} ${time} น.`,
    en: `${weekdayOf(iso, 'en-GB', timeZone)} ${time}`,
  };
}

/** The date of an opening, Buddhist era in Thai: 7 ธันวาคม 2569 / 7 December 2026. */
export function openingDate(iso: string, timeZone: string): LocalizedText {
  const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone } as const;
  const date = new Date(iso);
  return {
    th: new Intl.DateTimeFormat('th-TH-u-ca-buddhist', options).format(date),
    en: new Intl.DateTimeFormat('en-GB', options).format(date),
  };
}

/** Why a tile cannot be tapped, in the citizen's words; null when it can. */
export function unavailableText(
  availability: ServiceAvailability | undefined,
  timeZone: string,
): LocalizedText | null {
  if (!availability?.unavailable) return null;
  switch (availability.unavailable) {
    case 'counters_closed':
      return { th: 'ช่องบริการปิด', en: 'Counter closed' };
    case 'counters_paused': {
      const reason = availability.pauseReason?.trim();
      return reason
        ? { th: `พักชั่วคราว: ${reason}`, en: `Paused: ${reason}` }
        : { th: 'พักชั่วคราว', en: 'Paused' };
    }
    case 'service_closed_for_today':
    case 'office_closed': {
      const lead =
        availability.unavailable === 'office_closed'
          ? { th: 'นอกเวลาทำการ', en: 'Office closed' }
          : { th: 'หมดเวลารับบัตรคิววันนี้', en: 'No more tickets today' };
      if (!availability.opensAt) return lead;
      const when = openingText(availability.opensAt, timeZone);
      return { th: `${lead.th} เปิดรับ ${when.th}`, en: `${lead.en}: opens ${when.en}` };
    }
  }
}

const WEEKDAYS: LocalizedText[] = [
  { th: 'จันทร์', en: 'Monday' },
  { th: 'อังคาร', en: 'Tuesday' },
  { th: 'พุธ', en: 'Wednesday' },
  { th: 'พฤหัสบดี', en: 'Thursday' },
  { th: 'ศุกร์', en: 'Friday' },
  { th: 'เสาร์', en: 'Saturday' },
  { th: 'อาทิตย์', en: 'Sunday' },
];

export const weekdayName = (weekday: number): LocalizedText => WEEKDAYS[weekday]!;

/**
 * The posted hours as rows for a notice: consecutive weekdays with the same hours share a row
 * ("จันทร์–ศุกร์ 08:30–16:30 น."); closed days are left out.
 */
export function hoursRows(hours: OfficeHours): { days: LocalizedText; time: LocalizedText }[] {
  const rows: { from: number; to: number; key: string }[] = [];
  hours.weekdays.forEach((day, weekday) => {
    if (!day) return;
    const key = `${day.open}–${day.close}`;
    const last = rows[rows.length - 1];
    if (last && last.key === key && last.to === weekday - 1) last.to = weekday;
    else rows.push({ from: weekday, to: weekday, key });
  });
  return rows.map(({ from, to, key }) => {
    const first = weekdayName(from);
    const end = weekdayName(to);
    return {
      days: from === to ? first : { th: `${first.th}–${end.th}`, en: `${first.en}–${end.en}` },
      time: { th: `${key} น.`, en: key },
    };
  });
}
