/**
 * Runs in every station window before its page (sandboxed, isolated from the page's scripts):
 * it only watches for the staff's corner taps (corner-taps.ts) and tells the main process.
 * Nothing is exposed to the page.
 */
import { ipcRenderer } from 'electron';
import { CornerTaps } from './corner-taps.ts';
import { STAFF_EXIT_CHANNEL } from './ipc-channels.ts';

const taps = new CornerTaps();
window.addEventListener(
  'pointerdown',
  (event) => {
    if (taps.tap(event.clientX, event.clientY, event.timeStamp))
      ipcRenderer.send(STAFF_EXIT_CHANNEL);
  },
  // Capture: a page's own handler that stops the event must not hide the taps.
  { capture: true, passive: true },
);
