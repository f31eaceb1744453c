import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether this code runs as the JavaScript `npm run build:server` wrote to dist/ (plain
 * `node`), or as the TypeScript sources through tsx (the tests, `npm run dev`).
 */
export const COMPILED = import.meta.url.endsWith('.js');

/**
 * Where package.json, node_modules and dist/ are. This file is server/package-layout.ts in the
 * sources and dist/server/package-layout.js compiled, one level deeper.
 */
export const PACKAGE_ROOT = fileURLToPath(new URL(COMPILED ? '../../' : '../', import.meta.url));

/** The compiled CLI (`khiu serve`, `start`, `agent` ...): run it with plain `node`. */
export const COMPILED_CLI = join(PACKAGE_ROOT, 'dist', 'server', 'cli', 'main.js');

/** The CLI's TypeScript source, for `node --import tsx`. */
export const SOURCE_CLI = join(PACKAGE_ROOT, 'server', 'cli', 'main.ts');
