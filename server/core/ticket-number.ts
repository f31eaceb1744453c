export type Lane = 'normal' | 'priority';

/** A001, A002 ... A999, A1000; a priority ticket carries the lane prefix: PA001. */
export function formatTicketNumber(
  serviceCode: string,
  lane: Lane,
  n: number,
  priorityPrefix: string,
): string {
  const digits = String(n).padStart(3, '0');
  return lane === 'priority'
    ? `${priorityPrefix}${serviceCode}${digits}`
    : `${serviceCode}${digits}`;
}
