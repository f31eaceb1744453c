import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { serveToRefusal } from '../helpers/refused-start.ts';
import { bindMount, mountTmpfs, remountReadOnly } from '../helpers/tmpfs.ts';

const ENV = { KHIU_ADMIN_PASSWORD: 'ground-test-password' };

/** Sets up an office in `dir` with a real server, then stops it cleanly. */
async function officeIn(dir: string): Promise<void> {
  const server = await startServerProcess(dir, ENV);
  await server.stop();
}

// As root, chmod stops no write: these use read-only mounts, as a failing disk (remounted
// read-only by the kernel) or a careless fstab gives an office PC.
describe('ground the server cannot write', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('gives one clear line when the data directory is on a read-only mount', async () => {
    const { dir: mount } = mountTmpfs('16m', cleanups);
    const dir = join(mount, 'office');
    await officeIn(dir);
    remountReadOnly(mount);

    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      `khiu: cannot write to ${dir}: the data directory is read-only (a read-only mount); remount it read-write, or give Khiu a writable --data directory`,
    ]);
  });

  it('gives one clear line when a new data directory would be made on a read-only mount', async () => {
    const { dir: mount } = mountTmpfs('1m', cleanups);
    remountReadOnly(mount);
    const dir = join(mount, 'office');
    const serve = await serveToRefusal(dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      `khiu: cannot write to ${dir}: the data directory is read-only (a read-only mount); remount it read-write, or give Khiu a writable --data directory`,
    ]);
  });

  it('gives one clear line when only the database file is read-only', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    await officeIn(temp.dir);
    const file = join(temp.dir, 'khiu.db');
    bindMount(file, cleanups);
    remountReadOnly(file, true);

    const serve = await serveToRefusal(temp.dir, cleanups);
    expect(serve.code).toBe(1);
    expect(serve.stderrLines).toEqual([
      `khiu: cannot write to ${file}: the database file is read-only (a read-only mount); remount it read-write, or give Khiu a writable --data directory`,
    ]);
  });
});
