import { afterEach, describe, expect, it } from 'vitest';
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { superviseWindow, type Timers } from '../../electron/window-recovery.ts';
import {
  CRASH_WINDOW_MS,
  MAX_BACKOFF_MS,
  recordCrash,
  relaunchAfterCrash,
  relaunchDelayMs,
} from '../../electron/crash-relaunch.ts';
import {
  keepDisplayAwake,
  keepOnScreen,
  type PowerSaveBlocker,
} from '../../electron/keep-on-screen.ts';
import type { MutableKioskState } from '../../electron/kiosk-state.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** Timers the test fires by hand: the recovery's decisions, not the clock, are under test. */
class ManualTimers implements Timers {
  pending = new Map<number, { callback: () => void; ms: number }>();
  private next = 1;
  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { callback, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fireAll(): void {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const timer of due) timer.callback();
  }
}

/** Stands in for a BrowserWindow and its WebContents. */
class FakeWindow extends EventEmitter {
  crashedByShell = 0;
  webContents = Object.assign(new EventEmitter(), {
    forcefullyCrashRenderer: () => {
      this.crashedByShell += 1;
    },
  });
}

describe('a station window that breaks', () => {
  it('reloads a renderer that crashed, counting and logging each time', () => {
    const window = new FakeWindow();
    const log: string[] = [];
    let reloads = 0;
    const counts = superviseWindow(window, {
      name: 'window /kiosk',
      hangMs: 8000,
      reload: () => (reloads += 1),
      log: (line) => log.push(line),
      timers: new ManualTimers(),
    });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 0 });
    expect({ reloads, counts }).toEqual({ reloads: 2, counts: { crashes: 2, hangs: 0 } });
    expect(log).toEqual([
      'window /kiosk: renderer gone (crashed, exit code 139); reloading (crash 1)',
      'window /kiosk: renderer gone (oom, exit code 0); reloading (crash 2)',
    ]);
  });

  it('kills and reloads a page that stays unresponsive past the limit, once', () => {
    const window = new FakeWindow();
    const timers = new ManualTimers();
    const log: string[] = [];
    let reloads = 0;
    const counts = superviseWindow(window, {
      name: 'window /display',
      hangMs: 8000,
      reload: () => (reloads += 1),
      log: (line) => log.push(line),
      timers,
    });
    window.emit('unresponsive');
    window.emit('unresponsive');
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([8000]);
    timers.fireAll();
    // The killed renderer reports itself gone: that is the same hang, not a second reload.
    window.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect({ reloads, counts, killed: window.crashedByShell }).toEqual({
      reloads: 1,
      counts: { crashes: 0, hangs: 1 },
      killed: 1,
    });
    expect(log).toEqual(['window /display: page unresponsive for 8 s; reloading (hang 1)']);
  });

  it('leaves a page alone that answers again before the limit', () => {
    const window = new FakeWindow();
    const timers = new ManualTimers();
    let reloads = 0;
    superviseWindow(window, {
      name: 'w',
      hangMs: 8000,
      reload: () => (reloads += 1),
      log: () => undefined,
      timers,
    });
    window.emit('unresponsive');
    window.emit('responsive');
    expect(timers.pending.size).toBe(0);
    timers.fireAll();
    expect(reloads).toBe(0);
  });
});

describe('a main process that crashes', () => {
  const minute = 60_000;
  const now = 1_000 * minute;
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('relaunches at once for the first crashes, then backs off up to a cap', () => {
    expect(relaunchDelayMs([], now)).toBe(0);
    expect(relaunchDelayMs([now - minute, now - 2 * minute], now)).toBe(0);
    const loop = (n: number) => Array.from({ length: n }, (_, i) => now - i * 1000);
    expect(relaunchDelayMs(loop(3), now)).toBe(5_000);
    expect(relaunchDelayMs(loop(4), now)).toBe(10_000);
    expect(relaunchDelayMs(loop(5), now)).toBe(20_000);
    expect(relaunchDelayMs(loop(200), now)).toBe(MAX_BACKOFF_MS);
    // Crashes older than the window are forgiven.
    expect(
      relaunchDelayMs(
        loop(10).map((t) => t - CRASH_WINDOW_MS),
        now,
      ),
    ).toBe(0);
  });

  it('keeps the crash history in a file across launches, and starts afresh from a damaged one', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'user-data', 'crashes.json');
    const delays = [0, 1, 2, 3, 4].map((i) => recordCrash(file, now + i * 1000).delayMs);
    expect(delays).toEqual([0, 0, 0, 5_000, 10_000]);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveLength(5);
    expect(recordCrash(file, now + CRASH_WINDOW_MS + 10_000)).toEqual({ delayMs: 0, recent: 1 });
  });

  it('logs the error, waits as the history says, then relaunches and exits', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const calls: string[] = [];
    const app = {
      relaunch: () => calls.push('relaunch'),
      exit: (code: number) => calls.push(`exit ${code}`),
    };
    const waits: number[] = [];
    const log: string[] = [];
    let clock = now;
    const crash = () =>
      relaunchAfterCrash(app, new Error('boom'), {
        historyFile: join(temp.dir, 'crashes.json'),
        now: () => (clock += 1000),
        log: (line) => log.push(line),
        setTimeout: (callback, ms) => {
          waits.push(ms);
          callback();
        },
      });
    for (let i = 0; i < 4; i += 1) crash();
    expect(waits).toEqual([0, 0, 0, 5_000]);
    expect(calls).toEqual(Array.from({ length: 4 }, () => ['relaunch', 'exit 1']).flat());
    expect(log[3]).toBe(
      'main process crashed (boom); relaunching in 5 s (4 crashes in 10 minutes)',
    );
  });
});

describe('the kiosk’s screen', () => {
  it('keeps the display awake until the shell quits', () => {
    const started = new Map<number, string>();
    const blocker: PowerSaveBlocker = {
      start: (type) => {
        started.set(7, type);
        return 7;
      },
      stop: (id) => started.delete(id),
      isStarted: (id) => started.has(id),
    };
    const release = keepDisplayAwake(blocker);
    expect([...started.values()]).toEqual(['prevent-display-sleep']);
    release();
    release();
    expect(started.size).toBe(0);
  });

  it('puts a kiosk window back to full screen on its own monitor when anything moves it', () => {
    const monitors = [
      { bounds: { x: 0, y: 0, width: 1920, height: 1080 } },
      { bounds: { x: 1920, y: 0, width: 1080, height: 1920 } },
    ];
    const screen = Object.assign(new EventEmitter(), { getAllDisplays: () => monitors });
    const calls: string[] = [];
    const window = Object.assign(new EventEmitter(), {
      setBounds: (b: { x: number }) => calls.push(`bounds x=${b.x}`),
      setFullScreen: (flag: boolean) => calls.push(`fullscreen ${flag}`),
      isDestroyed: () => false,
    });
    const state: MutableKioskState = { locked: true };
    keepOnScreen(window, 1, screen, state);
    window.emit('leave-full-screen');
    screen.emit('display-metrics-changed');
    // The second monitor unplugged: the window goes to the primary rather than off-screen.
    monitors.pop();
    screen.emit('display-removed');
    expect(calls).toEqual([
      'fullscreen true',
      'bounds x=1920',
      'fullscreen true',
      'bounds x=0',
      'fullscreen true',
    ]);
    // Out of kiosk mode (the staff exit) the window is left where staff put it.
    state.locked = false;
    window.emit('leave-full-screen');
    screen.emit('display-added');
    expect(calls).toHaveLength(5);
  });
});
