/**
 * The parts of Electron's WebContents the guard uses, so tests can hand it a fake.
 * Real WebContents satisfies this structurally.
 */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect',
    listener: (event: { preventDefault(): void }, url: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a station window on the office server's origin (Electron security
 * checklist: limit navigation, deny new windows, no <webview>). A kiosk has no
 * business opening anything else, so nothing is handed to the system browser either.
 */
export function guardNavigation(
  contents: GuardedContents,
  allowedOrigin: string,
  onBlocked: (url: string) => void,
): void {
  const origin = new URL(allowedOrigin).origin;
  const keepOnOrigin = (event: { preventDefault(): void }, url: string): void => {
    let target: string;
    try {
      target = new URL(url).origin;
    } catch {
      target = 'invalid';
    }
    if (target !== origin) {
      event.preventDefault();
      onBlocked(url);
    }
  };
  contents.on('will-navigate', keepOnOrigin);
  contents.on('will-redirect', keepOnOrigin);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    onBlocked(url);
    return { action: 'deny' };
  });
}

/** Permissions a station page may get: none, except going full screen (the display board). */
export function decidePermission(
  permission: string,
  requestingUrl: string,
  allowedOrigin: string,
): boolean {
  let origin: string;
  try {
    origin = new URL(requestingUrl).origin;
  } catch {
    return false;
  }
  return origin === new URL(allowedOrigin).origin && permission === 'fullscreen';
}
