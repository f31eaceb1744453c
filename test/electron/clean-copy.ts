import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../helpers/temp-dir.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/**
 * What `git clone` of this checkout would give, made from the working tree: the files git
 * tracks or would track (not ignored), without node_modules and dist/, so nothing built is
 * there. A real clone would copy only committed files, and the tests must see the sources as
 * they are now. node_modules is linked, as `npm install` would fill it (and Electron's binary
 * is missing from it, as on any machine that cannot download it).
 */
export function cleanCopy(): { dir: string; cleanup: () => void } {
  const temp = makeTempDir('khiu-clone-');
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
    .split('\0')
    .filter((file) => file && !file.startsWith('node_modules/') && !file.startsWith('dist/'));
  for (const file of files) {
    mkdirSync(dirname(join(temp.dir, file)), { recursive: true });
    try {
      cpSync(join(REPO, file), join(temp.dir, file));
    } catch {
      // A file deleted in the working tree but still tracked: a clone would not have it either.
    }
  }
  symlinkSync(join(REPO, 'node_modules'), join(temp.dir, 'node_modules'), 'dir');
  return temp;
}
