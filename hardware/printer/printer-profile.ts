import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { HardwareError } from '../hardware-error.ts';

export const THAI_MODES = ['text', 'raster', 'auto'] as const;
export type ThaiMode = (typeof THAI_MODES)[number];

/** What the layout needs to know about one printer model. Profiles are data: profiles/*.json. */
export interface PrinterProfile {
  name: string;
  description: string;
  paperWidthMm: 58 | 80;
  /** Printable width in dots; raster lines and the PNG of the virtual printer use it. */
  printWidthDots: number;
  /** Characters per line in font A. */
  columns: number;
  thaiMode: ThaiMode;
  /** The ESC t page whose upper half is TIS-620, or null when nobody has looked it up yet. */
  codepage: number | null;
  codepageNote: string;
}

/** The Thai mode after resolving `auto`: text needs a code page, raster does not. */
export type ResolvedThai = { mode: 'text'; codepage: number } | { mode: 'raster' };

export const PROFILES_DIR = fileURLToPath(new URL('./profiles/', import.meta.url));

// The receipt encoder only lays out these widths, so a profile with another is refused early.
const SUPPORTED_COLUMNS = [32, 35, 42, 44, 48];

function fail(source: string, message: string): never {
  throw new HardwareError('invalid_printer_profile', `${source}: ${message}`);
}

/** Checks an untrusted object against PrinterProfile and says exactly what is wrong. */
export function validatePrinterProfile(data: unknown, source: string): PrinterProfile {
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    fail(source, 'must be a JSON object');
  const p = data as Record<string, unknown>;
  if (typeof p.name !== 'string' || !/^[a-z0-9-]+$/.test(p.name))
    fail(source, 'name must be lower-case letters, digits and dashes');
  if (typeof p.description !== 'string') fail(source, 'description must be a string');
  if (p.paperWidthMm !== 58 && p.paperWidthMm !== 80) fail(source, 'paperWidthMm must be 58 or 80');
  if (
    typeof p.printWidthDots !== 'number' ||
    !Number.isInteger(p.printWidthDots) ||
    p.printWidthDots % 8 !== 0 ||
    p.printWidthDots < 256 ||
    p.printWidthDots > 640
  ) {
    fail(source, 'printWidthDots must be a multiple of 8 between 256 and 640');
  }
  if (typeof p.columns !== 'number' || !SUPPORTED_COLUMNS.includes(p.columns))
    fail(source, `columns must be one of ${SUPPORTED_COLUMNS.join(', ')}`);
  if (typeof p.thaiMode !== 'string' || !(THAI_MODES as readonly string[]).includes(p.thaiMode))
    fail(source, `thaiMode must be one of ${THAI_MODES.join(', ')}`);
  if (
    p.codepage !== null &&
    (typeof p.codepage !== 'number' ||
      !Number.isInteger(p.codepage) ||
      p.codepage < 0 ||
      p.codepage > 255)
  ) {
    fail(source, 'codepage must be an integer 0..255 or null');
  }
  if (p.thaiMode === 'text' && p.codepage === null)
    fail(source, 'thaiMode "text" needs a codepage (see the printer self-test page)');
  return {
    name: p.name,
    description: p.description,
    paperWidthMm: p.paperWidthMm,
    printWidthDots: p.printWidthDots,
    columns: p.columns,
    thaiMode: p.thaiMode as ThaiMode,
    codepage: p.codepage as number | null,
    codepageNote: typeof p.codepageNote === 'string' ? p.codepageNote : '',
  };
}

export function listPrinterProfiles(dir = PROFILES_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/** Loads profiles/<name>.json; the file name and the name inside must agree. */
export function loadPrinterProfile(name: string, dir = PROFILES_DIR): PrinterProfile {
  const known = listPrinterProfiles(dir);
  if (!known.includes(name)) {
    throw new HardwareError(
      'unknown_printer_profile',
      `no printer profile "${name}"; known: ${known.join(', ')}`,
    );
  }
  const file = join(dir, `${name}.json`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HardwareError(
      'invalid_printer_profile',
      `${file}: not valid JSON (${(err as Error).message})`,
    );
  }
  const profile = validatePrinterProfile(data, file);
  if (profile.name !== name) fail(file, `name "${profile.name}" does not match the file name`);
  return profile;
}

/**
 * Decides how Thai goes on paper. An override (from --mode/--codepage) wins
 * over the profile; `auto` prints text when a Thai code page is known and
 * raster otherwise, because raster is readable on every printer.
 */
export function resolveThaiMode(
  profile: PrinterProfile,
  override: { mode?: ThaiMode; codepage?: number } = {},
): ResolvedThai {
  const mode = override.mode ?? profile.thaiMode;
  const codepage = override.codepage ?? profile.codepage;
  if (codepage !== null && (!Number.isInteger(codepage) || codepage < 0 || codepage > 255)) {
    throw new HardwareError(
      'invalid_codepage',
      `code page must be an integer 0..255, got ${codepage}`,
    );
  }
  if (mode === 'raster') return { mode: 'raster' };
  if (codepage !== null) return { mode: 'text', codepage };
  if (mode === 'auto') return { mode: 'raster' };
  throw new HardwareError(
    'missing_codepage',
    `profile "${profile.name}" has no Thai code page for text mode; pass --codepage N (read it from the printer's self-test page) or use --mode raster`,
  );
}
