import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Report, Ticket } from '../../server/contract/contract.ts';
import { startKhiu } from '../../server/app.ts';
import { builtRenderer } from './renderer-build.ts';
import { entryGzipKb } from './bench/bundle-size.ts';
import { launchChromium } from './chromium.ts';
import { CLERK, MANAGER, startHistoryServer, type HistoryServer } from './manager-history.ts';
import {
  formatCount,
  formatMinutesFigure,
  formatPct,
} from '../../renderer/src/lib/manager/figures.ts';
import { formatDayRange } from '../../renderer/src/lib/i18n/dates.ts';
import { addDays } from '../../renderer/src/lib/manager/report-period.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const DESKTOP = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

let server: HistoryServer;
let staticDir: string;
let browser: Browser;
/** The manager's browser, signed in; each test opens its own page in it. */
let manager: BrowserContext;
let lastWeek: Report;
const errors: Error[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  staticDir = await builtRenderer();
  server = await startHistoryServer(staticDir);
  browser = await launchChromium();
  manager = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const signIn = await manager.request.post(server.url + '/api/session', { data: MANAGER });
  expect(signIn.status()).toBe(200);
  lastWeek = await reportJson('');
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// No screen a test opened may have thrown, whichever test it was.
afterEach(() => {
  expect(errors).toEqual([]);
});

/**
 * A page of its own on /manager, showing last week's report: the tests do not share a page,
 * so none depends on where another one left it.
 */
async function reportPage(): Promise<Page> {
  const page = await manager.newPage();
  onTestFinished(() => page.close());
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url + '/manager');
  await page.getByTestId('card-issued').waitFor();
  return page;
}

/** What the server says last week was, asked with the manager's own session. */
async function reportJson(query: string): Promise<Report> {
  const res = await manager.request.get(`${server.url}/api/reports/weekly${query}`);
  expect(res.status()).toBe(200);
  return (await res.json()) as Report;
}

/** Both the screen at its size and the whole page, so nothing below the fold goes unseen. */
async function shoot(target: Page, name: string): Promise<void> {
  await target.evaluate(() => document.fonts.ready);
  expect(await target.evaluate(() => document.fonts.check('16px Sarabun', 'รายงานผู้บริหาร'))).toBe(
    true,
  );
  await target.screenshot({ path: join(OUT, `manager-${name}.png`) });
  await target.screenshot({ path: join(OUT, `manager-${name}-full.png`), fullPage: true });
}

/**
 * Nothing may stick out sideways: wide tables scroll inside their own box. Measured as
 * people see the page, with its font loaded and two frames drawn: once, on a busy machine,
 * a measure taken right after the first card appeared found 57 px too many.
 */
async function expectNoSidewaysScroll(target: Page): Promise<void> {
  await target.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
  });
  const overflow = await target.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

describe('the manager screen', () => {
  it('downloads at most 120 KB gzip of code and styles to start', () => {
    const kb = entryGzipKb(staticDir, 'manager.html');
    expect(kb).toBeGreaterThan(10);
    expect(kb).toBeLessThanOrEqual(120);
  });

  it('asks for a sign-in and refuses a staff account in plain Thai', async () => {
    const staff = await browser.newContext({ viewport: DESKTOP });
    const p = await staff.newPage();
    await p.goto(server.url + '/manager');
    await p.getByLabel('ชื่อผู้ใช้').fill(CLERK.username);
    await p.getByLabel('รหัสผ่าน').fill(CLERK.password);
    await p.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await p.getByTestId('not-a-manager').waitFor();
    expect(await p.getByTestId('not-a-manager').textContent()).toContain('บัญชีเจ้าหน้าที่');
    expect(await p.getByRole('tab').count()).toBe(0);
    await shoot(p, 'staff-refused');
    await staff.close();
  });

  it("signs a manager in and opens last week's report with the API's headline figures", async () => {
    // A browser not yet signed in, so the sign-in form is there to fill.
    const context = await browser.newContext({ viewport: DESKTOP });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(server.url + '/manager');
    await signInAsManager(page);
    await page.getByTestId('card-issued').waitFor();
    expect(lastWeek.range.from).toBe(server.lastWeek);
    expect(lastWeek.totals.issued).toBeGreaterThan(100);

    const card = (id: string) => page.getByTestId(`card-${id}-value`).textContent();
    expect(await card('issued')).toBe(formatCount(lastWeek.totals.issued));
    expect(await card('wait')).toBe(formatMinutesFigure(lastWeek.totals.wait.p50, 'th'));
    expect(await page.getByTestId('card-wait-p90').textContent()).toContain(
      formatMinutesFigure(lastWeek.totals.wait.p90, 'th'),
    );
    expect(await card('within-target')).toBe(formatPct(lastWeek.totals.wait.withinTargetPct));
    expect(await card('standard')).toBe(formatPct(lastWeek.totals.service.withinStandardPct));
    expect(await card('satisfaction')).toBe(formatPct(lastWeek.totals.satisfaction.satisfiedPct));
    expect(await page.getByTestId('card-satisfaction-target').textContent()).toContain('80.0%');
    expect(await card('out-of-turn')).toBe(formatCount(lastWeek.totals.fairness.outOfTurn));
    // The range in Thai, Buddhist era, Thai digits.
    expect(await page.getByTestId('report-range').textContent()).toContain(
      formatDayRange(lastWeek.range.from, lastWeek.range.to, 'th'),
    );
    expect(await page.getByTestId('report-range').textContent()).toMatch(/[๐-๙]{4}/);
    await shoot(page, 'reports-1366x768');
    await expectNoSidewaysScroll(page);
  });

  it("shows last week's median wait for each service, and each service's bars in the chart", async () => {
    const page = await reportPage();
    for (const service of lastWeek.services) {
      const cell = page.getByTestId(`cell-services-${service.serviceId}-p50`);
      expect(await cell.textContent()).toBe(
        service.wait.p50 === null ? '–' : service.wait.p50.toFixed(1),
      );
      expect(await page.getByTestId(`wait-bar-${service.code}`).count()).toBe(1);
    }
    for (const id of [
      'wait-by-service',
      'satisfaction',
      'trend-issued',
      'trend-waitP50',
      'heatmap',
    ])
      expect(await page.locator(`[data-testid=chart-${id}] svg`).count()).toBe(1);
  });

  it('lists the out-of-turn call with its reason in Thai words', async () => {
    const page = await reportPage();
    const row = page.getByTestId(`out-of-turn-${server.outOfTurnNumber}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('กลับมาพร้อมเอกสารที่ขาด');
    expect(lastWeek.outOfTurnCalls.map((c) => c.number)).toContain(server.outOfTurnNumber);
  });

  it('drills from a service to its days, a day to its tickets, and a ticket to its ledger history', async () => {
    const page = await reportPage();
    const service = lastWeek.services.find((s) => s.code === 'A')!;
    await page.getByTestId(`row-services-${service.serviceId}`).getByRole('button').click();
    await expect
      .poll(() => page.getByTestId('report-title').textContent())
      .toContain(service.name.th);
    const narrowed = await reportJson(`?start=${server.lastWeek}&serviceId=${service.serviceId}`);
    expect(await page.getByTestId('card-issued-value').textContent()).toBe(
      formatCount(narrowed.totals.issued),
    );
    const friday = addDays(server.lastWeek, 4);
    await shoot(page, 'service-1366x768');

    await page.getByTestId(`row-days-${friday}`).getByRole('button').click();
    await page.getByTestId('day-tickets').waitFor();
    const row = page.getByTestId(`day-ticket-${server.outOfTurnNumber}`);
    await row.waitFor();
    expect(await row.textContent()).toContain('กลับมาพร้อมเอกสารที่ขาด');
    const rows = await page.locator('[data-testid^=day-ticket-]').count();
    const fridayFigures = narrowed.days.find((d) => d.day === friday)!;
    expect(rows).toBe(fridayFigures.issued);
    await shoot(page, 'day-1366x768');

    await row.getByRole('button').click();
    await page.getByTestId('history-ticket.issued').waitFor();
    for (const type of ['ticket.issued', 'ticket.called', 'ticket.started', 'ticket.finished'])
      expect(await page.getByTestId(`history-${type}`).count()).toBe(1);
    const call = await page.getByTestId('history-ticket.called').textContent();
    expect(call).toContain('malee');
    expect(call).toContain('กลับมาพร้อมเอกสารที่ขาด');
    await shoot(page, 'ticket-history-1366x768');

    await page.getByTestId('drill-trail').getByRole('button', { name: 'ทั้งสำนักงาน' }).click();
    await expect
      .poll(() => page.getByTestId('card-issued-value').textContent())
      .toBe(formatCount(lastWeek.totals.issued));
  });

  it('downloads the report as CSV and Excel, and the PDF printed from the print page', async () => {
    const page = await reportPage();
    const csv = await manager.request.get(
      server.url + (await page.getByTestId('download-csv').getAttribute('href'))!,
    );
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('A');
    const xlsx = await manager.request.get(
      server.url + (await page.getByTestId('download-xlsx').getAttribute('href'))!,
    );
    expect(xlsx.status()).toBe(200);
    expect(xlsx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    // An XLSX is a zip file.
    expect((await xlsx.body()).subarray(0, 2).toString('latin1')).toBe('PK');

    const download = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('download-pdf').click();
    // The first print starts the server's browser: seconds, shown as progress.
    expect(await page.getByTestId('download-pdf').textContent()).toContain('กำลังสร้าง PDF');
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    const stream = await pdf.createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Drawn in the bundled Thai font, embedded in the file.
    expect(bytes.includes('Sarabun')).toBe(true);
    expect(await page.getByTestId('download-pdf').textContent()).toContain('PDF');
  }, 90_000);

  it('says in Thai why there is no PDF when the server has no browser to print with', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'khiu-manager-nopdf-'));
    const bare = await startKhiu({
      dataDir,
      port: 0,
      host: '127.0.0.1',
      adminPassword: 'no-pdf-admin-pw',
      staticDir,
      browserPath: join(dataDir, 'no-such-chromium'),
      log: () => {},
    });
    const context = await browser.newContext({ viewport: DESKTOP });
    try {
      await context.request.post(bare.url + '/api/session', {
        data: { username: 'admin', password: 'no-pdf-admin-pw' },
      });
      const p = await context.newPage();
      await p.goto(bare.url + '/manager');
      await p.getByTestId('card-issued').waitFor();
      await p.getByTestId('download-pdf').click();
      const notice = p.getByTestId('pdf-error').getByRole('alert');
      await notice.waitFor();
      expect(await notice.textContent()).toContain('เครื่องแม่ข่ายสร้างไฟล์ PDF ไม่ได้ในขณะนี้');
      expect(await p.getByTestId('download-pdf').isEnabled()).toBe(true);
      await shoot(p, 'pdf-unavailable');
    } finally {
      await context.close();
      await bare.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('switches the report to English and back to Thai', async () => {
    const page = await reportPage();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('card-issued').textContent()).toContain('Tickets issued');
    // Chromium's and Node's ICU may space a date range differently (thin or plain spaces).
    const spaced = (text: string | null) => (text ?? '').replace(/\s+/gu, ' ');
    expect(spaced(await page.getByTestId('report-range').textContent())).toContain(
      spaced(formatDayRange(lastWeek.range.from, lastWeek.range.to, 'en')),
    );
    await page.getByRole('button', { name: 'ไทย' }).click();
    expect(await page.getByTestId('card-issued').textContent()).toContain('บัตรคิวที่ออก');
  });

  it('draws the A4 print page from the same components and marks it ready', async () => {
    const print = await manager.newPage();
    await print.goto(`${server.url}/manager/print?kind=weekly&start=${server.lastWeek}`);
    await print.waitForSelector('body[data-report-ready]');
    expect(await print.evaluate(() => document.body.dataset.reportReady)).toBe('true');
    expect(await print.getByTestId('card-issued-value').textContent()).toBe(
      formatCount(lastWeek.totals.issued),
    );
    expect(await print.getByTestId('report-generated').textContent()).toMatch(/[๐-๙]/);
    expect(await print.getByRole('button').count()).toBe(0);
    expect(await print.locator('nav').count()).toBe(0);
    await shoot(print, 'print-a4');

    await print.goto(`${server.url}/manager/print?kind=yearly`);
    await print.waitForSelector('body[data-report-ready]');
    expect(await print.evaluate(() => document.body.dataset.reportReady)).toBe('error');
    expect(await print.getByTestId('print-error').textContent()).toContain('kind');
    await print.close();
  });

  it('shows a call on the live tab as soon as a counter makes it', async () => {
    const page = await reportPage();
    await page.getByRole('tab', { name: 'ตอนนี้' }).click();
    await page.getByTestId('live-counter-1').waitFor();
    const issued = await fetch(server.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 1 }),
    });
    const { ticket } = (await issued.json()) as { ticket: Ticket };
    await expect
      .poll(() => page.getByTestId('live-service-A-waiting').textContent(), { timeout: 5000 })
      .toBe('1');
    // Counter 1 serves A and nobody is at it: flagged while the citizen waits.
    await expect
      .poll(() => page.getByTestId('live-counter-1-idle').count(), { timeout: 5000 })
      .toBe(1);
    const call = await manager.request.post(server.url + '/api/counters/1/call-next', {
      data: {},
    });
    expect(call.status()).toBe(200);
    await expect
      .poll(() => page.getByTestId('live-counter-1-ticket').textContent(), { timeout: 5000 })
      .toBe(ticket.number);
    expect(await page.getByTestId('live-counter-1').textContent()).toContain(MANAGER.username);
    expect(await page.getByTestId('live-counter-1-idle').count()).toBe(0);
    await shoot(page, 'live-1366x768');
  });

  it('fits a phone without sideways scrolling, in Thai', async () => {
    const phone = await browser.newContext({ viewport: PHONE });
    await phone.request.post(server.url + '/api/session', { data: MANAGER });
    const p = await phone.newPage();
    p.on('pageerror', (e) => errors.push(e));
    await p.goto(server.url + '/manager');
    await p.getByTestId('card-issued').waitFor();
    // The widest period there is (a week across two months, still running), whatever today is.
    await p.getByTestId('report-period').evaluate((select) => {
      const option = document.createElement('option');
      option.textContent = '๒๘ ธันวาคม ๒๕๖๙ – ๓ มกราคม ๒๕๗๐ (ยังไม่สิ้นสุด)';
      select.append(option);
    });
    await expectNoSidewaysScroll(p);
    await shoot(p, 'reports-390x844');
    await p.getByRole('tab', { name: 'ตอนนี้' }).click();
    await p.getByTestId('live-counter-1').waitFor();
    await expectNoSidewaysScroll(p);
    await shoot(p, 'live-390x844');
    await phone.close();
    expect(errors).toEqual([]);
  });
});

async function signInAsManager(target: Page): Promise<void> {
  await target.getByLabel('ชื่อผู้ใช้').fill(MANAGER.username);
  await target.getByLabel('รหัสผ่าน').fill(MANAGER.password);
  await target.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
}
