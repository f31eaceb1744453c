import type { LocalizedText } from '../contract.ts';

/** The one error shape every screen shows: what happened and what to do, in Thai and English. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly userMessage: LocalizedText,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'ApiError';
  }
}

/** Codes the screens explain in words a citizen or a counter clerk can act on. */
const EXPLAINED: Record<string, LocalizedText> = {
  network: {
    th: 'ติดต่อเครื่องแม่ข่ายของสำนักงานไม่ได้ กรุณาลองใหม่อีกครั้ง หากยังไม่ได้ให้แจ้งเจ้าหน้าที่',
    en: 'Could not reach the office server. Please try again; if it keeps failing, tell a member of staff.',
  },
  unauthenticated: {
    th: 'ยังไม่ได้เข้าสู่ระบบหรือหมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่',
    en: 'You are not signed in, or your session ended. Please sign in again.',
  },
  forbidden: {
    th: 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้ กรุณาติดต่อผู้ดูแลระบบ',
    en: 'This account may not do that. Please ask the administrator.',
  },
  invalid_credentials: {
    th: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง กรุณาตรวจสอบแล้วลองใหม่',
    en: 'Wrong username or password. Please check and try again.',
  },
  too_many_attempts: {
    th: 'เข้าสู่ระบบผิดหลายครั้ง กรุณารอสักครู่แล้วลองใหม่',
    en: 'Too many failed sign-ins. Please wait a few minutes and try again.',
  },
  nothing_to_rate: {
    th: 'ยังไม่มีการให้บริการที่รอการประเมินที่ช่องนี้ กรุณารอเจ้าหน้าที่ให้บริการเสร็จก่อน',
    en: 'There is no finished service to rate at this counter yet. Please wait until staff finish.',
  },
  already_rated: {
    th: 'บัตรคิวนี้ได้รับการประเมินแล้ว ขอบคุณค่ะ',
    en: 'This ticket has already been rated. Thank you.',
  },
  not_found: {
    th: 'ไม่พบรายการที่ต้องการ อาจถูกลบหรือหมดอายุแล้ว กรุณาตรวจสอบหมายเลขอีกครั้ง',
    en: 'Not found. It may have been removed or expired; please check the number.',
  },
  invalid_input: {
    th: 'ข้อมูลที่กรอกไม่ถูกต้อง กรุณาตรวจสอบแล้วลองใหม่',
    en: 'Some of the information is not valid. Please check it and try again.',
  },
};

/** Anything else: the server's own words (English) behind a Thai lead, so staff can report it exactly. */
export function explain(code: string, detail: string): LocalizedText {
  const known = EXPLAINED[code];
  if (known) return known;
  return {
    th: `ทำรายการไม่สำเร็จ (${code}: ${detail}) กรุณาลองใหม่ หรือแจ้งเจ้าหน้าที่`,
    en: `That did not work (${code}: ${detail}). Please try again, or tell a member of staff.`,
  };
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new ApiError('network', 0, detail, explain('network', detail));
}
