/**
 * npm run kiosk -- --config FILE [--browser]: the one command that starts a kiosk PC.
 *
 * With Electron installed it builds the shell if its sources changed (build-shell.ts) and
 * starts Electron with it. Without Electron's binary (an offline PC; this project's CI) it says
 * so in one line and opens the same station URLs in Chromium's (or Chrome's, or Edge's) kiosk
 * mode, running the office server (host mode) and the device agent itself; with no such
 * browser either it prints the URLs to open. `--browser` takes the browser even when Electron
 * is there. Runs on plain Node, never inside Electron.
 */
import { spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadShellConfig, windowStartUrl, type ShellConfig } from '../shell-config.ts';
import { startHostServer } from '../host-server.ts';
import { superviseHostServer } from '../host-supervisor.ts';
import { startAgent } from '../start-agent.ts';
import { buildShell, REPO_ROOT, SHELL_OUT, shellBuildStaleness } from './build-shell.ts';
import { findElectronBinary } from './electron-binary.ts';
import {
  extraBrowserFlags,
  findKioskBrowser,
  runKioskBrowser,
  type KioskBrowser,
} from './browser-fallback.ts';

const USAGE = 'usage: npm run kiosk -- --config FILE [--browser]';
const say = (line: string): void => void process.stderr.write(`khiu kiosk: ${line}\n`);

class UsageError extends Error {}

function parseCommandLine(argv: readonly string[]): { configFile: string; browser: boolean } {
  let configFile: string | undefined;
  let browser = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--config') configFile = argv[++i];
    else if (arg.startsWith('--config=')) configFile = arg.slice('--config='.length);
    else if (arg === '--browser') browser = true;
    else throw new UsageError(`unknown argument ${arg}; ${USAGE}`);
  }
  if (!configFile) throw new UsageError(USAGE);
  return { configFile: resolve(configFile), browser };
}

/** Waits for Ctrl+C or a SIGTERM (the session ending, systemd, a test). */
const untilStopped = (): Promise<void> =>
  new Promise((done) => {
    process.once('SIGINT', () => done());
    process.once('SIGTERM', () => done());
  });

async function runElectron(binary: string, configFile: string): Promise<number> {
  const stale = shellBuildStaleness();
  if (stale) {
    say(`building the shell (${stale})`);
    await buildShell();
  }
  const child = spawn(binary, [join(REPO_ROOT, SHELL_OUT, 'main.mjs'), '--config', configFile], {
    stdio: 'inherit',
  });
  const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
  process.on('SIGINT', forward('SIGINT'));
  process.on('SIGTERM', forward('SIGTERM'));
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}

async function runInBrowser(config: ShellConfig, hadElectron: boolean): Promise<number> {
  const browser = findKioskBrowser();
  const urls = config.windows.map((window) => windowStartUrl(config, window));
  const missing = 'Electron is not installed here (node_modules/electron has no binary)';
  if (browser && hadElectron) say(`opening the stations in ${browser} --kiosk (--browser)`);
  else if (browser) say(`${missing}; opening the stations in ${browser} --kiosk instead`);
  else {
    say(`${missing}, nor Chromium, Chrome or Edge; open these in a browser on this PC:`);
    for (const url of urls) process.stdout.write(`${url}\n`);
  }

  const host =
    config.mode === 'host'
      ? await superviseHostServer(
          () =>
            startHostServer({
              dataDir: config.dataDir!,
              port: Number(new URL(config.serverUrl).port || 80),
              host: '0.0.0.0',
              node: config.node ?? process.execPath,
            }),
          { log: say },
        )
      : undefined;
  const agent = await startAgent(config.agentConfig, say);
  // A client with nothing to open has nothing left to run; a host still serves the office.
  if (!browser && !host && !agent) return 0;

  const profiles = process.env.KHIU_KIOSK_PROFILE_DIR ?? join(homedir(), '.khiu-kiosk');
  const browsers: KioskBrowser[] = browser
    ? urls.map((url, index) =>
        runKioskBrowser({
          browser,
          url,
          profileDir: join(profiles, `window-${index + 1}`),
          extraFlags: extraBrowserFlags(),
          log: say,
        }),
      )
    : [];
  await untilStopped();
  await Promise.allSettled([...browsers.map((b) => b.stop()), agent?.stop(), host?.stop()]);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const { configFile, browser } = parseCommandLine(argv);
  const config = loadShellConfig(configFile);
  const electron = findElectronBinary(REPO_ROOT);
  if (electron && !browser) return runElectron(electron, configFile);
  return runInBrowser(config, electron !== undefined);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    // One line, never a stack trace: the person at the kiosk PC needs the reason, not our code.
    say(error instanceof Error ? error.message : String(error));
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
