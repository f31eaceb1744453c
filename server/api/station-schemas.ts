import { z } from 'zod';
import { STATION_KINDS } from '../contract/contract.ts';

const counterId = z.int().positive().max(2_147_483_647);

/** A station's name is its place, as agents' configs and the ledger spell it (kiosk-1, rating-3). */
export const stationName = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,40}$/, '1-40 characters: A-Z a-z 0-9 . _ -');

/**
 * POST /api/stations. A rating station names the counter it rates; an agent may name the
 * counters whose rating button boxes it carries (its config's `buttons`); nothing else does.
 */
export const createStationBody = z
  .object({
    name: stationName,
    kind: z.enum(STATION_KINDS),
    counterId: counterId.optional(),
    buttonCounterIds: z
      .array(counterId)
      .max(16)
      .refine((ids) => new Set(ids).size === ids.length, 'each counter once')
      .optional(),
  })
  .strict()
  .refine((b) => (b.kind === 'rating') === (b.counterId !== undefined), {
    path: ['counterId'],
    message: 'a rating station names its counter (counterId), and only a rating station does',
  })
  .refine((b) => b.kind === 'agent' || b.buttonCounterIds === undefined, {
    path: ['buttonCounterIds'],
    message: "only an agent carries button boxes; a counter's rating screen is a rating station",
  });

/** /pair?token=...&next=/kiosk: a token as POST /api/stations gave it. */
export const pairingToken = z.string().regex(/^[A-Za-z0-9_-]{20,200}$/, 'not a station token');
