import type { CancelReason, LocalizedText, Ticket } from '../../lib/contract.ts';
// Values of the published contract (constants only): the server enforces the same lists.
import { CANCEL_REASONS, CANCELLABLE_STATUSES } from '../../../../server/contract/contract.ts';

export { CANCEL_REASONS };

export const CANCEL_REASON_LABELS: Record<CancelReason, LocalizedText> = {
  citizen_left: { th: 'ผู้รับบริการกลับไปแล้ว', en: 'The citizen has left' },
  wrong_service: { th: 'มาผิดบริการ (ไม่ต้องการบริการนี้)', en: 'Came for the wrong service' },
  duplicate_ticket: { th: 'กดบัตรคิวซ้ำ', en: 'Duplicate ticket' },
  citizen_request: { th: 'ผู้รับบริการขอยกเลิกเอง', en: 'The citizen asked to cancel' },
};

/** Whether the lifecycle lets this ticket be cancelled (in line or held aside, never at a counter). */
export const canCancel = (ticket: Pick<Ticket, 'status'>): boolean =>
  (CANCELLABLE_STATUSES as readonly string[]).includes(ticket.status);
