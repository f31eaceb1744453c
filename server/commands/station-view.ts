import type { IsoTime, Station } from '../contract/contract.ts';
import type { StationRecord } from '../core/records.ts';

/** The screen a paired browser of this station opens; an agent has none (it is not a browser). */
export function stationPath(s: Pick<StationRecord, 'kind' | 'counterId'>): string | null {
  switch (s.kind) {
    case 'kiosk':
      return '/kiosk';
    case 'display':
      return '/display';
    case 'rating':
      return `/rate/${s.counterId}`;
    case 'agent':
      return null;
  }
}

/** A station as the admin sees it: never its token, nor the token's hash. */
export function stationView(s: StationRecord, iso: (ms: number) => IsoTime): Station {
  return {
    id: s.id,
    name: s.name,
    kind: s.kind,
    counterId: s.counterId,
    buttonCounterIds: s.buttonCounterIds,
    path: stationPath(s),
    createdAt: iso(s.createdMs),
    revokedAt: s.revokedMs === null ? null : iso(s.revokedMs),
  };
}
