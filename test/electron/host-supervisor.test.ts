import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { startHostServer, type HostServer } from '../../electron/host-server.ts';
import { superviseHostServer, type SupervisedHost } from '../../electron/host-supervisor.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

/** A port free right now: a restarted server must come back on the same one. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('host mode’s office server', () => {
  let host: SupervisedHost | undefined;
  let cleanup = () => {};
  afterEach(async () => {
    await host?.stop();
    host = undefined;
    cleanup();
  });

  it('is started again on the same port and data when its process dies, and stopped for good on quit', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const port = await freePort();
    const servers: HostServer[] = [];
    const log: string[] = [];
    const restarted: string[] = [];
    let restartSeen = () => {};
    const restart = new Promise<void>((resolve) => (restartSeen = resolve));
    host = await superviseHostServer(
      async () => {
        const server = await startHostServer({
          dataDir: temp.dir,
          port,
          host: '127.0.0.1',
          node: process.execPath,
          runtime: 'tsx',
          onStderr: () => undefined,
        });
        servers.push(server);
        return server;
      },
      {
        log: (line) => log.push(line),
        onRestart: (url) => {
          restarted.push(url);
          restartSeen();
        },
        firstRetryMs: 100,
      },
    );
    const url = host.url;
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });

    // The OOM killer, or anyone's kill -9: no chance to clean up, the lock file stays behind.
    const first = servers[0]!;
    process.kill(first.pid!, 'SIGKILL');
    await restart;
    expect(restarted).toEqual([url]);
    expect(host.restarts).toBe(1);
    expect(await (await fetch(`${url}/api/health`)).json()).toEqual({ ok: true });
    expect(log[0]).toMatch(
      /^office server stopped \(signal SIGKILL\); starting it again in 0.1 s$/,
    );

    await host.stop();
    expect(await servers[1]!.exited).toMatch(/code|signal/);
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(host.restarts).toBe(1);
    host = undefined;
  });
});
