import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { exited, runKhiuToEnd, startServerProcess } from '../helpers/server-process.ts';
import { runToRefusal, serveToRefusal } from '../helpers/refused-start.ts';
import type { ServeProcess } from '../../server/cli/serve-process.ts';
import { startHostServer } from '../../electron/host-server.ts';

const ENV = { KHIU_ADMIN_PASSWORD: 'ground-test-password' };

describe('one server per data directory', () => {
  const cleanups = new CleanupStack();
  afterEach(() => cleanups.run());

  function dataDir(): string {
    const temp = makeTempDir();
    cleanups.push(temp.cleanup);
    return temp.dir;
  }

  async function serve(dir: string): Promise<ServeProcess> {
    const server = await startServerProcess(dir, ENV);
    cleanups.push(async () => {
      if (server.child.exitCode === null && server.child.signalCode === null) {
        server.child.kill('SIGKILL');
        await exited(server.child);
      }
    });
    return server;
  }

  const lockPid = (dir: string): number =>
    Number(/^pid (\d+)$/m.exec(readFileSync(join(dir, 'khiu.lock'), 'utf8'))?.[1]);

  it('makes a second serve on the same directory exit 1 with one line naming the first one’s pid', async () => {
    const dir = dataDir();
    const first = await serve(dir);
    const message = `khiu: ${dir} is already served by another Khiu server (pid ${first.child.pid}); stop it first, or give this one another --data`;

    const second = await serveToRefusal(dir, cleanups);
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderrLines).toEqual([message]);
    // npm start's command and seed-demo write too, and are refused the same way.
    const start = await runToRefusal(['start', '--port', '0', '--data', dir], cleanups);
    expect([start.code, start.stderrLines]).toEqual([1, [message]]);
    const seed = await runToRefusal(['seed-demo', '--data', dir, '--weeks', '1'], cleanups);
    expect([seed.code, seed.stderrLines]).toEqual([1, [message]]);
    // Electron's host mode gets the line in its error, to show the user.
    await expect(
      startHostServer({ dataDir: dir, port: 0, host: '127.0.0.1', node: process.execPath }),
    ).rejects.toThrow(`khiu serve exited (code 1) before it was ready: ${message}`);

    // The first one never noticed.
    expect((await fetch(`${first.url}/api/health`)).status).toBe(200);
    expect(lockPid(dir)).toBe(first.child.pid);
  });

  it('lets verify and backup read beside the running server, without the lock', async () => {
    const dir = dataDir();
    const server = await serve(dir);
    const issued = await fetch(`${server.url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    expect(issued.status).toBe(201);
    const verify = await runKhiuToEnd(['verify', '--data', dir]);
    expect(verify.code, verify.stderr).toBe(0);
    const backup = await runKhiuToEnd(['backup', '--data', dir, '--out', join(dir, 'copy.db')]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(lockPid(dir)).toBe(server.child.pid);
  });

  it('removes its lock when it stops, and a killed server’s lock is taken over by the next start', async () => {
    const dir = dataDir();
    const first = await serve(dir);
    await first.stop();
    expect(existsSync(join(dir, 'khiu.lock'))).toBe(false);

    const killed = await serve(dir);
    killed.child.kill('SIGKILL');
    await exited(killed.child);
    expect(lockPid(dir)).toBe(killed.child.pid);

    const next = await serve(dir);
    expect(lockPid(dir)).toBe(next.child.pid);
    expect((await fetch(`${next.url}/api/health`)).status).toBe(200);
  });

  it('takes over a lock whose pid now belongs to another program (a reboot, a reused pid)', async () => {
    const dir = dataDir();
    const gone = spawnSync('true').pid!;
    writeFileSync(join(dir, 'khiu.lock'), `pid ${gone}\n`);
    const afterExit = await serve(dir);
    await afterExit.stop();

    // This test's own process is running, but it started at another time than the lock says.
    const boot = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    writeFileSync(join(dir, 'khiu.lock'), `pid ${process.pid}\nboot ${boot}\nstart 1\n`);
    const afterReuse = await serve(dir);
    expect(lockPid(dir)).toBe(afterReuse.child.pid);
  });
});
