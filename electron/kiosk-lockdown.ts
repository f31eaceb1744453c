import { blockedShortcut, type KeyInput } from './kiosk-shortcuts.ts';
import { decidePermission } from './navigation-guard.ts';
import type { KioskState } from './kiosk-state.ts';

interface PreventableEvent {
  preventDefault(): void;
}

/**
 * The parts of Electron's WebContents the lockdown uses, so tests can hand it a fake.
 * Real WebContents satisfies this structurally.
 */
export interface LockableContents {
  on(
    event: 'before-input-event',
    listener: (event: PreventableEvent, input: KeyInput) => void,
  ): unknown;
  on(event: 'context-menu', listener: (event: PreventableEvent) => void): unknown;
  on(event: 'devtools-opened', listener: () => void): unknown;
  on(event: 'zoom-changed', listener: () => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  closeDevTools(): void;
  setZoomLevel(level: number): void;
  setVisualZoomLevelLimits(minimumLevel: number, maximumLevel: number): Promise<void>;
}

/**
 * Takes a station page's ways out while the window is in kiosk mode: keyboard shortcuts
 * (kiosk-shortcuts.ts), devtools, Ctrl+wheel and pinch zoom, the context menu. Each refused
 * shortcut is logged by name, so a kiosk that "does nothing" on a key can be explained.
 */
export function lockDownContents(
  contents: LockableContents,
  state: KioskState,
  log: (line: string) => void,
): void {
  contents.on('before-input-event', (event, input) => {
    if (!state.locked) return;
    const does = blockedShortcut(input);
    if (!does) return;
    event.preventDefault();
    if (input.type === 'keyDown') log(`swallowed ${does} shortcut (${describeKeys(input)})`);
  });
  contents.on('context-menu', (event) => {
    if (state.locked) event.preventDefault();
  });
  // devTools is off in the window's preferences; this is the belt to those braces.
  contents.on('devtools-opened', () => {
    if (state.locked) contents.closeDevTools();
  });
  contents.on('zoom-changed', () => {
    if (state.locked) contents.setZoomLevel(0);
  });
  // Pinch zoom is per page: set again after every load.
  const noPinch = (): void => {
    if (state.locked) void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  };
  noPinch();
  contents.on('did-finish-load', noPinch);
}

function describeKeys(input: KeyInput): string {
  const parts = [
    input.control && 'Ctrl',
    input.meta && 'Meta',
    input.alt && 'Alt',
    input.shift && 'Shift',
  ].filter(Boolean);
  return [...parts, input.code || input.key].join('+');
}

/** The parts of Electron's Session the lockdown uses. */
export interface LockableSession {
  setPermissionRequestHandler(
    handler: (
      contents: { getURL(): string },
      permission: string,
      callback: (granted: boolean) => void,
    ) => void,
  ): void;
  setPermissionCheckHandler(
    handler: (contents: unknown, permission: string, requestingOrigin: string) => boolean,
  ): void;
  on(
    event: 'will-download',
    listener: (event: PreventableEvent, item: { getURL(): string; cancel(): void }) => void,
  ): unknown;
}

/**
 * No permission prompt ever reaches a citizen (full screen on the office server's own pages is
 * the one permission granted), and nothing downloads: a kiosk has no file system to offer.
 */
export function lockDownSession(
  session: LockableSession,
  serverUrl: string,
  log: (line: string) => void,
): void {
  session.setPermissionRequestHandler((contents, permission, callback) =>
    callback(decidePermission(permission, contents.getURL(), serverUrl)),
  );
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    decidePermission(permission, requestingOrigin, serverUrl),
  );
  session.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
    log(`refused a download of ${item.getURL()}`);
  });
}
