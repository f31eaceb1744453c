import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Gzip KB a page downloads to start: its module script, the chunks it preloads
 * and its stylesheets, as listed in the built HTML (fonts and voice clips are
 * loaded later and are not code).
 */
export function entryGzipKb(outDir: string, html: string): number {
  const page = readFileSync(join(outDir, html), 'utf8');
  const refs = new Set<string>();
  for (const m of page.matchAll(
    /<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g,
  )) {
    refs.add(m[1]!);
  }
  let bytes = 0;
  for (const ref of refs) bytes += gzipSync(readFileSync(join(outDir, ref)), { level: 9 }).length;
  return bytes / 1024;
}

/** An entry that mounts an empty Svelte component, built with the same plugin and target. */
export async function emptySvelteEntryGzipKb(workDir: string): Promise<number> {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  writeFileSync(join(workDir, 'Empty.svelte'), '<main></main>\n');
  writeFileSync(
    join(workDir, 'main.ts'),
    "import { mount } from 'svelte';\nimport Empty from './Empty.svelte';\nmount(Empty, { target: document.body });\n",
  );
  writeFileSync(
    join(workDir, 'empty.html'),
    '<!doctype html><html><body><script type="module" src="/main.ts"></script></body></html>\n',
  );
  const outDir = join(workDir, 'dist');
  await build({
    configFile: false,
    root: workDir,
    logLevel: 'warn',
    plugins: [svelte()],
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      rollupOptions: { input: { empty: join(workDir, 'empty.html') } },
    },
  });
  return entryGzipKb(outDir, 'empty.html');
}
