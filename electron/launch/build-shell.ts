/**
 * npm run build:electron: compiles the shell (electron/) and the agent code it loads into
 * dist/electron/, which Electron runs: main.mjs (the main process), the two preloads as
 * CommonJS (a sandboxed preload cannot load ES modules), the exit prompt's page.
 *
 * Packages stay in node_modules: the shell loads serialport and @napi-rs/canvas there (both
 * N-API, the same binary in Node and Electron), never better-sqlite3 (the office server runs
 * under Node). Our own files are bundled, and each `import.meta.url` in them is rewritten to
 * the source file's own URL, so printer profiles, fonts and `khiu serve` are found beside the
 * sources as when they run under tsx.
 */
import { build, type Plugin } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Where the compiled shell goes, relative to the repository. */
export const SHELL_OUT = 'dist/electron';
const META_FILE = 'build-meta.json';
const PROMPT_FONTS = [
  'sarabun-thai-400-normal.woff2',
  'sarabun-latin-400-normal.woff2',
  'sarabun-thai-700-normal.woff2',
  'sarabun-latin-700-normal.woff2',
];
/** Electron 45 runs Node 22 in its main process and Chromium 140 in its windows. */
const MAIN_TARGET = 'node22';
const PAGE_TARGET = 'chrome140';

/** Rewrites `import.meta.url` in our own sources to the source file's URL (see above). */
function sourceRelativeMetaUrl(root: string, outDir: string): Plugin {
  return {
    name: 'source-relative-import-meta-url',
    setup(plugin) {
      plugin.onLoad({ filter: /\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        const own = relative(root, args.path).split('\\').join('/');
        // The shell's own files mean the compiled folder (main.ts finds its preloads there).
        if (
          !source.includes('import.meta.url') ||
          own.startsWith('electron/') ||
          own.includes('node_modules')
        ) {
          return { contents: source, loader: 'ts' };
        }
        const fromOut = relative(join(root, outDir), args.path).split('\\').join('/');
        return {
          contents: source.replaceAll(
            'import.meta.url',
            `new URL(${JSON.stringify(fromOut)}, import.meta.url).href`,
          ),
          loader: 'ts',
        };
      });
    },
  };
}

export interface ShellBuild {
  outDir: string;
  /** Every source file the build read, relative to the repository. */
  inputs: string[];
}

/** Compiles the shell into `root/dist/electron` and records its inputs for the staleness check. */
export async function buildShell(root: string = REPO_ROOT): Promise<ShellBuild> {
  const outDir = join(root, SHELL_OUT);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const common = {
    absWorkingDir: root,
    bundle: true,
    logLevel: 'warning' as const,
    metafile: true,
    legalComments: 'none' as const,
    sourcemap: 'linked' as const,
  };
  const main = await build({
    ...common,
    entryPoints: { main: 'electron/main.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    format: 'esm',
    platform: 'node',
    target: MAIN_TARGET,
    packages: 'external',
    plugins: [sourceRelativeMetaUrl(root, SHELL_OUT)],
  });
  const preloads = await build({
    ...common,
    entryPoints: {
      'station-preload': 'electron/station-preload.ts',
      'exit-prompt-preload': 'electron/exit-prompt-preload.ts',
    },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    platform: 'node',
    target: MAIN_TARGET,
    external: ['electron'],
  });
  const page = await build({
    ...common,
    entryPoints: { 'exit-prompt': 'electron/exit-prompt.ts' },
    outdir: outDir,
    format: 'iife',
    platform: 'browser',
    target: PAGE_TARGET,
  });
  const copied = ['electron/exit-prompt.html', 'electron/exit-prompt.css'];
  for (const file of copied) copyFileSync(join(root, file), join(outDir, file.split('/')[1]!));
  // The prompt is a local page: it brings its Thai font, as the station screens do.
  for (const font of PROMPT_FONTS) {
    copyFileSync(join(root, 'node_modules/@fontsource/sarabun/files', font), join(outDir, font));
  }
  const inputs = [
    ...new Set([
      ...[main, preloads, page].flatMap((result) => Object.keys(result.metafile?.inputs ?? {})),
      ...copied,
      'electron/launch/build-shell.ts',
    ]),
  ]
    .filter((file) => !file.includes('node_modules'))
    .sort();
  writeFileSync(join(outDir, META_FILE), `${JSON.stringify({ inputs }, null, 2)}\n`);
  return { outDir, inputs };
}

/**
 * Why the compiled shell must be built again, or undefined when it is up to date: missing, or
 * a source it was built from changed (or is gone) since.
 */
export function shellBuildStaleness(root: string = REPO_ROOT): string | undefined {
  const outDir = join(root, SHELL_OUT);
  let builtMs: number;
  let inputs: string[];
  try {
    builtMs = statSync(join(outDir, 'main.mjs')).mtimeMs;
    inputs = (JSON.parse(readFileSync(join(outDir, META_FILE), 'utf8')) as { inputs: string[] })
      .inputs;
  } catch {
    return `${SHELL_OUT} is not built`;
  }
  for (const input of inputs) {
    let changedMs: number;
    try {
      changedMs = statSync(join(root, input)).mtimeMs;
    } catch {
      return `${input} is gone`;
    }
    if (changedMs > builtMs) return `${input} changed`;
  }
  return undefined;
}

const isEntry =
  process.argv[1] !== undefined && pathToFileURL(process.argv[1]).href === import.meta.url;
if (isEntry) {
  buildShell().then(
    ({ outDir, inputs }) =>
      process.stdout.write(
        `built the kiosk shell in ${relative(process.cwd(), outDir) || outDir} from ${inputs.length} files\n`,
      ),
    (error: unknown) => {
      process.stderr.write(
        `khiu: cannot build the kiosk shell: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      process.exitCode = 1;
    },
  );
}
