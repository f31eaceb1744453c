import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from './figure.ts';
import { note } from './figure.ts';

/** Benches other parts of Khiu add to test/bench/, each exporting one function. */
const EXTERNAL = [
  { file: 'hardware-bench.ts', exportName: 'runHardwareBench' },
  { file: 'renderer-bench.ts', exportName: 'runRendererBench' },
] as const;

const isFigure = (x: unknown): x is Figure =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Figure).name === 'string' &&
  typeof (x as Figure).value === 'number' &&
  typeof (x as Figure).unit === 'string' &&
  typeof (x as Figure).baseline === 'number';

/**
 * Runs each external bench that exists (skipping absent files silently) and
 * yields the figures it returns. A bench that fails is reported on stderr and
 * does not stop the others.
 */
export async function* externalFigures(): AsyncGenerator<Figure> {
  for (const { file, exportName } of EXTERNAL) {
    const path = fileURLToPath(new URL(file, import.meta.url));
    if (!existsSync(path)) continue;
    let result: unknown;
    try {
      const module = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const run = module[exportName];
      if (typeof run !== 'function') {
        note(`${file} does not export ${exportName}(); skipped`);
        continue;
      }
      result = await (run as () => unknown)();
    } catch (error) {
      note(
        `${file} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      process.exitCode = 1;
      continue;
    }
    const rows = Array.isArray(result) ? result : result === undefined ? [] : [result];
    for (const row of rows) {
      if (isFigure(row)) yield row;
      else
        note(
          `${file} returned a row that is not {name, value, unit, baseline}: ${JSON.stringify(row)}`,
        );
    }
  }
}
