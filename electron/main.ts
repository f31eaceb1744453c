/**
 * The kiosk shell: Electron's main process. Deliberately thin (DESIGN.md): it
 * starts the office server in host mode, the device agent when devices are
 * plugged in here, and one hardened window per station screen. Everything it
 * shows works the same in a plain browser.
 *
 * Run: electron electron/main.ts --config /etc/khiu/shell.json (with a TS loader),
 * or point Electron at a compiled copy.
 */
import { readFileSync } from 'node:fs';
import { app, BrowserWindow, screen, session } from 'electron';
import { parseShellConfig, windowStartUrl } from './shell-config.ts';
import { decidePermission, guardNavigation } from './navigation-guard.ts';
import { stationWindowOptions } from './station-window.ts';
import { startHostServer, type HostServer } from './host-server.ts';

const configPath = process.argv[process.argv.indexOf('--config') + 1];
if (!process.argv.includes('--config') || !configPath) {
  throw new Error('usage: electron electron/main.ts --config FILE');
}
const config = parseShellConfig(JSON.parse(readFileSync(configPath, 'utf8')));
const log = (line: string): void => void process.stderr.write(`khiu-shell: ${line}\n`);

// Every renderer in its OS sandbox, before any window exists.
app.enableSandbox();

/** host mode: this PC runs the office server (as a Node child process) for the whole office. */
async function startHost(): Promise<HostServer | undefined> {
  if (config.mode !== 'host') return undefined;
  const url = new URL(config.serverUrl);
  return startHostServer({
    dataDir: config.dataDir!,
    port: Number(url.port || 80),
    host: '0.0.0.0',
  });
}

async function startAgent(): Promise<{ stop(): Promise<void> } | undefined> {
  if (!config.agentConfig) return undefined;
  const { startAgentFromFile } = (await import('../hardware/agent/start-agent.ts')) as {
    startAgentFromFile(
      file: string,
      log: (line: string) => void,
    ): Promise<{ stop(): Promise<void> }>;
  };
  return startAgentFromFile(config.agentConfig, log);
}

app
  .whenReady()
  .then(async () => {
    session.defaultSession.setPermissionRequestHandler((contents, permission, callback) =>
      callback(decidePermission(permission, contents.getURL(), config.serverUrl)),
    );
    app.on('web-contents-created', (_event, contents) =>
      guardNavigation(contents, config.serverUrl, (url) => log(`blocked navigation to ${url}`)),
    );
    const host = await startHost();
    const agent = await startAgent();
    const screens = screen.getAllDisplays().map((d) => d.bounds);
    for (const station of config.windows) {
      const window = new BrowserWindow(stationWindowOptions(station, screens));
      window.once('ready-to-show', () => window.show());
      // A paired station's window opens its pairing link first (shell-config.ts).
      const start = windowStartUrl(config, station);
      // A station that loses the server keeps retrying: the pages themselves show the banner.
      window.webContents.on('did-fail-load', () =>
        setTimeout(() => window.loadURL(start).catch(() => undefined), 3000),
      );
      // A failed load is retried by did-fail-load above; it must not stop the other windows.
      window.loadURL(start).catch(() => undefined);
    }
    app.on('before-quit', () => {
      void agent?.stop();
      void host?.stop();
    });
  })
  .catch((error: unknown) => {
    // The server or the agent could not start: say why and leave, rather than show blank windows.
    log(error instanceof Error ? error.message : String(error));
    app.exit(1);
  });

app.on('window-all-closed', () => app.quit());
