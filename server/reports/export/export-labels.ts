import type { LocalizedText, OutOfTurnReason } from '../../contract/contract.ts';

/**
 * Words the exports print for codes in a report: the reasons for a call out of
 * turn and the weekdays. The renderer keeps the same reasons in
 * renderer/src/lib/i18n/labels.ts; the Record type makes a new reason break the
 * build here too.
 */
export const OUT_OF_TURN_REASON_LABELS: Record<OutOfTurnReason, LocalizedText> = {
  returned_with_documents: { th: 'กลับมาพร้อมเอกสารที่ขาด', en: 'Returned with missing documents' },
  appointment: { th: 'นัดหมายล่วงหน้า', en: 'Appointment' },
  medical_emergency: { th: 'เหตุฉุกเฉินทางการแพทย์', en: 'Medical emergency' },
  correcting_staff_error: { th: 'แก้ไขความผิดพลาดของเจ้าหน้าที่', en: 'Correcting a staff error' },
  accessibility_need: { th: 'ความจำเป็นด้านการเข้าถึง', en: 'Accessibility need' },
};

export const WEEKDAY_LABELS: readonly LocalizedText[] = [
  { th: 'จันทร์', en: 'Monday' },
  { th: 'อังคาร', en: 'Tuesday' },
  { th: 'พุธ', en: 'Wednesday' },
  { th: 'พฤหัสบดี', en: 'Thursday' },
  { th: 'ศุกร์', en: 'Friday' },
  { th: 'เสาร์', en: 'Saturday' },
  { th: 'อาทิตย์', en: 'Sunday' },
];
