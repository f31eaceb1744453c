/**
 * The renderer's figures for npm run bench (issue 4, "Performance"):
 *   bundle_gzip_kb_<station>  code a station page downloads to start (goal <= 120 KB each);
 *                             baseline: an empty Svelte entry built the same way.
 *   display_update_ms         ticket:called to the number painted on /display in Chromium
 *                             (goal <= 100 ms); baseline: a plain DOM text update in the same page.
 */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { STATION_ENTRIES } from '../../vite.config.ts';
import { buildRenderer } from '../e2e/renderer-build.ts';
import { emptySvelteEntryGzipKb, entryGzipKb } from '../e2e/bench/bundle-size.ts';
import { measureDisplayUpdate } from '../e2e/bench/display-update.ts';

const WORK = fileURLToPath(new URL('../../test-output/bench-renderer/', import.meta.url));

export async function runRendererBench(): Promise<
  Array<{ name: string; value: number; unit: string; baseline: number | null }>
> {
  const outDir = join(WORK, 'build');
  await buildRenderer(outDir);
  const empty = await emptySvelteEntryGzipKb(join(WORK, 'empty-entry'));
  const figures: Array<{ name: string; value: number; unit: string; baseline: number | null }> =
    STATION_ENTRIES.map((entry) => ({
      name: `bundle_gzip_kb_${entry === 't' ? 'ticket' : entry}`,
      value: entryGzipKb(outDir, `${entry}.html`),
      unit: 'KB',
      baseline: empty,
    }));
  const update = await measureDisplayUpdate(outDir);
  figures.push({
    name: 'display_update_ms',
    value: update.display,
    unit: 'ms',
    baseline: update.plain,
  });
  return figures;
}

// Run on its own: npx tsx test/bench/renderer-bench.ts
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const figure of await runRendererBench())
    process.stdout.write(`${JSON.stringify(figure)}\n`);
}
