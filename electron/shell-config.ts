import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/**
 * What one PC runs. `host`: this PC is the office server (and may own devices);
 * `client`: it only shows stations of a server elsewhere on the LAN.
 */
export const shellConfigSchema = z.object({
  mode: z.enum(['host', 'client']),
  /** The office server's URL; in host mode the server started here listens on its port. */
  serverUrl: z.url({ protocol: /^https?$/ }),
  /** host mode only: where the office's database lives. */
  dataDir: z.string().min(1).optional(),
  /** The station windows, one per screen: a path of the office server such as /kiosk or /display. */
  windows: z
    .array(
      z.object({
        path: z
          .string()
          .regex(
            /^\/(kiosk|counter|display|rate\/\d+|standards)(\?[\w=&.-]*)?$/,
            'a station path such as /kiosk or /rate/3',
          ),
        /** Which monitor (0 = primary). */
        screen: z.int().min(0).max(8).default(0),
        /** Full-screen kiosk mode: no frame, no way out by keyboard shortcuts. */
        kiosk: z.boolean().default(true),
        /**
         * The station token from /admin → Stations (a kiosk or rating station). The window
         * then opens /pair?token=...&next=<path> first, which sets its station cookie and
         * redirects to the page; without it the window is an unpaired screen (a display needs none).
         */
        pairingToken: z
          .string()
          .regex(/^[A-Za-z0-9_-]{20,200}$/, 'a station token from /admin → Stations')
          .optional(),
      }),
    )
    .min(1)
    // Every window of the shell shares one cookie store, so it can hold one station's cookie.
    .refine((windows) => windows.filter((w) => w.pairingToken).length <= 1, {
      message:
        'at most one window can be a paired station (they share one cookie store); a display needs no pairing',
    }),
  /** A device agent config file (hardware/agent) to run in this process, if devices are plugged in here. */
  agentConfig: z.string().min(1).optional(),
  /**
   * host mode: the Node binary that runs the office server (better-sqlite3 is built for
   * Node's ABI, not Electron's); `node` on the PATH when absent.
   */
  node: z.string().min(1).optional(),
  /** How long a page may stay unresponsive before its renderer is killed and the page reloaded. */
  hangSeconds: z.int().min(2).max(120).default(8),
  /** Start the shell when the kiosk user logs in (a desktop autostart entry on Linux, a login item on Windows). */
  autostart: z.boolean().default(false),
});

export type ShellConfig = z.infer<typeof shellConfigSchema>;

export function parseShellConfig(json: unknown): ShellConfig {
  const result = shellConfigSchema.safeParse(json);
  if (!result.success) {
    const details = result.error.issues
      .map((i) => `${i.path.join('.') || 'config'}: ${i.message}`)
      .join('; ');
    throw new Error(`invalid Khiu shell config: ${details}`);
  }
  if (result.data.mode === 'host' && !result.data.dataDir)
    throw new Error('invalid Khiu shell config: host mode needs dataDir');
  return result.data;
}

/**
 * The config with its file paths (dataDir, agentConfig) resolved against the config file's own
 * folder, so a config means the same files whoever starts the shell and from where.
 */
export function resolveConfigPaths(config: ShellConfig, configFile: string): ShellConfig {
  const dir = dirname(resolve(configFile));
  return {
    ...config,
    ...(config.dataDir ? { dataDir: resolve(dir, config.dataDir) } : {}),
    ...(config.agentConfig ? { agentConfig: resolve(dir, config.agentConfig) } : {}),
  };
}

/** Reads, parses and resolves a shell config file; errors name the file. */
export function loadShellConfig(file: string): ShellConfig {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the shell config ${file}: ${(error as Error).message}`);
  }
  return resolveConfigPaths(parseShellConfig(json), file);
}

/** The full URL a station window loads. */
export function stationUrl(config: ShellConfig, path: string): string {
  return new URL(path, config.serverUrl).toString();
}

/**
 * What a window opens first: its pairing link when it has a token (the server sets the
 * station cookie and redirects to the page, so the token never stays in the address bar),
 * else the page itself. Opening it again on every start re-pairs a wiped cookie store.
 */
export function windowStartUrl(
  config: ShellConfig,
  window: ShellConfig['windows'][number],
): string {
  if (!window.pairingToken) return stationUrl(config, window.path);
  const url = new URL('/pair', config.serverUrl);
  url.searchParams.set('token', window.pairingToken);
  url.searchParams.set('next', window.path);
  return url.toString();
}
