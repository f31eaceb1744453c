import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { buildShell, shellBuildStaleness } from '../../electron/launch/build-shell.ts';
import { installAutostart, linuxAutostartEntry } from '../../electron/autostart.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { cleanCopy } from './clean-copy.ts';

const require = createRequire(import.meta.url);

describe('the installers', () => {
  it('are configured as electron-builder’s own schema allows', () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const config = JSON.parse(
      readFileSync(
        fileURLToPath(new URL('../../electron/electron-builder.json', import.meta.url)),
        'utf8',
      ),
    ) as Record<string, unknown>;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
    // A misspelt option is caught, so the check above means something.
    expect(validate({ ...config, nsisInstaller: {} })).toBe(false);
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      extraMetadata: { main: 'dist/electron/main.mjs' },
      // better-sqlite3 must stay built for Node: host mode runs the server under Node.
      npmRebuild: false,
    });
    expect(config.files).toEqual(
      expect.arrayContaining(['dist/electron/**', 'dist/renderer/**', 'dist/server/**']),
    );
  });

  it('start at the kiosk user’s login: an autostart entry on Linux, a login item on Windows', () => {
    const temp = makeTempDir();
    try {
      const settings: unknown[] = [];
      const app = { setLoginItemSettings: (s: unknown) => settings.push(s) };
      const linux = {
        platform: 'linux' as const,
        app,
        homeDir: temp.dir,
        executable: '/opt/Khiu Kiosk/khiu-kiosk',
        configPath: '/etc/khiu/shell.json',
      };
      expect(installAutostart(linux)).toMatch(/wrote .*\.config\/autostart\/khiu-kiosk\.desktop$/);
      expect(installAutostart(linux)).toMatch(/is up to date$/);
      const entry = readFileSync(join(temp.dir, '.config/autostart/khiu-kiosk.desktop'), 'utf8');
      expect(entry).toBe(linuxAutostartEntry(linux.executable, linux.configPath));
      expect(entry).toContain('Exec="/opt/Khiu Kiosk/khiu-kiosk" --config /etc/khiu/shell.json\n');
      installAutostart({ ...linux, platform: 'win32', executable: 'C:\\Khiu\\KhiuKiosk.exe' });
      expect(settings).toEqual([
        {
          openAtLogin: true,
          path: 'C:\\Khiu\\KhiuKiosk.exe',
          args: ['--config', '/etc/khiu/shell.json'],
        },
      ]);
    } finally {
      temp.cleanup();
    }
  });
});

describe('the shell’s build', () => {
  let clone: { dir: string; cleanup: () => void };
  beforeAll(() => {
    clone = cleanCopy();
  });
  afterAll(() => clone.cleanup());

  it('compiles the shell to dist/electron, loading no native module but N-API ones, and knows when it is stale', async () => {
    expect(shellBuildStaleness(clone.dir)).toBe('dist/electron is not built');
    const { outDir, inputs } = await buildShell(clone.dir);
    expect(inputs).toEqual(
      expect.arrayContaining(['electron/main.ts', 'hardware/agent/start-agent.ts']),
    );
    const main = readFileSync(join(outDir, 'main.mjs'), 'utf8');
    const packages = [...main.matchAll(/^import .* from "([^"]+)";$/gm)]
      .map((m) => m[1]!)
      .filter((name) => !name.startsWith('node:'));
    expect(packages).toContain('electron');
    expect(packages).toContain('serialport');
    // better-sqlite3 is built for Node's ABI: it must never load inside Electron.
    expect(packages).not.toContain('better-sqlite3');
    // The agent's printer profiles are found beside their sources, not in dist/electron.
    expect(main).toContain('new URL("../../hardware/printer/printer-profile.ts", import.meta.url)');
    for (const file of [
      'station-preload.cjs',
      'exit-prompt-preload.cjs',
      'exit-prompt.html',
      'exit-prompt.js',
      'exit-prompt.css',
    ]) {
      expect(readFileSync(join(outDir, file)).length).toBeGreaterThan(0);
    }
    expect(shellBuildStaleness(clone.dir)).toBeUndefined();
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(clone.dir, 'electron/kiosk-shortcuts.ts'), later, later);
    expect(shellBuildStaleness(clone.dir)).toBe('electron/kiosk-shortcuts.ts changed');
  });
});
