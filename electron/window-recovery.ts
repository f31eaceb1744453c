/** The parts of a BrowserWindow (and its WebContents) the recovery uses; tests hand it a fake. */
export interface RecoverableWindow {
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  webContents: {
    on(
      event: 'render-process-gone',
      listener: (event: unknown, details: { reason: string; exitCode: number }) => void,
    ): unknown;
    forcefullyCrashRenderer(): void;
  };
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RecoveryCounts {
  /** Renderers that went away on their own (crash, out of memory, killed from outside). */
  crashes: number;
  /** Pages that stayed unresponsive past the limit and were killed and reloaded. */
  hangs: number;
}

/**
 * Keeps a station window showing its page without anyone touching the PC: a renderer that
 * dies is reloaded at once, one that hangs for `hangMs` is killed and reloaded. `reload`
 * opens the window's start URL again (its pairing link re-pairs a lost cookie); the page
 * itself shows its reconnect banner while the server is away, so nothing here waits for it.
 */
export function superviseWindow(
  window: RecoverableWindow,
  options: {
    name: string;
    hangMs: number;
    reload: () => void;
    log: (line: string) => void;
    timers?: Timers;
  },
): RecoveryCounts {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  };
  const counts: RecoveryCounts = { crashes: 0, hangs: 0 };
  let hangTimer: unknown;
  // The renderer killed for hanging also reports itself gone: that one is already handled.
  let killedForHang = false;

  window.webContents.on('render-process-gone', (_event, details) => {
    if (killedForHang) {
      killedForHang = false;
      return;
    }
    counts.crashes += 1;
    options.log(
      `${options.name}: renderer gone (${details.reason}, exit code ${details.exitCode}); reloading (crash ${counts.crashes})`,
    );
    options.reload();
  });

  window.on('unresponsive', () => {
    if (hangTimer !== undefined) return;
    hangTimer = timers.setTimeout(() => {
      hangTimer = undefined;
      counts.hangs += 1;
      options.log(
        `${options.name}: page unresponsive for ${Math.round(options.hangMs / 1000)} s; reloading (hang ${counts.hangs})`,
      );
      // A hung renderer cannot run a reload itself: kill it first (Electron's documented way).
      killedForHang = true;
      window.webContents.forcefullyCrashRenderer();
      options.reload();
    }, options.hangMs);
  });

  window.on('responsive', () => {
    if (hangTimer === undefined) return;
    timers.clearTimeout(hangTimer);
    hangTimer = undefined;
  });

  return counts;
}
