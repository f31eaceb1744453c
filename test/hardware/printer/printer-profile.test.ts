import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  listPrinterProfiles,
  loadPrinterProfile,
  resolveThaiMode,
  validatePrinterProfile,
} from '../../../hardware/printer/printer-profile.ts';

describe('printer profiles', () => {
  it('ships valid Epson and Xprinter-class profiles for 80 mm and 58 mm', () => {
    const names = listPrinterProfiles();
    expect(names).toEqual(
      expect.arrayContaining(['epson-tm-t82', 'epson-tm-t88', 'xprinter-80', 'xprinter-58']),
    );
    for (const name of names) expect(loadPrinterProfile(name).name).toBe(name);
    expect(loadPrinterProfile('xprinter-58')).toMatchObject({
      paperWidthMm: 58,
      columns: 32,
      printWidthDots: 384,
    });
    expect(loadPrinterProfile('epson-tm-t82')).toMatchObject({
      paperWidthMm: 80,
      thaiMode: 'text',
      codepage: 21,
    });
  });

  it('says what is wrong with a bad profile', () => {
    expect(() =>
      validatePrinterProfile(
        {
          name: 'x',
          description: '',
          paperWidthMm: 76,
          printWidthDots: 576,
          columns: 48,
          thaiMode: 'text',
          codepage: 21,
        },
        'x.json',
      ),
    ).toThrow(/paperWidthMm must be 58 or 80/);
    expect(() =>
      validatePrinterProfile(
        {
          name: 'x',
          description: '',
          paperWidthMm: 80,
          printWidthDots: 576,
          columns: 48,
          thaiMode: 'text',
          codepage: null,
        },
        'x.json',
      ),
    ).toThrow(/needs a codepage/);
    expect(() =>
      validatePrinterProfile(
        {
          name: 'x',
          description: '',
          paperWidthMm: 80,
          printWidthDots: 576,
          columns: 40,
          thaiMode: 'text',
          codepage: 21,
        },
        'x.json',
      ),
    ).toThrow(/columns must be one of/);
    expect(() => validatePrinterProfile([], 'x.json')).toThrow(/JSON object/);
  });

  it('refuses a profile whose name does not match its file, and an unknown name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'khiu-profiles-'));
    writeFileSync(
      join(dir, 'a.json'),
      JSON.stringify({
        name: 'b',
        description: '',
        paperWidthMm: 80,
        printWidthDots: 576,
        columns: 48,
        thaiMode: 'raster',
        codepage: null,
      }),
    );
    writeFileSync(join(dir, 'broken.json'), '{');
    expect(() => loadPrinterProfile('a', dir)).toThrow(/does not match the file name/);
    expect(() => loadPrinterProfile('broken', dir)).toThrow(/not valid JSON/);
    expect(() => loadPrinterProfile('nope', dir)).toThrow(
      /no printer profile "nope"; known: a, broken/,
    );
  });

  it('resolves auto to text when a Thai code page is known and to raster when not', () => {
    expect(resolveThaiMode(loadPrinterProfile('xprinter-80'))).toEqual({ mode: 'raster' });
    expect(resolveThaiMode(loadPrinterProfile('xprinter-80'), { codepage: 255 })).toEqual({
      mode: 'text',
      codepage: 255,
    });
    expect(resolveThaiMode(loadPrinterProfile('epson-tm-t82'), { mode: 'raster' })).toEqual({
      mode: 'raster',
    });
    expect(() => resolveThaiMode(loadPrinterProfile('xprinter-80'), { mode: 'text' })).toThrow(
      /--codepage N/,
    );
    expect(() => resolveThaiMode(loadPrinterProfile('epson-tm-t82'), { codepage: 300 })).toThrow(
      /0\.\.255/,
    );
  });
});
