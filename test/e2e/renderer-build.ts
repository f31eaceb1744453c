import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUILDS = join(ROOT, 'test-output', 'renderer-build');
const STALE_LOCK_MS = 5 * 60_000;

function hashSources(): string {
  const hash = createHash('sha256');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk(join(ROOT, 'renderer'));
  hash.update(readFileSync(join(ROOT, 'vite.config.ts')));
  walk(join(ROOT, 'server', 'contract'));
  return hash.digest('hex').slice(0, 16);
}

/** Builds the renderer with the project's vite.config.ts into `outDir`. */
export async function buildRenderer(outDir: string, input?: Record<string, string>): Promise<void> {
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, ...(input ? { rollupOptions: { input } } : {}) },
  });
}

/**
 * The renderer built from the current sources, once per set of sources: test
 * files run in parallel processes, so the first one builds (holding a lock
 * directory) and the others wait for its result.
 */
export async function builtRenderer(): Promise<string> {
  const dir = join(BUILDS, hashSources());
  if (existsSync(join(dir, 'kiosk.html'))) return dir;
  mkdirSync(BUILDS, { recursive: true });
  const lock = `${dir}.lock`;
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS)
    rmSync(lock, { recursive: true, force: true });
  let mine = false;
  try {
    mkdirSync(lock);
    mine = true;
  } catch {
    // Another test process is building the same sources.
  }
  if (mine) {
    try {
      const tmp = `${dir}.tmp-${process.pid}`;
      await buildRenderer(tmp);
      renameSync(tmp, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
    return dir;
  }
  const deadline = Date.now() + 120_000;
  while (!existsSync(join(dir, 'kiosk.html'))) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for another process to build ${dir}`);
    if (!existsSync(lock)) return builtRenderer();
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return dir;
}
