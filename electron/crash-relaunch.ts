import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Crashes further back than this no longer count towards a crash loop. */
export const CRASH_WINDOW_MS = 10 * 60_000;
/** This many crashes in the window relaunch at once; a kiosk should be back before anyone notices. */
export const IMMEDIATE_RELAUNCHES = 3;
const FIRST_BACKOFF_MS = 5_000;
/** The longest a crash loop waits between two launches. */
export const MAX_BACKOFF_MS = 5 * 60_000;

/**
 * How long to wait before relaunching after a crash at `nowMs`, given the earlier crashes:
 * at once for the first few in ten minutes, then 5 s, 10 s, 20 s ... up to five minutes, so a
 * main process that cannot start (a broken config file, a missing library) does not spin.
 */
export function relaunchDelayMs(earlierCrashesMs: readonly number[], nowMs: number): number {
  const recent = earlierCrashesMs.filter((t) => t > nowMs - CRASH_WINDOW_MS && t <= nowMs).length;
  if (recent < IMMEDIATE_RELAUNCHES) return 0;
  const doublings = recent - IMMEDIATE_RELAUNCHES;
  return Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** Math.min(doublings, 20));
}

/**
 * The crash history lives in a small file under the app's user data folder, since each crash
 * ends the process that would otherwise remember it. A missing or damaged file is no history.
 */
export function recordCrash(file: string, nowMs: number): { delayMs: number; recent: number } {
  let earlier: number[] = [];
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(parsed)) earlier = parsed.filter((t): t is number => typeof t === 'number');
  } catch {
    earlier = [];
  }
  const delayMs = relaunchDelayMs(earlier, nowMs);
  const kept = [...earlier.filter((t) => t > nowMs - CRASH_WINDOW_MS && t <= nowMs), nowMs];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(kept));
  return { delayMs, recent: kept.length };
}

/** The parts of Electron's `app` a relaunch uses. */
export interface RelaunchingApp {
  relaunch(): void;
  exit(code: number): void;
}

/**
 * Turns an error that escaped the main process into a relaunch (Electron would otherwise show
 * a dialog on the kiosk's screen and wait for a mouse): log it, record it, wait as the crash
 * history says, then start a fresh app. Returns the delay chosen.
 */
export function relaunchAfterCrash(
  app: RelaunchingApp,
  error: unknown,
  options: {
    historyFile: string;
    now: () => number;
    log: (line: string) => void;
    setTimeout?: (callback: () => void, ms: number) => unknown;
  },
): number {
  const { delayMs, recent } = recordCrash(options.historyFile, options.now());
  const message = error instanceof Error ? error.message : String(error);
  options.log(
    `main process crashed (${message}); relaunching ${delayMs === 0 ? 'now' : `in ${Math.round(delayMs / 1000)} s`} (${recent} crashes in 10 minutes)`,
  );
  const wait = options.setTimeout ?? ((callback, ms) => setTimeout(callback, ms));
  wait(() => {
    app.relaunch();
    app.exit(1);
  }, delayMs);
  return delayMs;
}
