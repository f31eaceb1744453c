import type { MutableKioskState } from './kiosk-state.ts';

/** What the office server said about the user name and password typed into the exit prompt. */
export type CredentialCheck = 'admin' | 'not-admin' | 'wrong' | 'too-many' | 'unreachable';

/**
 * Asks the office server whether these are an admin's credentials: it signs in (the same
 * POST /api/session as the screens, with its failed-attempt limit) and signs out again at once.
 * The shell keeps no password of its own, so a password changed in /admin works here too.
 */
export async function checkStaffCredentials(
  serverUrl: string,
  username: string,
  password: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CredentialCheck> {
  let response: Response;
  try {
    response = await fetchImpl(new URL('/api/session', serverUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    return 'unreachable';
  }
  if (response.status === 429) return 'too-many';
  if (response.status === 401 || response.status === 400) return 'wrong';
  if (!response.ok) return 'unreachable';
  const body = (await response.json()) as { user?: { role?: string } };
  const cookie = response.headers.get('set-cookie')?.split(';')[0];
  if (cookie) {
    await fetchImpl(new URL('/api/session', serverUrl), {
      method: 'DELETE',
      headers: { cookie, 'content-type': 'application/json' },
    }).catch(() => undefined);
  }
  return body.user?.role === 'admin' ? 'admin' : 'not-admin';
}

export interface ExitAnswer {
  left: boolean;
  /** Thai first: shown in the prompt. */
  message: string;
}

const ANSWERS: Record<CredentialCheck, string> = {
  admin: 'ออกจากโหมดคีออสก์แล้ว (Left kiosk mode)',
  'not-admin': 'ต้องเป็นผู้ดูแลระบบ (admin) เท่านั้น (Admins only)',
  wrong: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (Wrong user name or password)',
  'too-many': 'ลองผิดหลายครั้งเกินไป กรุณารอสักครู่ (Too many attempts; wait a while)',
  unreachable: 'ติดต่อเครื่องแม่ข่ายไม่ได้ จึงตรวจรหัสผ่านไม่ได้ (The office server cannot be reached)',
};

/** The parts of a BrowserWindow that leave kiosk mode. */
export interface ExitableWindow {
  setKiosk(flag: boolean): void;
  setFullScreen(flag: boolean): void;
  setMenuBarVisibility(visible: boolean): void;
  isDestroyed(): boolean;
}

/**
 * The end of the staff's hidden way out: the window leaves kiosk mode only for an admin's
 * user name and password; anything else leaves it exactly as it was. After leaving, the
 * window is an ordinary one (its frame, Alt+F4, the desktop) until the shell starts again.
 */
export async function leaveKioskMode(
  windows: readonly ExitableWindow[],
  state: MutableKioskState,
  check: () => Promise<CredentialCheck>,
  log: (line: string) => void,
): Promise<ExitAnswer> {
  const result = await check();
  if (result !== 'admin') {
    log(`staff exit refused (${result})`);
    return { left: false, message: ANSWERS[result] };
  }
  state.locked = false;
  for (const window of windows) {
    if (window.isDestroyed()) continue;
    window.setKiosk(false);
    window.setFullScreen(false);
    window.setMenuBarVisibility(false);
  }
  log('staff exit: left kiosk mode');
  return { left: true, message: ANSWERS.admin };
}
