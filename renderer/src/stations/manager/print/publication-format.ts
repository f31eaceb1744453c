/** How the ITA documents print figures: Thai grouping, a dash for "no figure" (never NaN). */

const DASH = '–';

export function count(value: number | null): string {
  return value === null ? DASH : value.toLocaleString('th-TH');
}

export function decimal(value: number | null, digits: number): string {
  return value === null
    ? DASH
    : value.toLocaleString('th-TH', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });
}

export function percent(value: number | null): string {
  return value === null ? DASH : `${decimal(value, 1)}%`;
}

/** "1 ธันวาคม 2569 เวลา 09:30 น.": when the document was made, in the office's zone. */
export function madeAt(iso: string, timeZone = 'Asia/Bangkok'): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone,
  }).format(date);
  const time = new Intl.DateTimeFormat('th-TH', {
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
    timeZone,
  }).format(date);
  return `${day} เวลา ${time} น.`;
}
