import { afterEach, describe, expect, it } from 'vitest';
import { spawnServe, type ServeProcess } from '../../server/cli/serve-process.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('serve and the address in the ticket QR', () => {
  let server: ServeProcess | undefined;
  let cleanup: (() => void) | undefined;
  afterEach(async () => {
    await server?.stop();
    cleanup?.();
  });

  it('prints one warning line on stderr when bound to 127.0.0.1 with no address set, and keeps stdout to its one line', async () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    let stderr = '';
    server = await spawnServe({
      dataDir: temp.dir,
      host: '127.0.0.1',
      env: { KHIU_ADMIN_PASSWORD: 'admin-test-password' },
      onStderr: (text) => (stderr += text),
    });
    const warning = new RegExp(
      `^warning: ticket QR codes point at ${server.url.replace(/[.]/g, '\\.')}, which no phone can open: `,
    );
    const start = Date.now();
    while (!stderr.split('\n').some((l) => warning.test(l)) && Date.now() - start < 10_000)
      await new Promise((r) => setTimeout(r, 50));
    const lines = stderr.split('\n').filter((l) => warning.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/start with --host 0\.0\.0\.0|connect it to the office network/);
    expect(server.stdoutLines).toEqual([`khiu listening on ${server.url}`]);
  });
});
