import { execFileSync } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportPdfPrinter } from '../../server/reports/export/report-pdf.ts';
import { KhiuError } from '../../server/core/errors.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { writePrintPage } from './print-page-fixture.ts';
import { pdfInfo, pdfText } from './pdf-text.ts';
import { weeklyReport } from './report-fixture.ts';

/** Debian's Chromium, as the end-to-end tests use it (.ci/run installs it). */
const CHROMIUM = process.env.KHIU_CHROMIUM ?? '/usr/bin/chromium';

const cleanup = new CleanupStack();
let tmp: string;
let pageDir: string;
let printer: ReportPdfPrinter;
const logged: string[] = [];

function dir(name: string): string {
  const path = join(tmp, name);
  mkdirSync(path, { recursive: true });
  return path;
}

function newPrinter(options: Partial<ConstructorParameters<typeof ReportPdfPrinter>[0]>) {
  const made = new ReportPdfPrinter({ staticDir: pageDir, browserPath: CHROMIUM, ...options });
  cleanup.push(() => made.close());
  return made;
}

async function rejection(promise: Promise<unknown>): Promise<KhiuError> {
  const error = await promise.then(
    () => new Error('expected the print to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KhiuError);
  return error as KhiuError;
}

beforeAll(() => {
  const temp = makeTempDir('khiu-pdf-');
  cleanup.push(temp.cleanup);
  tmp = temp.dir;
  pageDir = dir('renderer');
  writePrintPage(pageDir);
  printer = newPrinter({ log: (line) => logged.push(line) });
});

afterAll(() => cleanup.run());

describe('report PDF printer', () => {
  it('prints the report on A4 from the print page, with its Thai text', async () => {
    const pdf = await printer.print(weeklyReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfInfo(pdf, tmp))['Page size']).toMatch(/\(A4\)/);
    const text = await pdfText(pdf, tmp);
    expect(text).toContain('งานทะเบียนราษฎร');
    expect(text).toContain('งานชำระภาษีและค่าธรรมเนียม');
    expect(text).toContain('รายงานประจำสัปดาห์');
    expect(text).toContain('ช่วงวันที่ 2026-11-23 ถึง 2026-11-29');
    // The page is the manager's print page, asked for the report's own period.
    expect(text).toContain('path=/manager/print query=?kind=weekly&start=2026-11-23');
    expect(logged.some((line) => line.startsWith('report pdf: started '))).toBe(true);
    expect(
      logged.some((line) => /^report pdf: weekly 2026-11-23\.\.2026-11-29 in \d+ ms$/.test(line)),
    ).toBe(true);
  });

  it('prints two reports asked for at once, one after the other', async () => {
    const one = weeklyReport();
    const other = { ...weeklyReport(), serviceId: 3, services: weeklyReport().services.slice(1) };
    const [first, second] = await Promise.all([printer.print(one), printer.print(other)]);
    const [a, b] = [await pdfText(first, tmp, 'a.pdf'), await pdfText(second, tmp, 'b.pdf')];
    expect(a).toContain('งานทะเบียนราษฎร');
    expect(b).not.toContain('งานทะเบียนราษฎร');
    expect(b).toContain('query=?kind=weekly&start=2026-11-23&serviceId=3');
    // The second page was opened only after the first had finished drawing.
    const times = (text: string) => {
      const match = /loaded-at=(\d+) ready-at=(\d+)/.exec(text);
      if (!match) throw new Error(`no times in ${text}`);
      return { loadedAt: Number(match[1]), readyAt: Number(match[2]) };
    };
    expect(times(b).loadedAt).toBeGreaterThanOrEqual(times(a).readyAt);
  });

  it('lets no request of the page reach the network', async () => {
    const hits: string[] = [];
    const server: Server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.end('leaked');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.push(() => new Promise((resolve) => server.close(resolve)));
    const { port } = server.address() as AddressInfo;
    const leakyDir = dir('leaky');
    writePrintPage(leakyDir, {
      extra: `
        const tried = [];
        for (const url of ['http://127.0.0.1:${port}/fetch', 'http://localhost:${port}/fetch']) {
          tried.push(await fetch(url).then(() => 'reached', () => 'blocked'));
        }
        const img = new Image();
        img.src = 'http://127.0.0.1:${port}/image.png';
        await new Promise((resolve) => { img.onload = img.onerror = resolve; });
        document.title = tried.join(',');
        document.body.append('network=' + tried.join(','));`,
    });
    const lines: string[] = [];
    const pdf = await newPrinter({ staticDir: leakyDir, log: (line) => lines.push(line) }).print(
      weeklyReport(),
    );
    expect(await pdfText(pdf, tmp)).toContain('network=blocked,blocked');
    expect(hits).toEqual([]);
    expect(lines).toContain(`report pdf: blocked GET http://127.0.0.1:${port}/image.png`);
  });

  it('refuses with 503 browser_missing when the browser does not exist, and prints once it does', async () => {
    const browserPath = join(tmp, 'bin', 'chromium');
    const later = newPrinter({ browserPath });
    const error = await rejection(later.print(weeklyReport()));
    expect(error).toMatchObject({ code: 'browser_missing', status: 503 });
    expect(error.message).toContain(browserPath);
    expect(error.message).toContain('apt-get install chromium');
    expect(error.message).toContain('KHIU_BROWSER');
    // The same printer, without a restart: the browser is installed, the next print works.
    mkdirSync(join(tmp, 'bin'), { recursive: true });
    symlinkSync(CHROMIUM, browserPath);
    const pdf = await later.print(weeklyReport());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses with 503 screens_not_built when the renderer is not built', async () => {
    for (const staticDir of [dir('empty'), undefined]) {
      const error = await rejection(newPrinter({ staticDir }).print(weeklyReport()));
      expect(error).toMatchObject({ code: 'screens_not_built', status: 503 });
      expect(error.message).toContain('npm run build:renderer');
    }
  });

  it('fails clearly when the print page reports an error, and keeps printing afterwards', async () => {
    const brokenDir = dir('broken');
    writePrintPage(brokenDir, { extra: `throw new Error('ไม่มีข้อมูล no data');` });
    const broken = newPrinter({ staticDir: brokenDir });
    const error = await rejection(broken.print(weeklyReport()));
    expect(error).toMatchObject({ code: 'report_print_failed', status: 500 });
    expect(error.message).toContain('ไม่มีข้อมูล no data');
    await expect(printer.print(weeklyReport())).resolves.toBeInstanceOf(Buffer);
  });

  it('gives up on a print page that never says it is ready', async () => {
    const stuckDir = dir('stuck');
    writePrintPage(stuckDir, { ready: false });
    const error = await rejection(
      newPrinter({ staticDir: stuckDir, timeoutMs: 2_000 }).print(weeklyReport()),
    );
    expect(error).toMatchObject({ code: 'report_print_timeout', status: 500 });
  });

  it('starts the browser again after it crashed', async () => {
    await printer.print(weeklyReport());
    const browsers = execFileSync('ps', ['-o', 'pid=,comm=', '--ppid', String(process.pid)], {
      encoding: 'utf8',
    })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, comm]) => comm?.startsWith('chrom'))
      .map(([pid]) => Number(pid));
    expect(browsers.length).toBeGreaterThan(0);
    // Only the browsers this test process launched: children of this process, by id.
    for (const pid of browsers) process.kill(pid, 'SIGKILL');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const pdf = await printer.print(weeklyReport());
    expect(await pdfText(pdf, tmp)).toContain('งานทะเบียนราษฎร');
    expect(logged.some((line) => line.endsWith('(launch 2)'))).toBe(true);
  });
});
