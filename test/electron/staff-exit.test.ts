import { afterEach, describe, expect, it } from 'vitest';
import { CornerTaps, EXIT_CORNER_PX } from '../../electron/corner-taps.ts';
import {
  checkStaffCredentials,
  leaveKioskMode,
  type ExitableWindow,
} from '../../electron/staff-exit.ts';
import type { MutableKioskState } from '../../electron/kiosk-state.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

/** Stands in for a kiosk BrowserWindow: records what the exit did to it. */
class FakeKioskWindow implements ExitableWindow {
  kiosk = true;
  fullScreen = true;
  setKiosk(flag: boolean): void {
    this.kiosk = flag;
  }
  setFullScreen(flag: boolean): void {
    this.fullScreen = flag;
  }
  setMenuBarVisibility(): void {}
  isDestroyed(): boolean {
    return false;
  }
}

describe('the staff’s hidden way out of kiosk mode', () => {
  it('opens the prompt on five quick taps in the top-left corner, and on nothing else', () => {
    const taps = new CornerTaps();
    const five = (start: number, x = 10, y = 10) =>
      [0, 1, 2, 3, 4].map((i) => taps.tap(x, y, start + i * 300));
    expect(five(0)).toEqual([false, false, false, false, true]);
    // Slow taps, like a citizen resting a hand there now and then, never add up.
    expect([0, 1, 2, 3, 4, 5].map((i) => taps.tap(5, 5, 10_000 + i * 1_000))).toEqual(
      Array(6).fill(false),
    );
    // A tap elsewhere (a service button) starts the count again.
    const mixed = [
      taps.tap(5, 5, 20_000),
      taps.tap(5, 5, 20_100),
      taps.tap(500, 400, 20_200),
      taps.tap(5, 5, 20_300),
      taps.tap(5, 5, 20_400),
      taps.tap(5, 5, 20_500),
    ];
    expect(mixed).toEqual(Array(6).fill(false));
    expect(five(30_000, EXIT_CORNER_PX + 1, 5)).toEqual(Array(5).fill(false));
  });

  describe('with the office server', () => {
    let server: TestServer | undefined;
    afterEach(async () => {
      await server?.close();
      server = undefined;
    });

    it('keeps kiosk mode on a wrong password or a user who is not an admin, and leaves it for an admin', async () => {
      server = await startTestServer();
      await server.userWithRole('staff', 'somchai');
      const window = new FakeKioskWindow();
      const state: MutableKioskState = { locked: true };
      const log: string[] = [];
      const attempt = (username: string, password: string) =>
        leaveKioskMode(
          [window],
          state,
          () => checkStaffCredentials(server!.url, username, password),
          (line) => log.push(line),
        );

      expect(await attempt('admin', 'not-the-password')).toEqual({
        left: false,
        message: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (Wrong user name or password)',
      });
      expect({ locked: state.locked, kiosk: window.kiosk, fullScreen: window.fullScreen }).toEqual({
        locked: true,
        kiosk: true,
        fullScreen: true,
      });
      expect(await attempt('somchai', 'password-1234')).toMatchObject({ left: false });
      expect(state.locked).toBe(true);

      expect(await attempt('admin', ADMIN_PASSWORD)).toEqual({
        left: true,
        message: 'ออกจากโหมดคีออสก์แล้ว (Left kiosk mode)',
      });
      expect({ locked: state.locked, kiosk: window.kiosk, fullScreen: window.fullScreen }).toEqual({
        locked: false,
        kiosk: false,
        fullScreen: false,
      });
      expect(log).toEqual([
        'staff exit refused (wrong)',
        'staff exit refused (not-admin)',
        'staff exit: left kiosk mode',
      ]);
    });

    it('signs the admin out again at once, leaving no session behind', async () => {
      server = await startTestServer();
      const seen: { method: string; cookie: string | null }[] = [];
      const recording: typeof fetch = async (input, init) => {
        seen.push({
          method: init?.method ?? 'GET',
          cookie: new Headers(init?.headers).get('cookie'),
        });
        return fetch(input, init);
      };
      expect(await checkStaffCredentials(server.url, 'admin', ADMIN_PASSWORD, recording)).toBe(
        'admin',
      );
      expect(seen.map((s) => s.method)).toEqual(['POST', 'DELETE']);
      const cookie = seen[1]!.cookie!;
      const after = await fetch(`${server.url}/api/session`, { headers: { cookie } });
      expect(after.status).toBe(401);
    });
  });

  it('stays in kiosk mode when the office server cannot be reached', async () => {
    const window = new FakeKioskWindow();
    const state: MutableKioskState = { locked: true };
    const answer = await leaveKioskMode(
      [window],
      state,
      // Port 9 (discard) on loopback: nothing listens there.
      () => checkStaffCredentials('http://127.0.0.1:9', 'admin', ADMIN_PASSWORD),
      () => undefined,
    );
    expect(answer.left).toBe(false);
    expect(answer.message).toMatch(/^ติดต่อเครื่องแม่ข่ายไม่ได้/);
    expect({ locked: state.locked, kiosk: window.kiosk }).toEqual({ locked: true, kiosk: true });
  });
});
