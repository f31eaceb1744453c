/**
 * The renderer's door to the server contract: types with `import type` (no server
 * code in a bundle) and the few published values the screens show.
 */
export type * from '../../../server/contract/contract.ts';
export {
  OUT_OF_TURN_REASONS,
  PRIORITY_KINDS,
  RATING_LABELS,
  RATING_TARGET_TIMEOUT_MS,
  COUNTER_STATUSES,
  DISPLAY_PROTOCOLS,
  THAI_PRINT_MODES,
} from '../../../server/contract/contract.ts';
