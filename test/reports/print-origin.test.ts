import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/contract/contract.ts';
import {
  answerPrintRequest,
  builtRenderer,
  printPageUrl,
  PRINT_ORIGIN,
} from '../../server/reports/export/print-origin.ts';
import { browserCandidates, findBrowser } from '../../server/reports/export/print-browser.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { weeklyReport } from './report-fixture.ts';

function reportOf(kind: Report['kind'], from: string, to: string, serviceId: number | null = null) {
  return { ...weeklyReport(), kind, range: { from, to, days: 0 }, serviceId };
}

let staticDir: string;
let cleanup: () => void;

beforeAll(() => {
  const temp = makeTempDir('khiu-print-origin-');
  cleanup = temp.cleanup;
  // A file next to the renderer, which no path on the print origin may reach.
  writeFileSync(join(temp.dir, 'khiu-print-origin-secret.txt'), 'secret');
  staticDir = join(temp.dir, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'manager.html'), '<!doctype html><title>manager</title>');
  writeFileSync(join(staticDir, 'assets', 'print.js'), 'export {};');
});

afterAll(() => cleanup());

describe('the print page address', () => {
  it('names the period the way the report API reads it', () => {
    const path = (report: Report) => printPageUrl(report).slice(PRINT_ORIGIN.length);
    expect(path(reportOf('weekly', '2026-11-23', '2026-11-29'))).toBe(
      '/manager/print?kind=weekly&start=2026-11-23',
    );
    expect(path(reportOf('monthly', '2026-02-01', '2026-02-28', 4))).toBe(
      '/manager/print?kind=monthly&month=2026-02&serviceId=4',
    );
    expect(path(reportOf('fiscal-year', '2025-10-01', '2026-09-30'))).toBe(
      '/manager/print?kind=fiscal-year&fiscalYear=2569',
    );
  });

  it('derives the Buddhist-era fiscal year and its half from the range', () => {
    const params = (from: string, to: string) =>
      new URL(printPageUrl(reportOf('half-year', from, to))).searchParams;
    expect(Object.fromEntries(params('2025-10-01', '2026-03-31'))).toEqual({
      kind: 'half-year',
      fiscalYear: '2569',
      half: '1',
    });
    expect(Object.fromEntries(params('2026-04-01', '2026-09-30'))).toEqual({
      kind: 'half-year',
      fiscalYear: '2569',
      half: '2',
    });
  });
});

describe('the print origin', () => {
  const answer = (path: string, origin = PRINT_ORIGIN) =>
    answerPrintRequest(origin + path, staticDir, weeklyReport());

  it('answers the report request with the report itself', async () => {
    const response = await answer('/api/reports/weekly?start=2026-11-23');
    expect(response?.status).toBe(200);
    expect(JSON.parse(String(response?.body))).toEqual(weeklyReport());
  });

  it('serves the manager entry for manager pages and the built files by name', async () => {
    expect(String((await answer('/manager/print?kind=weekly'))?.body)).toContain('manager');
    const script = await answer('/assets/print.js');
    expect(script).toMatchObject({ status: 200, contentType: 'text/javascript; charset=utf-8' });
  });

  it('answers 404 for other API calls, missing files and paths out of the directory', async () => {
    for (const path of [
      '/api/reports/monthly?month=2026-11',
      '/api/session',
      '/assets/missing.js',
      '/../khiu-print-origin-secret.txt',
      '/%2e%2e/khiu-print-origin-secret.txt',
      '/%E0%A4%A',
    ]) {
      expect((await answer(path))?.status, path).toBe(404);
    }
  });

  it('answers nothing for other origins, so the printer aborts those requests', async () => {
    expect(await answer('/manager/print', 'http://127.0.0.1:8080')).toBeNull();
    expect(await answer('/api/reports/weekly', 'https://fonts.googleapis.com')).toBeNull();
  });

  it('knows the renderer is built only when it has the manager entry', () => {
    expect(builtRenderer(staticDir)).toBe(staticDir);
    expect(() => builtRenderer(join(staticDir, 'assets'))).toThrow(/npm run build:renderer/);
    expect(() => builtRenderer(undefined)).toThrow(/npm run build:renderer/);
  });
});

describe('finding a browser', () => {
  it('looks for Chrome and Edge where Windows installs them', () => {
    const candidates = browserCandidates('win32', {
      LOCALAPPDATA: 'C:\\Users\\clerk\\AppData\\Local',
    });
    expect(candidates).toContain('C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe');
    expect(candidates).toContain(
      'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
    );
    expect(candidates).toContain(
      'C:\\Users\\clerk\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
  });

  it('looks for Debian Chromium first elsewhere, and uses it when nothing is configured', () => {
    expect(browserCandidates('linux')[0]).toBe('/usr/bin/chromium');
    expect(findBrowser(null)).toBe('/usr/bin/chromium');
    expect(findBrowser('')).toBe('/usr/bin/chromium');
  });
});
