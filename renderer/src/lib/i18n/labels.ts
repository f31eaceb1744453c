import type {
  CounterStatus,
  LocalizedText,
  OutOfTurnReason,
  PriorityKind,
  TicketStatus,
} from '../contract.ts';

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

export const OUT_OF_TURN_LABELS: Record<OutOfTurnReason, LocalizedText> = {
  returned_with_documents: L('กลับมาพร้อมเอกสารที่ขาด', 'Returned with missing documents'),
  appointment: L('นัดหมายล่วงหน้า', 'Appointment'),
  medical_emergency: L('เหตุฉุกเฉินทางการแพทย์', 'Medical emergency'),
  correcting_staff_error: L('แก้ไขความผิดพลาดของเจ้าหน้าที่', 'Correcting a staff error'),
  accessibility_need: L('ความจำเป็นด้านการเข้าถึง', 'Accessibility need'),
};
