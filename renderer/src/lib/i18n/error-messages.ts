import type { LocalizedText } from '../contract.ts';

/**
 * Every error code the office server can answer, as a sentence a clerk, a manager or a citizen
 * can act on: Thai first, English in English mode. ErrorNotice shows the sentence with the code
 * in small print, so staff can still report the exact code. test/renderer/error-messages.test.ts
 * scans the server's sources: a new code without a sentence here fails it.
 */
export const ERROR_MESSAGES: Record<string, LocalizedText> = {
  // ---- reaching the server ----
  network: {
    th: 'ติดต่อเครื่องแม่ข่ายของสำนักงานไม่ได้ กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ให้แจ้งเจ้าหน้าที่',
    en: 'Could not reach the office server. Please try again; if it keeps failing, tell the administrator.',
  },
  internal_error: {
    th: 'เครื่องแม่ข่ายทำรายการไม่สำเร็จเพราะเกิดข้อผิดพลาดภายใน กรุณาลองใหม่ หากยังไม่ได้ให้แจ้งผู้ดูแลระบบ',
    en: 'The office server failed with an internal error. Please try again; if it keeps failing, tell the administrator.',
  },
  storage_full: {
    th: 'พื้นที่เก็บข้อมูลของเครื่องแม่ข่ายเต็ม รายการนี้จึงยังไม่ถูกบันทึก กรุณาแจ้งผู้ดูแลระบบให้เพิ่มพื้นที่แล้วลองใหม่',
    en: 'The office server’s disk is full, so nothing was saved. Please ask the administrator to free space, then try again.',
  },
  service_unavailable: {
    th: 'ขณะนี้ไม่มีช่องบริการที่เปิดให้บริการนี้ (ปิดหรือพักอยู่) จึงยังออกบัตรคิวไม่ได้',
    en: 'No counter is open for this service right now (closed or paused), so no ticket can be issued.',
  },
  rate_limited: {
    th: 'มีการทำรายการถี่เกินไป กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many requests at once. Please wait a moment and try again.',
  },
  body_too_large: {
    th: 'ข้อมูลที่ส่งมีขนาดใหญ่เกินกว่าที่ระบบรับได้ กรุณาลดขนาดแล้วลองใหม่',
    en: 'What was sent is larger than the server accepts. Please make it smaller and try again.',
  },
  unsupported_media_type: {
    th: 'หน้าจอส่งข้อมูลในรูปแบบที่ระบบไม่รับ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'The screen sent data in a form the server does not accept. Please reload the page and try again.',
  },
  invalid_json: {
    th: 'ข้อมูลที่ส่งมาอ่านไม่ได้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'What was sent could not be read. Please reload the page and try again.',
  },
  method_not_allowed: {
    th: 'ทำรายการแบบนี้กับรายการนี้ไม่ได้ กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'That cannot be done to this item. Please reload the page and try again.',
  },
  cross_origin: {
    th: 'ระบบปฏิเสธคำขอที่มาจากหน้าเว็บอื่น กรุณาเปิดหน้าจอจากที่อยู่ของสำนักงานโดยตรง',
    en: 'The server refused a request from another web page. Please open this screen from the office’s own address.',
  },
  host_not_allowed: {
    th: 'เครื่องแม่ข่ายไม่รับชื่อที่อยู่นี้ กรุณาเปิดด้วยที่อยู่ที่ผู้ดูแลระบบกำหนด',
    en: 'The server does not answer to this address. Please use the address the administrator set up.',
  },
  not_found: {
    th: 'ไม่พบรายการที่ต้องการ อาจถูกลบหรือหมดอายุแล้ว กรุณาตรวจสอบอีกครั้ง',
    en: 'Not found. It may have been removed or expired; please check again.',
  },

  // ---- signing in and who may do what ----
  unauthenticated: {
    th: 'ยังไม่ได้เข้าสู่ระบบหรือหมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่',
    en: 'You are not signed in, or your session ended. Please sign in again.',
  },
  invalid_credentials: {
    th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบแล้วลองใหม่',
    en: 'Wrong username or password. Please check and try again.',
  },
  too_many_attempts: {
    th: 'เข้าสู่ระบบผิดหลายครั้ง กรุณารอประมาณ 15 นาทีแล้วลองใหม่',
    en: 'Too many failed sign-ins. Please wait about 15 minutes and try again.',
  },
  forbidden: {
    th: 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้ กรุณาติดต่อผู้ดูแลระบบ',
    en: 'This account may not do that. Please ask the administrator.',
  },
  password_too_short: {
    th: 'รหัสผ่านต้องยาวอย่างน้อย 10 ตัวอักษร',
    en: 'A password needs at least 10 characters.',
  },
  self_lockout: {
    th: 'ทำรายการนี้กับบัญชีของตนเองไม่ได้ เพราะจะไม่มีผู้ดูแลระบบเหลืออยู่',
    en: 'You cannot do that to your own account: no administrator would be left.',
  },
  duplicate_username: {
    th: 'มีผู้ใช้ชื่อนี้อยู่แล้ว กรุณาเลือกชื่ออื่น',
    en: 'That username is taken. Please choose another.',
  },
  no_counter_chosen: {
    th: 'กรุณาเลือกช่องบริการของท่านก่อน',
    en: 'Please choose your counter first.',
  },
  not_your_counter: {
    th: 'รายการนี้เป็นของช่องบริการอื่น ทำได้เฉพาะที่ช่องบริการของท่าน',
    en: 'That belongs to another counter. You can act only at your own counter.',
  },

  // ---- stations and devices ----
  station_required: {
    th: 'หน้าจอนี้ยังไม่ได้จับคู่เป็นสถานี กรุณาแจ้งผู้ดูแลระบบ (ผู้ดูแล → สถานี)',
    en: 'This screen is not a paired station. Please tell the administrator (Admin → Stations).',
  },
  wrong_station: {
    th: 'หน้าจอนี้จับคู่เป็นสถานีอื่น ทำรายการนี้ไม่ได้ กรุณาแจ้งผู้ดูแลระบบ',
    en: 'This screen is paired as another station and cannot do this. Please tell the administrator.',
  },
  duplicate_station: {
    th: 'มีสถานีชื่อนี้และประเภทนี้ที่ใช้งานอยู่แล้ว กรุณาเลิกใช้สถานีเดิมก่อนหรือใช้ชื่ออื่น',
    en: 'A live station of that name and kind exists. Revoke it first or choose another name.',
  },
  already_revoked: {
    th: 'สถานีนี้ถูกเลิกใช้ไปแล้ว',
    en: 'This station was already revoked.',
  },
  unprintable_text: {
    th: 'มีตัวอักษรที่เครื่องพิมพ์บัตรคิวพิมพ์ไม่ได้ กรุณาแก้ข้อความ หรือตั้งเครื่องพิมพ์เป็นโหมดภาพ (raster)',
    en: 'Some text cannot be printed by the ticket printers. Change the text, or set the printers to raster mode.',
  },

  // ---- input ----
  invalid_input: {
    th: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบแล้วลองใหม่',
    en: 'Some of the information is not valid. Please check it and try again.',
  },
  reason_required: {
    th: 'กรุณาระบุเหตุผลก่อนทำรายการนี้',
    en: 'Please give a reason first.',
  },
  invalid_score: {
    th: 'คะแนนความพึงพอใจต้องอยู่ระหว่าง 1 ถึง 5',
    en: 'A rating must be from 1 to 5.',
  },
  duplicate_number: {
    th: 'มีช่องบริการหมายเลขนี้อยู่แล้ว กรุณาใช้หมายเลขอื่น',
    en: 'A counter already has that number. Please use another.',
  },
  duplicate_code: {
    th: 'มีบริการที่ใช้อักษรนี้อยู่แล้ว กรุณาใช้อักษรอื่น',
    en: 'Another service already uses that letter. Please choose another.',
  },
  prefix_clash: {
    th: 'อักษรนี้ชนกับอักษรนำหน้าคิวช่องทางพิเศษ กรุณาเลือกอักษรอื่น',
    en: 'That letter clashes with the priority lane’s prefix. Please choose another.',
  },

  // ---- the queue ----
  invalid_state: {
    th: 'บัตรคิวนี้อยู่ในสถานะที่ทำรายการนี้ไม่ได้แล้ว หน้าจอจะแสดงสถานะล่าสุด กรุณาตรวจสอบอีกครั้ง',
    en: 'This ticket is no longer in a state that allows this. The screen shows its latest state; please check again.',
  },
  counter_busy: {
    th: 'ช่องบริการนี้ยังมีคิวที่เรียกหรือกำลังให้บริการอยู่ กรุณาจบ พัก หรือบันทึกว่าไม่มาตามเรียกก่อน',
    en: 'This counter still has a ticket called or being served. Finish it, hold it or mark a no-show first.',
  },
  counter_not_open: {
    th: 'ช่องบริการนี้ปิดหรือพักอยู่ กรุณาเปิดช่องบริการก่อนเรียกคิว',
    en: 'This counter is closed or paused. Open it before calling tickets.',
  },
  service_inactive: {
    th: 'บริการนี้งดให้บริการในขณะนี้ กรุณาเลือกบริการอื่นหรือสอบถามเจ้าหน้าที่',
    en: 'This service is not offered now. Please choose another or ask a member of staff.',
  },
  service_closed_for_today: {
    th: 'บริการนี้รับบัตรคิวของวันนี้ครบแล้ว กรุณามาใหม่ในวันทำการถัดไป',
    en: 'This service takes no more tickets today. Please come back on the next working day.',
  },
  office_closed: {
    th: 'ขณะนี้อยู่นอกเวลาทำการของสำนักงาน กรุณามาใหม่ในเวลาทำการ',
    en: 'The office is closed now. Please come back during office hours.',
  },
  same_service: {
    th: 'บัตรคิวนี้อยู่ในบริการนี้อยู่แล้ว กรุณาเลือกบริการอื่นที่จะโอนไป',
    en: 'The ticket is already in that service. Choose another service to transfer it to.',
  },
  service_not_at_counter: {
    th: 'ช่องบริการนี้ไม่ได้ให้บริการของบัตรคิวนี้ กรุณาโอนบัตรคิวไปบริการที่ถูกต้องก่อน',
    en: 'This counter does not serve that ticket’s service. Transfer the ticket first.',
  },
  client_request_reused: {
    th: 'หน้าจอส่งรายการซ้ำกับรายการอื่น กรุณาโหลดหน้าใหม่แล้วลองอีกครั้ง',
    en: 'The screen reused a request for a different one. Please reload the page and try again.',
  },
  step_already_started: {
    th: 'ขั้นตอนนี้ของบัตรคิวนี้เริ่มไปแล้ว',
    en: 'This step of the ticket has already been started.',
  },
  step_in_progress: {
    th: 'ยังมีขั้นตอนอื่นที่กำลังดำเนินการอยู่ กรุณาจบขั้นตอนนั้นก่อน',
    en: 'Another step is still running. Please finish it first.',
  },
  step_not_started: {
    th: 'ขั้นตอนนี้ยังไม่ได้เริ่ม จึงยังจบไม่ได้',
    en: 'This step has not been started, so it cannot be finished.',
  },
  step_already_finished: {
    th: 'ขั้นตอนนี้จบไปแล้ว',
    en: 'This step has already been finished.',
  },

  // ---- ratings ----
  ticket_not_finished: {
    th: 'บัตรคิวนี้ยังไม่ได้รับบริการเสร็จ จึงยังประเมินไม่ได้',
    en: 'This ticket has not been served yet, so it cannot be rated.',
  },
  already_rated: {
    th: 'บัตรคิวนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ',
    en: 'This ticket has already been rated. Thank you.',
  },
  rating_closed: {
    th: 'หมดเวลาประเมินบัตรคิวนี้แล้ว (ประเมินได้ภายใน 24 ชั่วโมงหลังรับบริการ)',
    en: 'This ticket can no longer be rated (ratings close 24 hours after the service).',
  },
  nothing_to_rate: {
    th: 'ยังไม่มีการให้บริการที่รอการประเมินที่ช่องนี้ กรุณารอเจ้าหน้าที่ให้บริการเสร็จก่อน',
    en: 'There is no finished service to rate at this counter yet. Please wait until staff finish.',
  },
  staff_cannot_rate: {
    th: 'ผู้ที่เข้าสู่ระบบเป็นเจ้าหน้าที่ประเมินความพึงพอใจไม่ได้ การประเมินเป็นของผู้รับบริการ',
    en: 'Signed-in staff cannot rate: ratings come from the citizens served.',
  },

  // ---- reports ----
  not_a_monday: {
    th: 'รายงานรายสัปดาห์ต้องเริ่มวันจันทร์ กรุณาเลือกวันจันทร์',
    en: 'A weekly report starts on a Monday. Please choose a Monday.',
  },
  range_too_long: {
    th: 'ช่วงเวลายาวเกินไป เลือกได้ไม่เกิน 400 วันต่อครั้ง',
    en: 'The period is too long: at most 400 days at a time.',
  },
  browser_missing: {
    th: 'เครื่องแม่ข่ายไม่มีเบราว์เซอร์สำหรับสร้าง PDF กรุณาแจ้งผู้ดูแลระบบให้ติดตั้ง Chromium หรือ Chrome',
    en: 'The server has no browser to make the PDF. Please ask the administrator to install Chromium or Chrome.',
  },
  screens_not_built: {
    th: 'เครื่องแม่ข่ายยังไม่มีหน้าจอสำหรับพิมพ์รายงาน กรุณาแจ้งผู้ดูแลระบบ (npm run build:renderer)',
    en: 'The server has no built screens to print the report. Please tell the administrator (npm run build:renderer).',
  },
  browser_failed: {
    th: 'เบราว์เซอร์ของเครื่องแม่ข่ายทำงานผิดพลาดขณะสร้าง PDF กรุณาลองใหม่',
    en: 'The server’s browser failed while making the PDF. Please try again.',
  },
  report_print_failed: {
    th: 'สร้าง PDF ของรายงานไม่สำเร็จ กรุณาลองใหม่ หรือดาวน์โหลดเป็น Excel แทน',
    en: 'The PDF of the report could not be made. Please try again, or download Excel instead.',
  },
  report_print_timeout: {
    th: 'สร้าง PDF ของรายงานนานเกินไป กรุณาลองใหม่ หรือเลือกช่วงเวลาที่สั้นลง',
    en: 'Making the PDF took too long. Please try again, or choose a shorter period.',
  },
  period_not_started: {
    th: 'ช่วงเวลาที่เลือกยังไม่เริ่ม จึงยังไม่มีข้อมูลให้เผยแพร่ กรุณาเลือกช่วงเวลาที่เริ่มแล้ว',
    en: 'The chosen period has not started, so there is nothing to publish yet. Please choose one that has.',
  },
  checkpoints_unavailable: {
    th: 'ยังไม่มีจุดตรวจสอบของสมุดบันทึกให้ดูในขณะนี้ กรุณาแจ้งผู้ดูแลระบบ',
    en: 'The ledger’s checkpoints are not available now. Please tell the administrator.',
  },

  // ---- complaints (project 17) ----
  survey_exists: {
    th: 'บัตรคิวนี้ตอบแบบสำรวจแล้ว ขอบคุณค่ะ',
    en: 'This ticket’s survey has already been answered. Thank you.',
  },
  not_finished: {
    th: 'แบบสำรวจจะเปิดเมื่อรับบริการเสร็จแล้ว',
    en: 'The survey opens once your service is finished.',
  },
  survey_closed: {
    th: 'แบบสำรวจของบัตรคิวนี้ปิดแล้ว (ตอบได้ภายใน 24 ชั่วโมงหลังรับบริการ)',
    en: 'This ticket’s survey is closed (it can be answered within 24 hours of the service).',
  },
  complaint_window_closed: {
    th: 'บัตรคิวนี้ออกมาเกิน 7 วันแล้ว ร้องเรียนผ่านหน้านี้ไม่ได้ กรุณาใช้ช่องทางร้องเรียนอื่นของสำนักงาน',
    en: 'This ticket was issued more than 7 days ago. Please use the office’s other complaint channels.',
  },
  complaint_limit_reached: {
    th: 'บัตรคิวนี้ร้องเรียนครบ 3 เรื่องแล้ว หากมีเรื่องเพิ่ม กรุณาใช้ช่องทางร้องเรียนอื่นพร้อมเลขที่เรื่อง',
    en: 'This ticket has made its 3 complaints. For more, use the office’s other channels with the reference.',
  },
  complaint_resolved: {
    th: 'เรื่องร้องเรียนนี้ยุติแล้ว เปลี่ยนสถานะไม่ได้',
    en: 'This complaint is resolved; its status no longer changes.',
  },
  outcome_required: {
    th: 'กรุณาบันทึกผลการดำเนินการก่อนยุติเรื่อง',
    en: 'Please write the outcome before resolving the complaint.',
  },
};

/** Codes whose server detail names what to fix (a field, a character): shown in small print. */
export const DETAIL_WORTH_SHOWING = new Set(['invalid_input', 'unprintable_text']);

/** The sentence for a code, if it has one. */
export const errorMessage = (code: string): LocalizedText | undefined =>
  Object.hasOwn(ERROR_MESSAGES, code) ? ERROR_MESSAGES[code] : undefined;
