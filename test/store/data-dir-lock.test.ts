import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startKhiu } from '../../server/app.ts';
import { DataDirLocked, lockDataDir } from '../../server/store/data-dir-lock.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';

const options = (dataDir: string) => ({
  dataDir,
  port: 0,
  host: '127.0.0.1',
  adminPassword: 'ground-test-password',
  log: () => {},
});

describe('the data directory lock within one process', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  it('refuses a second startKhiu on a directory this process serves, and allows it after close', async () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const first = await startKhiu(options(temp.dir));
    cleanups.push(() => first.close());
    await expect(startKhiu(options(temp.dir))).rejects.toThrow(
      new DataDirLocked(temp.dir, process.pid).message,
    );
    await first.close();
    expect(existsSync(join(temp.dir, 'khiu.lock'))).toBe(false);
    const again = await startKhiu(options(temp.dir));
    cleanups.push(() => again.close());
    expect((await fetch(`${again.url}/api/health`)).status).toBe(200);
  });

  it('never takes over a lock taken on another machine (a shared folder), and says how to clear it', () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'khiu.lock');
    // A pid that is not running here says nothing about the other machine.
    writeFileSync(file, 'pid 4194304\nhost counter-pc-2\n');
    expect(() => lockDataDir(temp.dir)).toThrow(
      `${temp.dir} is already served by another Khiu server (pid 4194304 on counter-pc-2); stop it first, or remove khiu.lock if that machine's server is gone`,
    );
    expect(readFileSync(file, 'utf8')).toBe('pid 4194304\nhost counter-pc-2\n');
  });

  it('takes over a lock file that is not ours (no pid in it), and leaves a lock it does not hold alone', () => {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    const file = join(temp.dir, 'khiu.lock');
    writeFileSync(file, 'garbage\n');
    const lock = lockDataDir(temp.dir);
    expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`^pid ${process.pid}\n`));
    lock.release();
    expect(existsSync(file)).toBe(false);

    // Released twice, or after another server took the file over: the other's lock stays.
    const second = lockDataDir(temp.dir);
    writeFileSync(file, 'pid 1\n');
    second.release();
    second.release();
    expect(readFileSync(file, 'utf8')).toBe('pid 1\n');
  });
});
