import { join } from 'node:path';
import { BrowserWindow, ipcMain } from 'electron';
import type { ExitAnswer } from './staff-exit.ts';
import { EXIT_CANCEL_CHANNEL, EXIT_SUBMIT_CHANNEL, STAFF_EXIT_CHANNEL } from './ipc-channels.ts';
import { STATION_WEB_PREFERENCES } from './station-window.ts';

/** A prompt nobody answers closes itself: a citizen who found it by chance is back at the kiosk. */
const PROMPT_OPEN_MS = 60_000;

/**
 * The staff exit's prompt: opened when a kiosk window's preload reports the corner taps, a
 * small always-on-top window over that window, loaded from the shell's own files (never from the
 * network). `submit` checks the password (staff-exit.ts); the prompt closes when it succeeds,
 * on Cancel, or after a minute.
 */
export function handleStaffExit(options: {
  /** The compiled shell's folder (dist/electron), where the prompt's files are. */
  dir: string;
  isKioskWindow: (contents: Electron.WebContents) => BrowserWindow | undefined;
  submit: (username: string, password: string) => Promise<ExitAnswer>;
  log: (line: string) => void;
}): void {
  let prompt: BrowserWindow | undefined;

  ipcMain.on(STAFF_EXIT_CHANNEL, (event) => {
    const owner = options.isKioskWindow(event.sender);
    if (!owner || (prompt && !prompt.isDestroyed())) return;
    options.log('staff exit: corner taps, showing the password prompt');
    const bounds = owner.getBounds();
    const width = Math.min(560, bounds.width);
    const height = Math.min(440, bounds.height);
    const opened = new BrowserWindow({
      parent: owner,
      modal: true,
      alwaysOnTop: true,
      x: bounds.x + Math.round((bounds.width - width) / 2),
      y: bounds.y + Math.round((bounds.height - height) / 2),
      width,
      height,
      frame: false,
      resizable: false,
      show: false,
      webPreferences: {
        ...STATION_WEB_PREFERENCES,
        devTools: false,
        preload: join(options.dir, 'exit-prompt-preload.cjs'),
      },
    });
    prompt = opened;
    const timer = setTimeout(() => opened.isDestroyed() || opened.close(), PROMPT_OPEN_MS);
    opened.once('closed', () => {
      clearTimeout(timer);
      if (prompt === opened) prompt = undefined;
    });
    opened.once('ready-to-show', () => opened.show());
    void opened.loadFile(join(options.dir, 'exit-prompt.html'));
  });

  const fromPrompt = (contents: Electron.WebContents): boolean =>
    !!prompt && !prompt.isDestroyed() && prompt.webContents === contents;

  ipcMain.handle(EXIT_SUBMIT_CHANNEL, async (event, username: unknown, password: unknown) => {
    if (!fromPrompt(event.sender)) return { left: false, message: '' };
    const answer = await options.submit(String(username ?? ''), String(password ?? ''));
    // Long enough to read "left kiosk mode" before the prompt goes.
    if (answer.left) setTimeout(() => prompt?.isDestroyed() || prompt?.close(), 1_500);
    return answer;
  });
  ipcMain.on(EXIT_CANCEL_CHANNEL, (event) => {
    if (fromPrompt(event.sender)) prompt?.close();
  });
}
