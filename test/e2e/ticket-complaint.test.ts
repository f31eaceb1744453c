import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ManualClock } from '../../server/core/clock.ts';
import { localDay, startOfLocalDay } from '../../server/core/local-time.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
const TZ = 'Asia/Bangkok';
/** Markup a citizen might type, on purpose or not: it must stay the characters they typed. */
const WORDS = 'เจ้าหน้าที่บอกว่าต้องจ่ายเพิ่ม 200 บาท <img src=x onerror=alert(1)>';
const OUTCOME = 'ตรวจสอบแล้ว ตักเตือนเจ้าหน้าที่ และคืนเงิน <b>200</b> บาท';

let server: StationServer;
let browser: Browser;
let clock: ManualClock;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // 10:00 of today in the office: the complaint is received today, in this month's report.
  clock = new ManualClock(startOfLocalDay(localDay(Date.now(), TZ), TZ) + 10 * 3_600_000);
  server = await startStationServer(await builtRenderer(), { clock });
  browser = await launchChromium();
  const set = await server.asAdmin('PUT', '/api/settings/complaint-channel', {
    phone: '0 7400 0000',
    line: '@tambon-example',
  });
  expect(set.status).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page that fails the test on any dialog: `alert(1)` from the citizen's words would be one. */
async function guardedPage(context: BrowserContext): Promise<{ page: Page; dialogs: string[] }> {
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return { page, dialogs };
}

async function issueTicket(): Promise<{ id: string; number: string }> {
  const res = await fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: 1 }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: { id: string; number: string } }).ticket;
}

describe('a complaint from the phone, handled at /manager', () => {
  it('sends a complaint with markup as text, the manager resolves it, and the phone shows the outcome', async () => {
    const ticket = await issueTicket();
    const phone = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2 });
    const desk = await browser.newContext({ viewport: DESKTOP });
    try {
      // ---- the citizen, on the ticket's page ----
      const { page, dialogs } = await guardedPage(phone);
      await page.goto(`${server.url}/t/${ticket.id}`);
      await page.getByTestId('complaint-form').waitFor();
      expect(await page.getByTestId('complaint-where').textContent()).toContain('ผู้บริหารของสำนักงาน');
      // The office's other channels sit beside the form.
      await page.getByTestId('complaint-channel').waitFor();
      await page.getByTestId('complaint-open').click();
      for (const choice of [
        'ถูกข้ามคิว',
        'ถูกเลือกปฏิบัติ',
        'ถูกเรียกรับเงินหรือสิ่งของ',
        'เจ้าหน้าที่ไม่สุภาพ',
        'อื่น ๆ',
      ])
        await page.getByLabel(choice, { exact: true }).waitFor();
      expect(await page.getByTestId('complaint-send').isDisabled()).toBe(true);
      await page.getByLabel('ถูกเรียกรับเงินหรือสิ่งของ', { exact: true }).check();
      await page.getByTestId('complaint-words').fill(WORDS);
      expect(await page.getByTestId('complaint-count').textContent()).toContain(
        `${[...WORDS].length} / 1,000`,
      );
      await page.getByTestId('complaint-form').screenshot({
        path: join(OUT, 'ticket-complaint-form.png'),
      });
      await page.getByTestId('complaint-send').click();
      await page.getByTestId('complaint-sent').waitFor();
      const reference = (await page
        .locator('[data-testid="complaint-sent"] .reference')
        .textContent())!;
      expect(reference).toMatch(/^ร-25\d\d-\d{4}$/);
      const made = page.getByTestId(`complaint-${reference}`);
      expect(await made.getByTestId('complaint-text').textContent()).toBe(WORDS);
      expect(await made.locator('img').count()).toBe(0);
      expect(await made.getByTestId('complaint-status').textContent()).toBe('รับเรื่องแล้ว');
      await page.screenshot({ path: join(OUT, 'ticket-complaint-sent.png'), fullPage: true });

      // ---- the manager ----
      const signIn = await desk.request.post(`${server.url}/api/session`, {
        data: { username: 'admin', password: ADMIN_PASSWORD },
      });
      expect(signIn.status()).toBe(200);
      const { page: manager, dialogs: managerDialogs } = await guardedPage(desk);
      await manager.goto(`${server.url}/manager`);
      await manager.getByRole('tab', { name: 'เรื่องร้องเรียน' }).click();
      await manager.getByTestId(`complaint-row-${reference}`).click();
      const detail = manager.getByTestId('complaint-detail');
      expect(await detail.getByTestId('complaint-detail-text').textContent()).toBe(WORDS);
      expect(await detail.locator('img').count()).toBe(0);
      // Beside it, the ticket's history from the ledger.
      await manager.getByTestId('complaint-history-ticket.issued').waitFor();
      await manager.screenshot({ path: join(OUT, 'manager-complaints.png') });

      await detail.getByTestId('complaint-investigate').click();
      await manager
        .getByTestId('complaint-detail-status')
        .filter({ hasText: 'กำลังตรวจสอบ' })
        .waitFor();
      await detail.getByTestId('complaint-outcome-input').fill(OUTCOME);
      await detail.getByTestId('complaint-resolve').click();
      await detail.getByTestId('complaint-detail-outcome').waitFor();
      expect(await detail.getByTestId('complaint-detail-outcome').textContent()).toBe(OUTCOME);
      expect(await detail.locator('b', { hasText: '200' }).count()).toBe(0);
      await manager.screenshot({ path: join(OUT, 'manager-complaints-resolved.png') });

      // The month's report counts it, by kind, without its words.
      const month = localDay(clock.now(), TZ).slice(0, 7);
      const print = await desk.newPage();
      await print.goto(`${server.url}/manager/print?kind=monthly&month=${month}`);
      await print.waitForSelector('body[data-report-ready="true"]');
      const counts = print.getByTestId('complaint-counts');
      const row = counts.getByTestId(`complaint-month-${month}`);
      expect((await row.locator('td').allTextContents()).slice(1)).toEqual([
        '1',
        '0',
        '0',
        '1',
        '0',
        '0',
        '1',
      ]);
      expect(await print.content()).not.toContain('onerror');
      await counts.screenshot({ path: join(OUT, 'manager-report-complaint-counts.png') });

      // ---- the citizen again: the outcome, as text ----
      await page.reload();
      const resolved = page.getByTestId(`complaint-${reference}`);
      await resolved.getByTestId('complaint-outcome').waitFor();
      expect(await resolved.getByTestId('complaint-status').textContent()).toBe('ยุติเรื่องแล้ว');
      expect(await resolved.locator('[data-testid="complaint-outcome"] .words').textContent()).toBe(
        OUTCOME,
      );
      expect(await resolved.locator('b', { hasText: '200' }).count()).toBe(0);
      await page.getByTestId('complaint-form').screenshot({
        path: join(OUT, 'ticket-complaint-resolved.png'),
      });

      expect(dialogs).toEqual([]);
      expect(managerDialogs).toEqual([]);
    } finally {
      await phone.close();
      await desk.close();
    }
  }, 120_000);
});
