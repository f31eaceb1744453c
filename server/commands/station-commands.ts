import { createHash, randomBytes } from 'node:crypto';
import type { StationKind } from '../contract/contract.ts';
import type { Actor, StationRecord } from '../core/records.ts';
import type { OfficeContext } from './office-context.ts';
import { conflict, notFound } from '../core/errors.ts';

/** 32 random bytes: a token nobody guesses, whatever the rate limits. */
const TOKEN_BYTES = 32;

export const stationTokenHash = (token: string): string =>
  createHash('sha256').update(token).digest('hex');

export interface StationInput {
  name: string;
  kind: StationKind;
  counterId: number | null;
  buttonCounterIds: number[];
}

/**
 * Pairing and revoking stations (issue 8). Each change is recorded in the ledger, so who
 * paired or revoked which device, and when, can be proved like any other change.
 */
export class StationCommands {
  constructor(private readonly ctx: OfficeContext) {}

  private get store() {
    return this.ctx.store;
  }

  /** Pairs a new station; the token comes back here only (the store keeps its SHA-256). */
  add(input: StationInput, actor: Actor): { station: StationRecord; token: string } {
    return this.ctx.run(() => {
      for (const counterId of [
        ...(input.counterId === null ? [] : [input.counterId]),
        ...input.buttonCounterIds,
      ]) {
        if (!this.store.counters.get(counterId)) throw notFound('counter', counterId);
      }
      if (this.store.stations.liveByName(input.name, input.kind)) {
        throw conflict(
          'duplicate_station',
          `a ${input.kind} station named ${input.name} is already paired; revoke it first`,
        );
      }
      const token = randomBytes(TOKEN_BYTES).toString('base64url');
      const station = this.store.stations.insert({
        ...input,
        tokenHash: stationTokenHash(token),
        createdMs: this.ctx.now(),
      });
      this.store.ledger.record(station.createdMs, 'station.added', 'station', station.id, actor);
      return { station, token };
    });
  }

  /** Revokes a station: its token is refused from now on and its open sockets are closed. */
  revoke(id: number, actor: Actor): StationRecord {
    return this.ctx.run((events) => {
      const station = this.store.stations.get(id);
      if (!station) throw notFound('station', id);
      if (station.revokedMs !== null)
        throw conflict('already_revoked', `station ${station.name} is already revoked`);
      const now = this.ctx.now();
      this.store.stations.revoke(id, now);
      const seq = this.store.ledger.record(now, 'station.revoked', 'station', id, actor);
      const revoked = { ...station, revokedMs: now };
      events.push({ kind: 'station:revoked', seq, station: revoked });
      return revoked;
    });
  }

  /**
   * The live station a token belongs to; undefined for an unknown or revoked token, and for
   * a station row the ledger does not record as it is: a row inserted with the sqlite3 shell
   * (the SHA-256 of a token of one's own) pairs nothing, even before `verify` names it.
   */
  byToken(token: string): StationRecord | undefined {
    const station = this.store.stations.liveByTokenHash(stationTokenHash(token));
    return station && this.store.ledger.rowIsAsRecorded('station', station.id)
      ? station
      : undefined;
  }
}
