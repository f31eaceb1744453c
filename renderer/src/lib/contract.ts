/**
 * The renderer's door to the server contract: types with `import type` (no server
 * code in a bundle) and the few published values the screens show.
 */
export type * from '../../../server/contract/contract.ts';
export {
  COMPLAINT_KINDS,
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TEXT_MAX,
  OUT_OF_TURN_REASONS,
  OUT_OF_TURN_REASON_LABELS,
  PRIORITY_KINDS,
  RATING_LABELS,
  RATING_TARGET_TIMEOUT_MS,
  COUNTER_STATUSES,
  DISPLAY_PROTOCOLS,
  THAI_PRINT_MODES,
} from '../../../server/contract/contract.ts';
