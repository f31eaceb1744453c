import { existsSync } from 'node:fs';
import { win32 } from 'node:path';
import { KhiuError } from '../../core/errors.ts';

const INSTALL_HINT =
  'PDF reports are printed by Chromium, Google Chrome or Microsoft Edge. ' +
  'Debian: apt-get install chromium; Windows: install Google Chrome or Microsoft Edge; ' +
  'or set KHIU_BROWSER to the browser program.';

/** Where Debian, Ubuntu and Windows put a Chromium-based browser, most likely first. */
export function browserCandidates(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  if (platform !== 'win32') {
    return [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/usr/bin/microsoft-edge',
      '/usr/bin/microsoft-edge-stable',
    ];
  }
  const programFiles = env.ProgramFiles ?? 'C:\\Program Files';
  const programFilesX86 = env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)';
  const local = env.LOCALAPPDATA;
  const chrome = ['Google', 'Chrome', 'Application', 'chrome.exe'];
  const edge = ['Microsoft', 'Edge', 'Application', 'msedge.exe'];
  // win32.join: these are Windows paths, whatever platform the tests run on.
  const winJoin = win32.join;
  return [
    winJoin(programFiles, ...chrome),
    winJoin(programFilesX86, ...chrome),
    ...(local ? [winJoin(local, ...chrome)] : []),
    winJoin(programFilesX86, ...edge),
    winJoin(programFiles, ...edge),
  ];
}

/**
 * The browser to print with: the configured one (KHIU_BROWSER), which must
 * exist, or else the first installed at a usual place. Looked up at each launch,
 * so installing a browser needs no restart.
 */
export function findBrowser(configured: string | null | undefined): string {
  if (configured) {
    if (existsSync(configured)) return configured;
    throw new KhiuError(
      'browser_missing',
      `The browser ${configured} (KHIU_BROWSER) does not exist. ${INSTALL_HINT}`,
      503,
    );
  }
  const found = browserCandidates().find((path) => existsSync(path));
  if (found) return found;
  throw new KhiuError('browser_missing', `No browser found for PDF reports. ${INSTALL_HINT}`, 503);
}
