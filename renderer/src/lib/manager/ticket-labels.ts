import type { LocalizedText, TicketStatus } from '../contract.ts';
import { L } from '../i18n/labels.ts';

/** The ledger's event types as a ticket's timeline names them. */
const LEDGER_EVENT_LABELS: Record<string, LocalizedText> = {
  'ticket.issued': L('ออกบัตรคิว', 'Ticket issued'),
  'ticket.print_printed': L('พิมพ์บัตรคิวแล้ว', 'Ticket printed'),
  'ticket.print_failed': L('พิมพ์บัตรคิวไม่สำเร็จ', 'Ticket printing failed'),
  'ticket.called': L('เรียกคิว', 'Called'),
  'ticket.recalled': L('เรียกซ้ำ', 'Called again'),
  'ticket.started': L('เริ่มให้บริการ', 'Service started'),
  'ticket.finished': L('ให้บริการเสร็จ', 'Service finished'),
  'ticket.no_show': L('ไม่มาตามเรียก', 'Not present when called'),
  'ticket.cancelled': L('ยกเลิก', 'Cancelled'),
  'ticket.held': L('พักคิวไว้', 'Put on hold'),
  'ticket.returned': L('กลับเข้าคิว', 'Back in the queue'),
  'ticket.transferred': L('โอนไปบริการอื่น', 'Transferred to another service'),
  'ticket.transferred_in': L('รับโอนจากบริการอื่น', 'Transferred in from another service'),
  'rating.given': L('ประเมินความพึงพอใจ', 'Rated'),
};

/** A known event in words; an event this screen does not know yet shows its ledger name. */
export function ledgerEventLabel(type: string): LocalizedText {
  return LEDGER_EVENT_LABELS[type] ?? { th: type, en: type };
}

/**
 * A ticket's state in a manager's words. The shared labels speak to the citizen
 * holding the ticket ("called: please go to the counter"); a table needs one word.
 */
export const TICKET_STATE_LABELS: Record<TicketStatus, LocalizedText> = {
  waiting: L('รอเรียก', 'Waiting'),
  called: L('เรียกแล้ว', 'Called'),
  serving: L('กำลังให้บริการ', 'Being served'),
  done: L('เสร็จแล้ว', 'Done'),
  no_show: L('ไม่มาตามเรียก', 'No-show'),
  cancelled: L('ยกเลิก', 'Cancelled'),
  transferred: L('โอนไปบริการอื่น', 'Transferred'),
};
