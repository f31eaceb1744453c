import type { KioskState } from './kiosk-state.ts';
import type { ScreenArea } from './station-window.ts';
import { screenAreaFor } from './station-window.ts';

/** The parts of Electron's powerSaveBlocker the shell uses. */
export interface PowerSaveBlocker {
  start(type: 'prevent-app-suspension' | 'prevent-display-sleep'): number;
  stop(id: number): boolean;
  isStarted(id: number): boolean;
}

/**
 * A hall display or a kiosk that goes dark is a broken one: keep the display awake for as long
 * as the shell runs. Returns the release, for quitting.
 */
export function keepDisplayAwake(blocker: PowerSaveBlocker): () => void {
  const id = blocker.start('prevent-display-sleep');
  return () => {
    if (blocker.isStarted(id)) blocker.stop(id);
  };
}

/** The parts of a BrowserWindow kept in place. */
export interface PlacedWindow {
  on(event: 'leave-full-screen', listener: () => void): unknown;
  setBounds(bounds: ScreenArea): void;
  setFullScreen(flag: boolean): void;
  isDestroyed(): boolean;
}

/** The parts of Electron's `screen` that tell where the monitors are and when they change. */
export interface ScreenWatch {
  getAllDisplays(): { bounds: ScreenArea }[];
  on(
    event: 'display-added' | 'display-removed' | 'display-metrics-changed',
    listener: () => void,
  ): unknown;
}

/**
 * Keeps a kiosk window full screen on the monitor its config names: back to full screen if
 * anything takes it out, and back onto its monitor when monitors come and go (a display cable
 * pulled and plugged in again, a resolution changed by the graphics driver).
 */
export function keepOnScreen(
  window: PlacedWindow,
  screenIndex: number,
  screen: ScreenWatch,
  state: KioskState,
): void {
  const place = (): void => {
    if (!state.locked || window.isDestroyed()) return;
    const areas = screen.getAllDisplays().map((d) => d.bounds);
    window.setBounds(screenAreaFor(screenIndex, areas));
    window.setFullScreen(true);
  };
  window.on('leave-full-screen', () => {
    if (state.locked && !window.isDestroyed()) window.setFullScreen(true);
  });
  screen.on('display-added', place);
  screen.on('display-removed', place);
  screen.on('display-metrics-changed', place);
}
