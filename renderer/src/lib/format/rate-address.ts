import type { Counter, Station } from '../contract.ts';

/**
 * How a rating screen's address names its counter: `/rate/12` by the number people see on
 * the counter, `/rate/id/5` by the server's internal id (what pairing links said before).
 */
export type RateAddress = { by: 'number'; number: number } | { by: 'id'; id: number };

const WHOLE_NUMBER = /^[1-9][0-9]{0,9}$/;

/** The counter an address names; null for anything but /rate/<number> and /rate/id/<id>. */
export function parseRateAddress(pathname: string): RateAddress | null {
  const parts = pathname.split('/').filter(Boolean);
  if (parts[0] !== 'rate') return null;
  if (parts.length === 2 && WHOLE_NUMBER.test(parts[1]!))
    return { by: 'number', number: Number(parts[1]) };
  if (parts.length === 3 && parts[1] === 'id' && WHOLE_NUMBER.test(parts[2]!))
    return { by: 'id', id: Number(parts[2]) };
  return null;
}

/** The address of a counter's rating screen, by the number on the counter. */
export const ratePath = (counterNumber: number): string => `/rate/${counterNumber}`;

export type RatingCounter =
  /** This screen rates `counter`. */
  | { kind: 'counter'; counter: Counter }
  /** This browser is no counter's rating station. */
  | { kind: 'unpaired' }
  /** Paired to `paired`, while the address names another counter. */
  | { kind: 'elsewhere'; paired: Counter };

/**
 * The counter this screen rates. Only its pairing decides (the server refuses any other), so
 * the address must name that counter: by number, by id in the id form, or by id in the plain
 * form, which is how addresses read before numbers (a screen paired as counter id 5, number
 * 12, saved /rate/5). An address naming any other counter is shown as such, never followed.
 */
export function ratingCounter(
  address: RateAddress,
  station: Pick<Station, 'kind' | 'counterId'> | null,
  counters: readonly Counter[],
): RatingCounter {
  const paired =
    station?.kind === 'rating' ? counters.find((c) => c.id === station.counterId) : undefined;
  if (!paired) return { kind: 'unpaired' };
  const named =
    address.by === 'id'
      ? address.id === paired.id
      : address.number === paired.number || address.number === paired.id;
  return named ? { kind: 'counter', counter: paired } : { kind: 'elsewhere', paired };
}
