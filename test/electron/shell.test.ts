import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loadShellConfig,
  parseShellConfig,
  resolveConfigPaths,
  stationUrl,
  windowStartUrl,
} from '../../electron/shell-config.ts';
import {
  decidePermission,
  guardNavigation,
  type GuardedContents,
} from '../../electron/navigation-guard.ts';
import { STATION_WEB_PREFERENCES, stationWindowOptions } from '../../electron/station-window.ts';
import { startHostServer, type HostServer } from '../../electron/host-server.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Stands in for Electron's WebContents, which cannot run here. */
class FakeContents extends EventEmitter implements GuardedContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  navigate(event: string, url?: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

const config = parseShellConfig({
  mode: 'client',
  serverUrl: 'http://192.168.1.10:8080',
  windows: [{ path: '/kiosk' }, { path: '/display', screen: 1 }],
});

describe('the kiosk shell', () => {
  it('keeps a station window on the office server and blocks everything else', () => {
    const contents = new FakeContents();
    const blocked: string[] = [];
    guardNavigation(contents, config.serverUrl, (url) => blocked.push(url));
    expect(contents.navigate('will-navigate', 'http://192.168.1.10:8080/t/abc')).toBe(false);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.navigate('will-redirect', 'http://192.168.1.10:9999/')).toBe(true);
    expect(contents.navigate('will-navigate', 'not a url')).toBe(true);
    // A file dropped on the window asks to navigate to it: refused like any other origin.
    expect(contents.navigate('will-navigate', 'file:///home/kiosk/Downloads/form.pdf')).toBe(true);
    expect(contents.navigate('will-attach-webview')).toBe(true);
    expect(contents.openHandler?.({ url: 'http://192.168.1.10:8080/standards' })).toEqual({
      action: 'deny',
    });
    expect(blocked).toEqual([
      'https://evil.example/',
      'http://192.168.1.10:9999/',
      'not a url',
      'file:///home/kiosk/Downloads/form.pdf',
      'http://192.168.1.10:8080/standards',
    ]);
  });

  it('grants a station no permission but full screen, and only on its own origin', () => {
    expect(
      decidePermission('fullscreen', 'http://192.168.1.10:8080/display', config.serverUrl),
    ).toBe(true);
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'serial',
      'usb',
    ]) {
      expect(decidePermission(permission, 'http://192.168.1.10:8080/kiosk', config.serverUrl)).toBe(
        false,
      );
    }
    expect(decidePermission('fullscreen', 'https://evil.example/', config.serverUrl)).toBe(false);
  });

  it('opens every window sandboxed, isolated and without Node, on its own monitor', () => {
    const screens = [
      { x: 0, y: 0, width: 1080, height: 1920 },
      { x: 1080, y: 0, width: 1920, height: 1080 },
    ];
    const display = stationWindowOptions(config.windows[1]!, screens);
    expect(display).toMatchObject({ x: 1080, width: 1920, kiosk: true, frame: false });
    expect(display.webPreferences).toMatchObject({ ...STATION_WEB_PREFERENCES, devTools: false });
    expect(STATION_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(stationUrl(config, '/rate/3')).toBe('http://192.168.1.10:8080/rate/3');
  });

  it('opens a paired station’s window at its pairing link first, so the page that loads is paired', () => {
    const token = 'T'.repeat(43);
    const paired = parseShellConfig({
      ...config,
      windows: [
        { path: '/rate/3', pairingToken: token },
        { path: '/display', screen: 1 },
      ],
    });
    expect(windowStartUrl(paired, paired.windows[0]!)).toBe(
      `http://192.168.1.10:8080/pair?token=${token}&next=%2Frate%2F3`,
    );
    expect(windowStartUrl(paired, paired.windows[1]!)).toBe('http://192.168.1.10:8080/display');
    expect(() =>
      parseShellConfig({ ...config, windows: [{ path: '/kiosk', pairingToken: 'kiosk-1' }] }),
    ).toThrow(/a station token/);
    // The windows share one cookie store: it can hold one station's cookie.
    expect(() =>
      parseShellConfig({
        ...config,
        windows: [
          { path: '/kiosk', pairingToken: token },
          { path: '/rate/1', pairingToken: token },
        ],
      }),
    ).toThrow(/at most one window can be a paired station/);
  });

  it('rejects a config that would load anything but a station page', () => {
    expect(() => parseShellConfig({ ...config, windows: [{ path: '//evil.example/' }] })).toThrow(
      /station path/,
    );
    expect(() => parseShellConfig({ ...config, serverUrl: 'file:///etc/passwd' })).toThrow(
      /serverUrl/,
    );
    expect(() => parseShellConfig({ ...config, mode: 'host' })).toThrow(/dataDir/);
  });
});

describe('the example configs', () => {
  it('parses every office layout in electron/examples with the parser the shell uses', () => {
    const dir = fileURLToPath(new URL('../../electron/examples/', import.meta.url));
    const files = readdirSync(dir).filter((file) => file.endsWith('.json'));
    expect(files.sort()).toEqual(['counter.json', 'display.json', 'host.json', 'kiosk.json']);
    const parsed = Object.fromEntries(
      files.map((file) => [file, loadShellConfig(join(dir, file))] as const),
    );
    expect(parsed['host.json']).toMatchObject({ mode: 'host', dataDir: '/var/lib/khiu' });
    expect(parsed['kiosk.json']!.windows).toMatchObject([{ path: '/kiosk', kiosk: true }]);
    expect(parsed['display.json']!.windows).toMatchObject([{ path: '/display' }]);
    // The counter's own screen is an ordinary window; its rating screen is a locked kiosk.
    expect(parsed['counter.json']!.windows).toMatchObject([
      { path: '/counter', kiosk: false },
      { path: '/rate/1', kiosk: true },
    ]);
  });

  it('resolves a config’s relative paths against the config file’s folder', () => {
    const config = resolveConfigPaths(
      parseShellConfig({
        mode: 'host',
        serverUrl: 'http://127.0.0.1:8080',
        dataDir: 'data',
        agentConfig: '../agent.json',
        windows: [{ path: '/kiosk' }],
      }),
      '/etc/khiu/shell.json',
    );
    expect(config).toMatchObject({ dataDir: '/etc/khiu/data', agentConfig: '/etc/agent.json' });
    expect(config.hangSeconds).toBe(8);
  });
});

describe('host mode', () => {
  let server: HostServer | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await server?.stop();
    cleanup();
  });

  it('starts the office server in Node and finds its URL', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    server = await startHostServer({
      dataDir: temp.dir,
      port: 0,
      host: '127.0.0.1',
      node: process.execPath,
    });
    expect(await (await fetch(`${server.url}/api/health`)).json()).toEqual({ ok: true });
  });
});
