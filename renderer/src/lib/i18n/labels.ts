import type { CounterStatus, LocalizedText, PriorityKind, TicketStatus } from '../contract.ts';

export const L = (th: string, en: string): LocalizedText => ({ th, en });

export const PRIORITY_LABELS: Record<PriorityKind, LocalizedText> = {
  elderly: L('ผู้สูงอายุ', 'Elderly'),
  disabled: L('ผู้พิการ', 'Disabled'),
  pregnant: L('หญิงตั้งครรภ์', 'Pregnant'),
};

export const TICKET_STATUS_LABELS: Record<TicketStatus, LocalizedText> = {
  waiting: L('รอเรียก', 'Waiting'),
  called: L('เรียกแล้ว กรุณาไปที่ช่องบริการ', 'Called: please go to the counter'),
  serving: L('กำลังให้บริการ', 'Being served'),
  done: L('ให้บริการเสร็จแล้ว', 'Done'),
  no_show: L('ไม่มาตามเรียก', 'Missed (not present when called)'),
  cancelled: L('ยกเลิกแล้ว', 'Cancelled'),
  transferred: L('โอนไปบริการอื่น', 'Transferred to another service'),
};

export const COUNTER_STATUS_LABELS: Record<CounterStatus, LocalizedText> = {
  open: L('เปิดให้บริการ', 'Open'),
  paused: L('พักชั่วคราว', 'Paused'),
  closed: L('ปิด', 'Closed'),
};

/** The reasons for a call out of turn in words (the contract's, which the reports print too). */
export { OUT_OF_TURN_REASON_LABELS as OUT_OF_TURN_LABELS } from '../contract.ts';

/** A service's posted target wait in words (project 18); 0 means the office posts none. */
export function targetWaitText(minutes: number): LocalizedText {
  return minutes > 0
    ? L(`เวลารอไม่เกิน ${minutes} นาที`, `Wait of at most ${minutes} min`)
    : L('ไม่ได้กำหนดเป้าหมายเวลารอ', 'No target wait posted');
}
