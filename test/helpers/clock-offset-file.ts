import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PRELOAD = pathToFileURL(fileURLToPath(new URL('./step-date-now.mjs', import.meta.url))).href;

/**
 * The clock of a `khiu serve` child, stepped while it runs: the child's Date.now adds the
 * offset this file holds (step-date-now.mjs); its monotonic clock runs on untouched.
 */
export class ClockOffsetFile {
  readonly file: string;
  private offsetMs = 0;

  constructor(dir: string) {
    this.file = join(dir, 'clock-offset-ms');
    this.write(0);
  }

  /** The environment that makes a child read this file. */
  env(): Record<string, string> {
    return { NODE_OPTIONS: `--import=${PRELOAD}`, KHIU_TEST_CLOCK_FILE: this.file };
  }

  /** Makes the child's clock read `ms` now (and run on from there). */
  readNow(ms: number): void {
    this.write(ms - Date.now());
  }

  /** Steps the child's clock by `deltaMs` (negative: back). */
  step(deltaMs: number): void {
    this.write(this.offsetMs + deltaMs);
  }

  private write(offsetMs: number): void {
    // Renamed into place, so the child never reads a half-written number.
    writeFileSync(`${this.file}.next`, String(offsetMs));
    renameSync(`${this.file}.next`, this.file);
    this.offsetMs = offsetMs;
  }
}
