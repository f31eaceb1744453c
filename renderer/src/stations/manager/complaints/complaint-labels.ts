import { COMPLAINT_KINDS } from '../../../lib/contract.ts';

/** In the order the form offers them. */
export const COMPLAINT_KIND_ORDER = [...COMPLAINT_KINDS];

/** Characters as the server counts them (code points): a Thai vowel mark is one. */
export const characterCount = (text: string): number => [...text.trim()].length;

export {
  COMPLAINT_KIND_LABELS,
  COMPLAINT_STATUS_LABELS,
  COMPLAINT_TEXT_MAX,
} from '../../../lib/contract.ts';
