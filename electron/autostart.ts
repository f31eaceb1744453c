import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the shell looks for its config when started without --config (an installed kiosk). */
export function defaultConfigPath(
  platform: NodeJS.Platform,
  env: Record<string, string | undefined>,
): string {
  if (platform === 'win32') return join(env.ProgramData ?? 'C:\\ProgramData', 'Khiu', 'shell.json');
  return '/etc/khiu/shell.json';
}

/** One argument of a desktop entry's Exec line, quoted as the freedesktop spec asks. */
function desktopQuote(arg: string): string {
  if (/^[\w./:=@+-]+$/.test(arg)) return arg;
  return `"${arg.replace(/(["`$\\])/g, '\\$1')}"`;
}

/** The freedesktop autostart entry that starts the shell when the kiosk user logs in. */
export function linuxAutostartEntry(executable: string, configPath: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Khiu Kiosk',
    'Name[th]=คิว (คีออสก์)',
    'Comment=Khiu queue station screens in kiosk mode',
    `Exec=${[executable, '--config', configPath].map(desktopQuote).join(' ')}`,
    'X-GNOME-Autostart-enabled=true',
    'Terminal=false',
    '',
  ].join('\n');
}

/** The parts of Electron's `app` a Windows login item needs. */
export interface LoginItemApp {
  setLoginItemSettings(settings: { openAtLogin: boolean; path?: string; args?: string[] }): void;
}

/**
 * Makes the shell start at the kiosk user's login: a desktop autostart entry on Linux (the
 * AppImage's own path when run from one, since its mount point changes every start), the
 * Startup login item on Windows. Returns what it did, for the log.
 */
export function installAutostart(options: {
  platform: NodeJS.Platform;
  app: LoginItemApp;
  homeDir: string;
  executable: string;
  configPath: string;
}): string {
  if (options.platform === 'win32') {
    options.app.setLoginItemSettings({
      openAtLogin: true,
      path: options.executable,
      args: ['--config', options.configPath],
    });
    return 'autostart: Windows login item set';
  }
  if (options.platform !== 'linux') return `autostart: not supported on ${options.platform}`;
  const dir = join(options.homeDir, '.config', 'autostart');
  const file = join(dir, 'khiu-kiosk.desktop');
  const entry = linuxAutostartEntry(options.executable, options.configPath);
  let existing = '';
  try {
    existing = readFileSync(file, 'utf8');
  } catch {
    existing = '';
  }
  if (existing === entry) return `autostart: ${file} is up to date`;
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, entry);
  return `autostart: wrote ${file}`;
}
