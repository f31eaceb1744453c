import type { DeviceKind, DeviceState, LocalizedText } from '../contract.ts';
import { L } from '../i18n/labels.ts';

export const DEVICE_STATE_LABELS: Record<DeviceState, LocalizedText> = {
  online: L('พร้อมใช้งาน', 'Ready'),
  paper_near_end: L('กระดาษใกล้หมด', 'Paper running low'),
  paper_out: L('กระดาษหมด', 'Out of paper'),
  cover_open: L('ฝาเครื่องเปิดอยู่', 'Cover open'),
  offline: L('ไม่ได้เชื่อมต่อ', 'Not connected'),
  error: L('ขัดข้อง', 'Fault'),
};

export const DEVICE_KIND_LABELS: Record<DeviceKind, LocalizedText> = {
  printer: L('เครื่องพิมพ์บัตรคิว', 'Ticket printer'),
  display: L('ป้ายแสดงหมายเลข', 'Number display'),
  buttons: L('ปุ่มประเมิน', 'Rating buttons'),
};
