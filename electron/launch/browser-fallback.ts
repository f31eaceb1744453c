import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Chromium-family browsers that have a kiosk mode, by the names and places they install to. */
const BROWSER_NAMES = [
  'chromium',
  'chromium-browser',
  'google-chrome',
  'google-chrome-stable',
  'microsoft-edge',
  'microsoft-edge-stable',
];
const WINDOWS_BROWSERS = [
  'Google\\Chrome\\Application\\chrome.exe',
  'Microsoft\\Edge\\Application\\msedge.exe',
];

/**
 * The browser the fallback opens: `KHIU_KIOSK_BROWSER` if set, else the first Chromium, Chrome
 * or Edge on the PATH (or in Program Files on Windows), else undefined.
 */
export function findKioskBrowser(
  env: Record<string, string | undefined> = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  if (env.KHIU_KIOSK_BROWSER) {
    return existsSync(env.KHIU_KIOSK_BROWSER) ? env.KHIU_KIOSK_BROWSER : undefined;
  }
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.LOCALAPPDATA].filter(
      (dir): dir is string => !!dir,
    );
    for (const root of roots) {
      for (const browser of WINDOWS_BROWSERS) {
        if (existsSync(join(root, browser))) return join(root, browser);
      }
    }
    return undefined;
  }
  for (const dir of (env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const name of BROWSER_NAMES) {
      if (existsSync(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/**
 * The flags for one station in the browser's kiosk mode: full screen, no address bar, no
 * first-run questions, its own profile folder (so a paired station keeps its cookie between
 * starts), then the machine's own extra flags (`KHIU_KIOSK_BROWSER_FLAGS`, e.g. `--no-sandbox`
 * where the browser runs as root).
 */
export function kioskBrowserArgs(
  url: string,
  profileDir: string,
  extraFlags: readonly string[],
): string[] {
  return [
    `--user-data-dir=${profileDir}`,
    '--kiosk',
    `--app=${url}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-translate',
    '--disable-pinch',
    '--overscroll-history-navigation=0',
    '--autoplay-policy=no-user-gesture-required',
    '--noerrdialogs',
    '--disable-session-crashed-bubble',
    ...extraFlags,
  ];
}

/** `KHIU_KIOSK_BROWSER_FLAGS`, split on spaces. */
export function extraBrowserFlags(env: Record<string, string | undefined> = process.env): string[] {
  return (env.KHIU_KIOSK_BROWSER_FLAGS ?? '').split(/\s+/).filter(Boolean);
}

export interface KioskBrowser {
  /** How many times the browser was started again after it went away. */
  readonly restarts: number;
  stop(): Promise<void>;
}

/**
 * Runs one station in the browser's kiosk mode and starts it again when it exits (a crash, or
 * someone who found a way to close it), after two seconds so a browser that cannot start at all
 * does not spin.
 */
export function runKioskBrowser(options: {
  browser: string;
  url: string;
  profileDir: string;
  extraFlags: readonly string[];
  log: (line: string) => void;
}): KioskBrowser {
  mkdirSync(options.profileDir, { recursive: true });
  let child: ChildProcess | undefined;
  let stopping = false;
  let restarts = 0;
  let timer: NodeJS.Timeout | undefined;
  const launch = (): void => {
    const started = spawn(
      options.browser,
      kioskBrowserArgs(options.url, options.profileDir, options.extraFlags),
      { stdio: 'ignore' },
    );
    child = started;
    started.once('error', (error) =>
      options.log(`cannot start ${options.browser}: ${error.message}`),
    );
    started.once('exit', (code, signal) => {
      if (stopping) return;
      options.log(
        `the browser for ${options.url} exited (${signal ?? `code ${code}`}); starting it again`,
      );
      timer = setTimeout(() => {
        restarts += 1;
        launch();
      }, 2_000);
    });
  };
  launch();
  return {
    get restarts() {
      return restarts;
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      const kill = setTimeout(() => running.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(kill);
    },
  };
}
