import type { ShellConfig } from './shell-config.ts';

/** The web preferences every station window gets; never loosened per window. */
export const STATION_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  // The hall display announces calls without anyone touching the screen first.
  autoplayPolicy: 'no-user-gesture-required',
} as const;

export interface ScreenArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The monitor a window belongs on: the one its config names, else the primary, else a plain HD area. */
export function screenAreaFor(index: number, screens: ScreenArea[]): ScreenArea {
  return screens[index] ?? screens[0] ?? { x: 0, y: 0, width: 1920, height: 1080 };
}

/**
 * Options for one station's BrowserWindow, placed on its monitor. `preload` is the compiled
 * corner-tap listener (the staff's hidden way out of kiosk mode); in kiosk mode devtools are off.
 */
export function stationWindowOptions(
  window: ShellConfig['windows'][number],
  screens: ScreenArea[],
  preload?: string,
) {
  const area = screenAreaFor(window.screen, screens);
  return {
    ...area,
    kiosk: window.kiosk,
    fullscreen: window.kiosk,
    frame: !window.kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    show: false,
    webPreferences: {
      ...STATION_WEB_PREFERENCES,
      devTools: !window.kiosk,
      ...(preload ? { preload } : {}),
    },
  };
}
