/**
 * The kiosk shell: Electron's main process. Deliberately thin (DESIGN.md): it starts the
 * office server in host mode, the device agent when devices are plugged in here, and one
 * hardened window per station screen, and keeps all of them running without anyone touching
 * the PC. Everything it shows works the same in a plain browser.
 *
 * Compiled to dist/electron/main.mjs (npm run build:electron); started by `npm run kiosk --
 * --config FILE` or by the installed app (docs/kiosk.md).
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, Menu, powerSaveBlocker, screen, session } from 'electron';
import { loadShellConfig, windowStartUrl, type ShellConfig } from './shell-config.ts';
import { guardNavigation } from './navigation-guard.ts';
import { stationWindowOptions } from './station-window.ts';
import { startHostServer } from './host-server.ts';
import { superviseHostServer, type SupervisedHost } from './host-supervisor.ts';
import { lockDownContents, lockDownSession } from './kiosk-lockdown.ts';
import { superviseWindow } from './window-recovery.ts';
import { keepDisplayAwake, keepOnScreen } from './keep-on-screen.ts';
import { relaunchAfterCrash } from './crash-relaunch.ts';
import { checkStaffCredentials, leaveKioskMode } from './staff-exit.ts';
import { handleStaffExit } from './exit-prompt-window.ts';
import { defaultConfigPath, installAutostart } from './autostart.ts';
import type { MutableKioskState } from './kiosk-state.ts';
import { startAgent } from './start-agent.ts';

const SHELL_DIR = dirname(fileURLToPath(import.meta.url));
const log = (line: string): void => void process.stderr.write(`khiu-shell: ${line}\n`);

// An error that escapes the main process relaunches the app (backing off in a crash loop)
// instead of Electron's error dialog, which would wait on the kiosk's screen for a mouse.
let crashed = false;
const onCrash = (error: unknown): void => {
  if (crashed) return;
  crashed = true;
  relaunchAfterCrash(app, error, {
    historyFile: join(app.getPath('userData'), 'crashes.json'),
    now: () => Date.now(),
    log,
  });
};
process.on('uncaughtException', onCrash);
process.on('unhandledRejection', onCrash);

function readConfig(): { config: ShellConfig; path: string } {
  const flag = process.argv.indexOf('--config');
  const path = resolve(
    flag >= 0 && process.argv[flag + 1]
      ? process.argv[flag + 1]!
      : defaultConfigPath(process.platform, process.env),
  );
  return { config: loadShellConfig(path), path };
}

/** host mode: this PC runs the office server (a Node child process) for the whole office. */
async function startHost(config: ShellConfig): Promise<SupervisedHost | undefined> {
  if (config.mode !== 'host') return undefined;
  const url = new URL(config.serverUrl);
  return superviseHostServer(
    () =>
      startHostServer({
        dataDir: config.dataDir!,
        port: Number(url.port || 80),
        host: '0.0.0.0',
        node: config.node ?? 'node',
        // An installed app ships the compiled server and no TypeScript loader.
        runtime: app.isPackaged ? 'compiled' : 'tsx',
        onStderr: (text) => void process.stderr.write(text),
      }),
    { log },
  );
}

function openStationWindows(config: ShellConfig, state: MutableKioskState): BrowserWindow[] {
  const screens = screen.getAllDisplays().map((d) => d.bounds);
  return config.windows.map((station) => {
    const preload = join(SHELL_DIR, 'station-preload.cjs');
    const window = new BrowserWindow(stationWindowOptions(station, screens, preload));
    const name = `window ${station.path}`;
    window.once('ready-to-show', () => window.show());
    // A paired station's window opens its pairing link first (shell-config.ts).
    const start = windowStartUrl(config, station);
    // A failed load is retried by did-fail-load below; it must not stop the other windows.
    const load = (): void => void window.loadURL(start).catch(() => undefined);
    // A station that loses the server keeps retrying: the pages themselves show the banner.
    window.webContents.on('did-fail-load', (_event, _code, _description, _url, isMainFrame) => {
      if (isMainFrame) setTimeout(load, 3000);
    });
    superviseWindow(window, { name, hangMs: config.hangSeconds * 1000, reload: load, log });
    if (station.kiosk) {
      lockDownContents(window.webContents, state, (line) => log(`${name}: ${line}`));
      keepOnScreen(window, station.screen, screen, state);
    }
    load();
    return window;
  });
}

async function main(): Promise<void> {
  const { config, path: configPath } = readConfig();
  if (!app.requestSingleInstanceLock()) {
    // Autostart and a hand start would run two shells, and in host mode two servers on one folder.
    log('another Khiu shell is already running on this PC; leaving');
    app.exit(0);
    return;
  }
  // Every renderer in its OS sandbox, before any window exists.
  app.enableSandbox();
  Menu.setApplicationMenu(null);
  await app.whenReady();

  lockDownSession(session.defaultSession, config.serverUrl, log);
  app.on('web-contents-created', (_event, contents) =>
    guardNavigation(contents, config.serverUrl, (url) => log(`blocked navigation to ${url}`)),
  );
  const releaseDisplay = keepDisplayAwake(powerSaveBlocker);
  const host = await startHost(config);
  const agent = await startAgent(config.agentConfig, log);
  const state: MutableKioskState = { locked: config.windows.some((w) => w.kiosk) };
  const windows = openStationWindows(config, state);
  const kioskWindows = windows.filter((_w, i) => config.windows[i]!.kiosk);

  handleStaffExit({
    dir: SHELL_DIR,
    isKioskWindow: (contents) =>
      state.locked
        ? kioskWindows.find((w) => !w.isDestroyed() && w.webContents === contents)
        : undefined,
    submit: (username, password) =>
      leaveKioskMode(
        kioskWindows,
        state,
        () => checkStaffCredentials(config.serverUrl, username, password),
        log,
      ),
    log,
  });

  if (config.autostart) {
    log(
      app.isPackaged
        ? installAutostart({
            platform: process.platform,
            app,
            homeDir: homedir(),
            // An AppImage is mounted somewhere new on every start: point at the file itself.
            executable: process.env.APPIMAGE ?? process.execPath,
            configPath,
          })
        : 'autostart: only the installed app registers itself (docs/kiosk.md)',
    );
  }

  let stopped = false;
  app.on('before-quit', (event) => {
    if (stopped) return;
    // The server child and the agent's ports must be closed before the process goes.
    event.preventDefault();
    releaseDisplay();
    void Promise.allSettled([agent?.stop(), host?.stop()]).then(() => {
      stopped = true;
      app.quit();
    });
  });
  app.on('window-all-closed', () => app.quit());
}

main().catch((error: unknown) => {
  // The config, the server or the agent could not start: say why and leave, rather than show
  // blank windows (and rather than relaunch into the same error).
  log(error instanceof Error ? error.message : String(error));
  app.exit(1);
});
