import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The Electron binary `npm install` put in node_modules/electron/dist, or undefined when there
 * is none (its download needs a host an offline office PC, or this project's CI, cannot reach).
 * Found without loading the `electron` package: its index.js tries to download a missing binary.
 * `KHIU_ELECTRON` names another binary (an Electron unpacked by hand).
 */
export function findElectronBinary(
  root: string,
  env: Record<string, string | undefined> = process.env,
): string | undefined {
  if (env.KHIU_ELECTRON) return existsSync(env.KHIU_ELECTRON) ? env.KHIU_ELECTRON : undefined;
  const dir = join(root, 'node_modules', 'electron');
  let relativePath: string;
  try {
    relativePath = readFileSync(join(dir, 'path.txt'), 'utf8').trim();
  } catch {
    return undefined;
  }
  const base = env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist');
  const binary = join(base, relativePath);
  return relativePath && existsSync(binary) ? binary : undefined;
}
