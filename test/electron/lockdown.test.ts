import { describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { blockedShortcut, KIOSK_SHORTCUTS, type KeyInput } from '../../electron/kiosk-shortcuts.ts';
import {
  lockDownContents,
  lockDownSession,
  type LockableContents,
  type LockableSession,
} from '../../electron/kiosk-lockdown.ts';
import type { MutableKioskState } from '../../electron/kiosk-state.ts';

const key = (code: string, mods: Partial<KeyInput> = {}, key = ''): KeyInput => ({
  type: 'keyDown',
  key,
  code,
  shift: false,
  control: false,
  alt: false,
  meta: false,
  ...mods,
});
const ctrl = { control: true };
const ctrlShift = { control: true, shift: true };

/** Stands in for Electron's WebContents, which cannot run here. */
class FakeContents extends EventEmitter implements LockableContents {
  devtoolsClosed = 0;
  zoomLevels: number[] = [];
  pinchLimits: [number, number][] = [];
  closeDevTools(): void {
    this.devtoolsClosed += 1;
  }
  setZoomLevel(level: number): void {
    this.zoomLevels.push(level);
  }
  setVisualZoomLevelLimits(min: number, max: number): Promise<void> {
    this.pinchLimits.push([min, max]);
    return Promise.resolve();
  }
  /** Emits an event the page could cancel; true when the lockdown cancelled it. */
  cancelled(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, ...args);
    return prevented;
  }
}

describe('the kiosk lockdown', () => {
  it('swallows each listed shortcut, whatever keyboard layout types', () => {
    const swallowed: [KeyInput, string][] = [
      [key('F12'), 'devtools'],
      [key('KeyI', ctrlShift), 'devtools'],
      [key('KeyJ', ctrlShift), 'devtools'],
      [key('KeyC', ctrlShift), 'devtools'],
      [key('KeyI', { meta: true, alt: true }), 'devtools'],
      [key('KeyU', ctrl), 'view source'],
      [key('F5'), 'reload'],
      // On the Thai layout Ctrl+R types "พ": matched by the key's place, still a reload.
      [key('KeyR', ctrl, 'พ'), 'reload'],
      [key('KeyR', ctrlShift), 'reload'],
      [key('KeyW', ctrl), 'close'],
      [key('KeyQ', ctrl), 'close'],
      [key('F4', { alt: true }), 'close'],
      [key('F4', ctrl), 'close'],
      [key('Equal', ctrl), 'zoom'],
      [key('Equal', ctrlShift, '+'), 'zoom'],
      [key('Minus', ctrl), 'zoom'],
      [key('Digit0', ctrl), 'zoom'],
      [key('NumpadAdd', ctrl), 'zoom'],
      [key('NumpadSubtract', ctrl), 'zoom'],
      [key('Numpad0', ctrl), 'zoom'],
      [key('KeyP', ctrl), 'print'],
      [key('KeyF', ctrl), 'find'],
      [key('KeyG', ctrl), 'find'],
      [key('F3'), 'find'],
      [key('KeyS', ctrl), 'save'],
      [key('KeyO', ctrl), 'open a file'],
      [key('KeyN', ctrl), 'new window'],
      [key('KeyT', ctrl), 'new window'],
      [key('KeyL', ctrl), 'address bar'],
      [key('KeyH', ctrl), 'history'],
      [key('ArrowLeft', { alt: true }), 'back or forward'],
      [key('ArrowRight', { alt: true }), 'back or forward'],
      [key('BrowserBack'), 'back or forward'],
      [key('F11'), 'full screen'],
      [key('AltLeft', { alt: true }, 'Alt'), 'menu'],
      // Cmd on a Mac counts as Ctrl.
      [key('KeyR', { meta: true }), 'reload'],
    ];
    for (const [input, does] of swallowed)
      expect([input.code, blockedShortcut(input)]).toEqual([input.code, does]);
    // Every shortcut in the list is exercised above.
    const covered = new Set(
      swallowed.map(([input]) => KIOSK_SHORTCUTS.find((s) => s.matches(input))),
    );
    expect(KIOSK_SHORTCUTS.filter((s) => !covered.has(s)).map((s) => s.keys)).toEqual([]);
  });

  it('lets ordinary typing and the counter’s own keys through', () => {
    for (const input of [
      key('KeyR', {}, 'r'),
      key('KeyR', {}, 'พ'),
      key('Digit1', {}, '1'),
      key('Enter', {}, 'Enter'),
      key('Escape', {}, 'Escape'),
      key('F2', {}, 'F2'),
      key('Backspace', {}, 'Backspace'),
      key('ArrowLeft', {}, 'ArrowLeft'),
      key('KeyA', { shift: true }, 'A'),
      key('KeyC', ctrl, 'c'),
      key('KeyV', ctrl, 'v'),
    ]) {
      expect([input.code, input.key, blockedShortcut(input)]).toEqual([
        input.code,
        input.key,
        undefined,
      ]);
    }
  });

  it('cancels the swallowed keys in the window, logs them, and lets them through once kiosk mode is left', () => {
    const contents = new FakeContents();
    const state: MutableKioskState = { locked: true };
    const log: string[] = [];
    lockDownContents(contents, state, (line) => log.push(line));
    expect(contents.cancelled('before-input-event', key('KeyR', ctrl))).toBe(true);
    expect(contents.cancelled('before-input-event', key('KeyR', {}, 'r'))).toBe(false);
    expect(log).toEqual(['swallowed reload shortcut (Ctrl+KeyR)']);
    state.locked = false;
    expect(contents.cancelled('before-input-event', key('F4', { alt: true }))).toBe(false);
  });

  it('shows no context menu, closes devtools, undoes zoom and turns pinch zoom off after every load', () => {
    const contents = new FakeContents();
    const state: MutableKioskState = { locked: true };
    lockDownContents(contents, state, () => undefined);
    expect(contents.cancelled('context-menu')).toBe(true);
    contents.emit('devtools-opened');
    expect(contents.devtoolsClosed).toBe(1);
    contents.emit('zoom-changed');
    expect(contents.zoomLevels).toEqual([0]);
    contents.emit('did-finish-load');
    expect(contents.pinchLimits).toEqual([
      [1, 1],
      [1, 1],
    ]);
  });

  it('asks no permission of anyone, downloads nothing, and refuses other origins', () => {
    const session = new (class extends EventEmitter implements LockableSession {
      request?: Parameters<LockableSession['setPermissionRequestHandler']>[0];
      check?: Parameters<LockableSession['setPermissionCheckHandler']>[0];
      setPermissionRequestHandler(handler: NonNullable<typeof this.request>): void {
        this.request = handler;
      }
      setPermissionCheckHandler(handler: NonNullable<typeof this.check>): void {
        this.check = handler;
      }
    })();
    const log: string[] = [];
    lockDownSession(session, 'http://192.168.1.10:8080', (line) => log.push(line));
    const answers: boolean[] = [];
    const page = { getURL: () => 'http://192.168.1.10:8080/kiosk' };
    for (const permission of ['media', 'notifications', 'geolocation', 'fullscreen']) {
      session.request!(page, permission, (granted) => answers.push(granted));
    }
    session.request!({ getURL: () => 'https://evil.example/' }, 'fullscreen', (granted) =>
      answers.push(granted),
    );
    expect(answers).toEqual([false, false, false, true, false]);
    expect(session.check!(null, 'clipboard-read', 'http://192.168.1.10:8080')).toBe(false);
    let cancelled = 0;
    let prevented = false;
    session.emit(
      'will-download',
      { preventDefault: () => (prevented = true) },
      { getURL: () => 'http://192.168.1.10:8080/api/x.csv', cancel: () => (cancelled += 1) },
    );
    expect({ prevented, cancelled, log }).toEqual({
      prevented: true,
      cancelled: 1,
      log: ['refused a download of http://192.168.1.10:8080/api/x.csv'],
    });
  });
});
