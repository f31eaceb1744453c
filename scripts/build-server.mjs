/**
 * npm run build:server: the office server, the device agent and the CLI (server/ and
 * hardware/) as JavaScript in dist/server and dist/hardware, one file per source file, so
 * `node dist/server/cli/main.js serve ...` runs without a TypeScript loader.
 *
 * One file per source file (not one bundle) keeps every `import.meta.url` where the code
 * expects it: migrations and printer profiles are copied beside their modules, and the
 * ledger verification worker loads its compiled module by the same relative path.
 * Packages stay in node_modules (better-sqlite3, serialport, @napi-rs/canvas are native).
 *
 *   node scripts/build-server.mjs [--out DIR] [--if-stale]
 *
 * --if-stale builds only when a source is newer than the last build (what `npm start` and
 * `npm run khiu` use); --out builds elsewhere (a directory inside the repository, so that
 * node_modules is found from it).
 */
import {
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SOURCE_DIRS = ['server', 'hardware'];
/** Data files read at run time beside the code that reads them. */
const DATA_DIRS = ['server/store/migrations', 'hardware/printer/profiles'];
const STAMP = '.build-stamp.json';

function filesUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

/** What the build depends on: every source and data file, and this script. */
function fingerprint() {
  const files = [...SOURCE_DIRS.flatMap(filesUnder), 'scripts/build-server.mjs', 'package.json'];
  const newest = Math.max(...files.map((file) => statSync(join(ROOT, file)).mtimeMs));
  return { files: files.length, newestMs: newest };
}

function isFresh(outDir, print) {
  try {
    const stamp = JSON.parse(readFileSync(join(outDir, 'server', STAMP), 'utf8'));
    return stamp.files === print.files && stamp.newestMs === print.newestMs;
  } catch {
    return false;
  }
}

/** Relative imports name .ts files; the compiled ones are .js, each built on its own. */
const relativeImportsToJs = {
  name: 'relative-imports-to-js',
  setup(builder) {
    builder.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (!args.path.endsWith('.ts')) {
        throw new Error(`${args.importer}: import "${args.path}" names no .ts file`);
      }
      return { path: args.path.replace(/\.ts$/, '.js'), external: true };
    });
  },
};

/**
 * Builds into `outDir` (default dist/); resolves with whether anything was built.
 * Only dist/server and dist/hardware are replaced: dist/renderer is the screens' build.
 */
export async function buildServer({ outDir = join(ROOT, 'dist'), ifStale = false } = {}) {
  const print = fingerprint();
  if (ifStale && isFresh(outDir, print)) return false;
  // Built beside and then swapped in by rename: a server or agent running from outDir meanwhile
  // (they read migrations, profiles and the verifier's module after start) never sees it half
  // written.
  // esbuild is a development dependency: a fresh build runs without it.
  const { build } = await import('esbuild');
  const staging = join(outDir, `.staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const entryPoints = SOURCE_DIRS.flatMap(filesUnder)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, file));
  await build({
    entryPoints,
    outdir: staging,
    outbase: ROOT,
    bundle: true,
    packages: 'external',
    plugins: [relativeImportsToJs],
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  for (const dir of DATA_DIRS) cpSync(join(ROOT, dir), join(staging, dir), { recursive: true });
  writeFileSync(join(staging, 'server', STAMP), `${JSON.stringify(print)}\n`);
  for (const dir of SOURCE_DIRS) {
    const old = join(staging, `${dir}.old`);
    if (existsSync(join(outDir, dir))) renameSync(join(outDir, dir), old);
    renameSync(join(staging, dir), join(outDir, dir));
  }
  rmSync(staging, { recursive: true, force: true });
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const out = args.indexOf('--out');
  const outDir = out >= 0 ? args[out + 1] : undefined;
  if (out >= 0 && !outDir) {
    process.stderr.write('usage: node scripts/build-server.mjs [--out DIR] [--if-stale]\n');
    process.exit(2);
  }
  await buildServer({ outDir, ifStale: args.includes('--if-stale') });
}
