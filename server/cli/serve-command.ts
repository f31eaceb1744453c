import { existsSync } from 'node:fs';
import { DEFAULT_STATIC_DIR, startKhiu } from '../app.ts';
import { SCREENS_NOT_BUILT_HINT } from '../api/static-files.ts';
import { integerOption, parseArgs } from './args.ts';
import { PERIMETER_FLAGS, perimeterOptions } from './perimeter-options.ts';
import { announcePublicAddress } from './public-address-announcement.ts';

/**
 * serve --port P --host H --data DIR [perimeter flags]: prints exactly one line on stdout
 * once it accepts requests.
 */
export async function serveCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['port', 'host', 'data', ...PERIMETER_FLAGS]);
  const host = options.get('host') ?? '127.0.0.1';
  const khiu = await startKhiu({
    ...perimeterOptions(options),
    port: integerOption(options, 'port', 8080, 0, 65535),
    host,
    dataDir: options.get('data') ?? './data',
    adminPassword: process.env.KHIU_ADMIN_PASSWORD,
  });
  // Listening for the signals before the line is out: whoever waits for the line (Electron's
  // host mode, the tests) may stop us at once, and a SIGTERM that beat the listener killed the
  // process without closing (the lock and the WAL left behind).
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  process.stdout.write(`khiu listening on ${khiu.url}\n`);
  // stderr: stdout stays the one line that others wait for.
  const warning = announcePublicAddress(khiu, host);
  if (warning) process.stderr.write(`${warning}\n`);
  if (!existsSync(DEFAULT_STATIC_DIR)) process.stderr.write(`khiu: ${SCREENS_NOT_BUILT_HINT}\n`);
  await stopped;
  await khiu.close();
  return 0;
}
