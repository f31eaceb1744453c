import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { HardwareError } from '../hardware-error.ts';
import { parseDeviceUri } from '../transport/device-uri.ts';
import {
  listPrinterProfiles,
  loadPrinterProfile,
  resolveThaiMode,
  THAI_MODES,
} from '../printer/printer-profile.ts';
import { DISPLAY_PROTOCOL_NAMES, displayProtocol } from '../display/display-protocols.ts';
import { validateButtonBoxConfig, DEFAULT_BUTTON_BOX } from '../buttons/button-box-parser.ts';

/*
 * One station's devices, as a JSON file an office edits by hand. Everything
 * that can be checked without the devices (URIs, profiles, code pages,
 * protocols, button bytes) is checked here, so a typo fails at start with the
 * field's path instead of at the first ticket.
 */

const id = z.string().regex(/^[A-Za-z0-9._-]{1,40}$/, '1-40 characters: A-Z a-z 0-9 . _ -');

/** Runs a hardware validator inside zod so its message lands on the right path. */
function checked<T>(check: (value: T) => void) {
  return (value: T, ctx: z.RefinementCtx): void => {
    try {
      check(value);
    } catch (err) {
      if (!(err instanceof HardwareError)) throw err;
      ctx.addIssue({ code: 'custom', message: err.message });
    }
  };
}

const deviceUri = z.string().superRefine(checked((uri: string) => void parseDeviceUri(uri)));

const httpUrl = z.string().superRefine((value, ctx) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    ctx.addIssue({ code: 'custom', message: `not a URL: "${value}"` });
    return;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    ctx.addIssue({ code: 'custom', message: 'must be http:// or https://' });
  if (url.search || url.hash)
    ctx.addIssue({ code: 'custom', message: 'must have no ?query or #fragment' });
});

/*
 * The QR holds <publicBaseUrl>/t/<12-character id>. Every character of it is
 * a byte on the ticket and a denser QR, and a text ticket should stay under
 * 600 B to print in about a second at 9,600 baud. The default office's
 * tickets are already 570-630 B with http://192.168.1.10:8080 (24 characters),
 * so an address like that fits and a long host name is refused.
 */
export const MAX_PUBLIC_BASE_URL = 32;
/** One byte per character on paper, like the URL: a phone number and a short address fit. */
export const MAX_COMPLAINT_CHANNEL = 48;
/** Ticket PNGs a virtual printer keeps unless the config says `printedPngs` (about 14 MB). */
export const DEFAULT_PRINTED_PNGS = 200;

const printerSchema = z
  .object({
    uri: deviceUri,
    /** A shipped profile (hardware/printer/profiles) or one the office set up under /admin. */
    profile: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes')
      .default('epson-tm-t82'),
    mode: z.enum(THAI_MODES).optional(),
    codepage: z.int().min(0).max(255).optional(),
    /** How long a ticket waits for paper or a closed cover before it is reported failed (the kiosk then shows the number). */
    giveUpAfterSeconds: z.number().min(1).max(600).default(60),
  })
  .strict()
  .superRefine(
    checked(
      (p: {
        profile: string;
        mode?: (typeof THAI_MODES)[number] | undefined;
        codepage?: number | undefined;
      }) => {
        // A profile the office set up under /admin is checked when the server's profiles arrive.
        if (!listPrinterProfiles().includes(p.profile)) return;
        resolveThaiMode(loadPrinterProfile(p.profile), {
          ...(p.mode ? { mode: p.mode } : {}),
          ...(p.codepage === undefined ? {} : { codepage: p.codepage }),
        });
      },
    ),
  );

const displaySchema = z
  .object({
    id: id.optional(),
    uri: deviceUri,
    /** Either a protocol with its settings here, or the name of a display profile set up under /admin. */
    protocol: z.enum(DISPLAY_PROTOCOL_NAMES).optional(),
    profile: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    counterId: z.int().min(1),
    address: z.int().min(0).max(99).optional(),
    digits: z.int().min(1).max(16).optional(),
    template: z.string().max(200).optional(),
    blinkTimes: z.int().min(0).max(10).default(3),
  })
  .strict()
  .refine((d) => (d.protocol === undefined) !== (d.profile === undefined), {
    message: 'give either "protocol" (with its settings) or "profile" (set up under /admin)',
  })
  .superRefine(
    checked(
      (d: {
        protocol?: string | undefined;
        address?: number | undefined;
        digits?: number | undefined;
        template?: string | undefined;
      }) => {
        if (d.protocol !== undefined) displayProtocol({ ...d, protocol: d.protocol });
      },
    ),
  );

/** A button's byte: a number 0..255, or a one-character string such as "5". */
const buttonByte = z.union([
  z.int().min(0).max(255),
  z
    .string()
    .length(1)
    .transform((s) => s.charCodeAt(0)),
]);

const buttonsSchema = z
  .object({
    id: id.optional(),
    uri: deviceUri,
    counterId: z.int().min(1),
    scoreBytes: z
      .object({
        '1': buttonByte,
        '2': buttonByte,
        '3': buttonByte,
        '4': buttonByte,
        '5': buttonByte,
      })
      .strict()
      .optional(),
    debounceMs: z.int().min(0).max(5000).default(DEFAULT_BUTTON_BOX.debounceMs),
  })
  .strict();

/** What POST /api/stations gave the admin for this agent (43 URL-safe characters). */
const stationToken = z
  .string()
  .regex(/^[A-Za-z0-9_-]{20,200}$/, 'not a station token from /admin → Stations');

export const stationConfigSchema = z
  .object({
    station: id,
    server: httpUrl,
    /**
     * The agent station's token (/admin → Stations, kind "agent"), sent as
     * `Authorization: Bearer`; or `tokenFile`, a file holding it (relative to the config file),
     * so the config itself can be shared without the secret.
     */
    token: stationToken.optional(),
    tokenFile: z.string().min(1).max(500).optional(),
    /**
     * Where citizens' phones reach the office server, for this station only: it overrides the
     * office's address (/admin → Office, carried in the snapshot). Leave it out to follow the
     * office; `server` is used only against a server that gives no address.
     */
    publicBaseUrl: httpUrl
      .refine(
        (u) => u.replace(/\/+$/, '').length <= MAX_PUBLIC_BASE_URL,
        `at most ${MAX_PUBLIC_BASE_URL} characters: it is printed in every QR`,
      )
      .optional(),
    /**
     * Printed on tickets while the office has set no complaint channel under /admin → Office
     * (the office's wins once it has one).
     */
    complaintChannel: z.string().trim().min(1).max(MAX_COMPLAINT_CHANNEL).optional(),
    printer: printerSchema.optional(),
    /** How many ticket PNGs a virtual printer of this station keeps on disk; older ones are deleted. */
    printedPngs: z.int().min(0).max(100_000).default(DEFAULT_PRINTED_PNGS),
    displays: z.array(displaySchema).max(16).default([]),
    buttons: z.array(buttonsSchema).max(16).default([]),
  })
  .strict()
  .refine((c) => c.token === undefined || c.tokenFile === undefined, {
    path: ['tokenFile'],
    message: 'give either "token" or "tokenFile", not both',
  });

type RawStationConfig = z.output<typeof stationConfigSchema>;

export interface PrinterConfig {
  id: string;
  uri: string;
  profile: string;
  mode?: (typeof THAI_MODES)[number];
  codepage?: number;
  giveUpAfterMs: number;
}

export interface DisplayConfig {
  id: string;
  uri: string;
  counterId: number;
  /** Set here, or (with `profile`) taken from the office's display profiles. */
  protocol?: string;
  profile?: string;
  address?: number;
  digits?: number;
  template?: string;
  blinkTimes: number;
}

export interface ButtonsConfig {
  id: string;
  uri: string;
  counterId: number;
  scoreBytes: Record<1 | 2 | 3 | 4 | 5, number>;
  debounceMs: number;
}

export interface StationConfig {
  station: string;
  server: string;
  /** The agent station's token; null until paired (the agent then refuses to start). */
  token: string | null;
  /** The config's publicBaseUrl, else `server`: what the QR carries when the server gives no address. */
  publicBaseUrl: string;
  /** The config's own publicBaseUrl: it overrides the office's address; null: follow the office. */
  publicBaseUrlOverride: string | null;
  /** Printed while the office has no complaint channel of its own; '' prints none. */
  complaintChannel: string;
  printer: PrinterConfig | null;
  /** The ticket PNGs a virtual printer keeps (virtual-station.ts). */
  printedPngs: number;
  displays: DisplayConfig[];
  buttons: ButtonsConfig[];
}

const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

function normalise(raw: RawStationConfig, source: string): StationConfig {
  const trim = (u: string): string => u.replace(/\/+$/, '');
  const displays = raw.displays.map(
    (d) => withoutUndefined({ ...d, id: d.id ?? `display-${d.counterId}` }) as DisplayConfig,
  );
  const buttons = raw.buttons.map((b) => {
    const bytes = b.scoreBytes;
    const scoreBytes = bytes
      ? { 1: bytes['1'], 2: bytes['2'], 3: bytes['3'], 4: bytes['4'], 5: bytes['5'] }
      : DEFAULT_BUTTON_BOX.scoreBytes;
    return {
      id: b.id ?? `buttons-${b.counterId}`,
      uri: b.uri,
      counterId: b.counterId,
      scoreBytes,
      debounceMs: b.debounceMs,
    };
  });
  const fail = (message: string): never => {
    throw new HardwareError('invalid_station_config', `${source}: ${message}`);
  };
  const config: StationConfig = {
    station: raw.station,
    server: trim(raw.server),
    token: raw.token ?? (raw.tokenFile === undefined ? null : readToken(raw.tokenFile, fail)),
    publicBaseUrl: trim(raw.publicBaseUrl ?? raw.server),
    publicBaseUrlOverride: raw.publicBaseUrl === undefined ? null : trim(raw.publicBaseUrl),
    complaintChannel: raw.complaintChannel ?? '',
    printer: raw.printer
      ? (withoutUndefined({
          id: 'printer',
          uri: raw.printer.uri,
          profile: raw.printer.profile,
          mode: raw.printer.mode,
          codepage: raw.printer.codepage,
          giveUpAfterMs: raw.printer.giveUpAfterSeconds * 1000,
        }) as PrinterConfig)
      : null,
    printedPngs: raw.printedPngs,
    displays,
    buttons,
  };
  for (const b of buttons) {
    try {
      validateButtonBoxConfig({ scoreBytes: b.scoreBytes, debounceMs: b.debounceMs });
    } catch (err) {
      fail(`buttons ${b.id}: ${(err as Error).message}`);
    }
  }
  const ids = [
    ...(config.printer ? [config.printer.id] : []),
    ...displays.map((d) => d.id),
    ...buttons.map((b) => b.id),
  ];
  const twice = ids.find((x, i) => ids.indexOf(x) !== i);
  if (twice) fail(`device id "${twice}" is used twice; give each device its own "id"`);
  if (config.publicBaseUrl.length > MAX_PUBLIC_BASE_URL) {
    fail(
      `publicBaseUrl (or server, which it defaults to) must be at most ${MAX_PUBLIC_BASE_URL} characters: it is printed in every QR`,
    );
  }
  return config;
}

/** The token in `file` (surrounding whitespace, such as a final newline, ignored). */
function readToken(file: string, fail: (message: string) => never): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (err) {
    return fail(`tokenFile: cannot read ${file}: ${(err as Error).message}`);
  }
  if (!stationToken.safeParse(text).success)
    fail(`tokenFile: ${file} does not hold a station token from /admin → Stations`);
  return text;
}

/** A station token file (`--token-file`), checked like a config's `tokenFile`. */
export function readStationTokenFile(file: string): string {
  return readToken(file, (message) => {
    throw new HardwareError('invalid_station_config', message);
  });
}

/** Validates parsed JSON as a station config; `source` names it in errors (a file path). */
export function parseStationConfig(data: unknown, source = 'station config'): StationConfig {
  const result = stationConfigSchema.safeParse(data);
  if (!result.success) {
    const lines = result.error.issues.map(
      (i) => `  ${i.path.length ? i.path.join('.') : '(top level)'}: ${i.message}`,
    );
    throw new HardwareError(
      'invalid_station_config',
      `${source} is not a valid station config:\n${lines.join('\n')}`,
    );
  }
  return normalise(result.data, source);
}

/**
 * Reads a config file; `overrides` (from the command line) replace its fields before
 * validation. A relative `tokenFile` is read next to the config file.
 */
export function loadStationConfig(
  file: string,
  overrides: { station?: string; server?: string; tokenFile?: string } = {},
): StationConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new HardwareError(
      'invalid_station_config',
      `cannot read ${file}: ${(err as Error).message}`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new HardwareError(
      'invalid_station_config',
      `${file}: not valid JSON (${(err as Error).message})`,
    );
  }
  if (typeof data === 'object' && data !== null && !Array.isArray(data)) {
    const merged: Record<string, unknown> = { ...data, ...overrides };
    // A token given on the command line replaces the file's own.
    if (overrides.tokenFile !== undefined) delete merged.token;
    if (typeof merged.tokenFile === 'string' && !isAbsolute(merged.tokenFile))
      merged.tokenFile = resolve(overrides.tokenFile ? '.' : dirname(file), merged.tokenFile);
    data = merged;
  }
  return parseStationConfig(data, file);
}
