import type { IsoTime, Station } from '../contract/contract.ts';
import type { StationRecord } from '../core/records.ts';

/** The number people see on a counter, by its id; undefined for no such counter. */
export type CounterNumberOf = (counterId: number) => number | undefined;

/**
 * The screen a paired browser of this station opens; an agent has none (it is not a browser).
 * A rating screen's address names its counter by the number on the counter (/rate/12); the
 * internal id (/rate/id/5) only if that counter were gone, so no address names a wrong one.
 */
export function stationPath(
  s: Pick<StationRecord, 'kind' | 'counterId'>,
  counterNumberOf: CounterNumberOf,
): string | null {
  switch (s.kind) {
    case 'kiosk':
      return '/kiosk';
    case 'display':
      return '/display';
    case 'rating': {
      const number = s.counterId === null ? undefined : counterNumberOf(s.counterId);
      return number === undefined ? `/rate/id/${s.counterId}` : `/rate/${number}`;
    }
    case 'agent':
      return null;
  }
}

/** A station as the admin sees it: never its token, nor the token's hash. */
export function stationView(
  s: StationRecord,
  iso: (ms: number) => IsoTime,
  counterNumberOf: CounterNumberOf,
): Station {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    counterId: s.counterId,
    buttonCounterIds: s.buttonCounterIds,
    path: stationPath(s, counterNumberOf),
    createdAt: iso(s.createdMs),
    revokedAt: s.revokedMs === null ? null : iso(s.revokedMs),
  };
}
