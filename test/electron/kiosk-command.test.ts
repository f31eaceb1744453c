import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { cleanCopy } from './clean-copy.ts';
import { findKioskBrowser } from '../../electron/launch/browser-fallback.ts';

/** The flags this machine's Chromium needs as root and offline, and headless for a test. */
const TEST_BROWSER_FLAGS =
  '--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update';

interface Run {
  child: ChildProcess;
  stderr: () => string;
  stdout: () => string;
  exited: Promise<number | null>;
}

/** `npm run <script> -- args` in `cwd`, in its own process group so all of it can be stopped. */
function npmRun(cwd: string, args: string[], env: Record<string, string> = {}): Run {
  const child = spawn('npm', ['run', ...args], {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, stderr: () => stderr, stdout: () => stdout, exited };
}

async function until(what: string, check: () => boolean, run?: Run): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`gave up waiting for ${what}; stderr: ${run?.stderr() ?? ''}`);
}

/** Processes whose command line mentions `marker` (the test's own profile folder). */
function processesWith(marker: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', marker], { encoding: 'utf8' }).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

describe('npm run kiosk on a clone where Electron’s binary is missing', () => {
  let clone: { dir: string; cleanup: () => void };
  let office: Server;
  let officeUrl: string;
  const requests: string[] = [];
  let temp: { dir: string; cleanup: () => void };
  let run: Run | undefined;

  beforeAll(async () => {
    clone = cleanCopy();
    // The office server as the kiosk sees it: what matters here is which pages the browser asks for.
    office = createServer((req: IncomingMessage, res) => {
      requests.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><title>kiosk</title><p>คิว</p>');
    });
    await new Promise<void>((resolve) => office.listen(0, '127.0.0.1', resolve));
    officeUrl = `http://127.0.0.1:${(office.address() as { port: number }).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => office.close(() => resolve()));
    clone.cleanup();
  });
  afterEach(async () => {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      process.kill(-run.child.pid!, 'SIGKILL');
      await run.exited;
    }
    run = undefined;
    temp?.cleanup();
  });

  const writeConfig = (config: object): string => {
    temp = makeTempDir();
    const file = join(temp.dir, 'shell.json');
    writeFileSync(file, JSON.stringify(config));
    return file;
  };

  it('says so in one line and opens the kiosk URL in Chromium’s kiosk mode, then stops it', async () => {
    const config = writeConfig({
      mode: 'client',
      serverUrl: officeUrl,
      windows: [{ path: '/kiosk' }],
    });
    const profiles = join(temp.dir, 'profiles');
    run = npmRun(clone.dir, ['kiosk', '--', '--config', config], {
      KHIU_KIOSK_BROWSER_FLAGS: TEST_BROWSER_FLAGS,
      KHIU_KIOSK_PROFILE_DIR: profiles,
    });
    await until('the browser to ask for /kiosk', () => requests.includes('GET /kiosk'), run);
    expect(run.stderr().trim().split('\n')).toEqual([
      `khiu kiosk: Electron is not installed here (node_modules/electron has no binary); opening the stations in ${findKioskBrowser()} --kiosk instead`,
    ]);
    expect(processesWith(profiles).length).toBeGreaterThan(0);

    process.kill(-run.child.pid!, 'SIGTERM');
    await run.exited;
    await until('the browser to be gone', () => processesWith(profiles).length === 0);
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it('prints the URLs to open when there is no browser either', async () => {
    const token = 'T'.repeat(43);
    const config = writeConfig({
      mode: 'client',
      serverUrl: 'http://192.168.1.10:8080',
      windows: [
        { path: '/rate/3', pairingToken: token },
        { path: '/display', screen: 1 },
      ],
    });
    run = npmRun(clone.dir, ['--silent', 'kiosk', '--', '--config', config], {
      KHIU_KIOSK_BROWSER: join(clone.dir, 'no-such-browser'),
    });
    expect(await run.exited).toBe(0);
    expect(run.stderr()).toBe(
      'khiu kiosk: Electron is not installed here (node_modules/electron has no binary), nor Chromium, Chrome or Edge; open these in a browser on this PC:\n',
    );
    expect(run.stdout()).toBe(
      `http://192.168.1.10:8080/pair?token=${token}&next=%2Frate%2F3\nhttp://192.168.1.10:8080/display\n`,
    );
  });

  it('explains a wrong or missing config in one line, never a stack trace', async () => {
    const config = writeConfig({ mode: 'client', serverUrl: 'file:///etc/passwd', windows: [] });
    run = npmRun(clone.dir, ['--silent', 'kiosk', '--', '--config', config]);
    expect(await run.exited).toBe(1);
    expect(run.stderr()).toMatch(
      /^khiu kiosk: invalid Khiu shell config: serverUrl: .*; windows: .*\n$/,
    );
    run = npmRun(clone.dir, ['--silent', 'kiosk']);
    expect(await run.exited).toBe(2);
    expect(run.stderr()).toBe('khiu kiosk: usage: npm run kiosk -- --config FILE [--browser]\n');
  });
});

describe('npm run khiu -- serve on a clone whose screens were never built', () => {
  it('answers a station page with how to build the screens, and says the same once on stderr', async () => {
    const clone = cleanCopy();
    const data = makeTempDir();
    const run = npmRun(
      clone.dir,
      ['--silent', 'khiu', '--', 'serve', '--port', '0', '--data', data.dir],
      {
        KHIU_ADMIN_PASSWORD: 'a-long-enough-password',
      },
    );
    try {
      await until('the listening line', () => /khiu listening on /.test(run.stdout()), run);
      const url = /khiu listening on (\S+)/.exec(run.stdout())![1]!;
      const page = await fetch(`${url}/kiosk`);
      expect(page.status).toBe(503);
      expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await page.text();
      expect(html).toContain('ยังไม่ได้สร้างหน้าจอของสถานี');
      expect(html).toContain('<code>npm run build:renderer</code>');
      // The API is unaffected.
      expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
      await until('the hint on stderr', () => run.stderr().includes('not built'), run);
      expect(run.stderr()).toContain(
        'khiu: the station screens are not built: run `npm run build:renderer` (or `npm start`, which builds them), then reload\n',
      );
    } finally {
      process.kill(-run.child.pid!, 'SIGTERM');
      await run.exited;
      data.cleanup();
      clone.cleanup();
    }
  });
});
