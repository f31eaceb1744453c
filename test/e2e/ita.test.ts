import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import type { PublicationList } from '../../server/contract/contract.ts';
import { launchChromium } from './chromium.ts';
import { publicationsOffice, type PublicationsOffice } from '../api/publications-office.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const DESKTOP = { width: 1366, height: 768 };

let o: PublicationsOffice;
let browser: Browser;
let manager: BrowserContext;
const errors: Error[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  o = await publicationsOffice();
  browser = await launchChromium();
  manager = await browser.newContext({ viewport: DESKTOP, acceptDownloads: true });
  const signIn = await manager.request.post(`${o.url}/api/session`, {
    data: { username: 'boss', password: 'password-1234' },
  });
  expect(signIn.status()).toBe(200);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await o?.close();
});

describe('the ITA tab of /manager', () => {
  it('lists the documents of this and last fiscal year at 1366×768, the running ones marked', async () => {
    const page = await manager.newPage();
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`${o.url}/manager`);
    await page.getByRole('tab', { name: 'เผยแพร่ ITA' }).click();
    await page.getByTestId('ita-tab').waitFor();
    await page.getByTestId('ita-year').first().waitFor();
    const list = (await (
      await manager.request.get(`${o.url}/api/publications`)
    ).json()) as PublicationList;

    const years = await page
      .getByTestId('ita-year')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-fiscal-year')));
    expect(years).toEqual(['2570', '2569']);
    const rows = page.getByTestId('ita-document');
    const documents = list.fiscalYears.flatMap((y) => y.documents);
    expect(await rows.count()).toBe(documents.length);
    const running = page.locator('[data-testid="ita-document"][data-state="in-progress"]');
    expect(await running.count()).toBe(4);
    await expect.poll(() => running.first().innerText()).toContain('ข้อมูลถึงวันที่ 1 ธันวาคม 2569');
    expect(await page.getByTestId('ita-manual').innerText()).toContain(
      list.serviceManual.services[0]!.name.th,
    );
    await page.evaluate(() => document.fonts.ready);
    // Nothing wider than the screen: no sideways scrolling at an office PC's 1366 pixels.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      DESKTOP.width,
    );
    await page.screenshot({ path: join(OUT, 'manager-ita.png') });
    await page.screenshot({ path: join(OUT, 'manager-ita-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('fits a phone without sideways scrolling, the three tabs included', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
    await phone.request.post(`${o.url}/api/session`, {
      data: { username: 'boss', password: 'password-1234' },
    });
    const page = await phone.newPage();
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`${o.url}/manager`);
    await page.getByRole('tab', { name: 'เผยแพร่ ITA' }).click();
    await page.getByTestId('ita-year').first().waitFor();
    await page.evaluate(async () => {
      await document.fonts.ready;
      await new Promise((settled) => requestAnimationFrame(() => requestAnimationFrame(settled)));
    });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    await page.screenshot({ path: join(OUT, 'manager-ita-390x844.png'), fullPage: true });
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
    expect(errors).toEqual([]);
  }, 60_000);

  it('downloads an XLSX and a PDF under their Thai names from the page', async () => {
    const page = await manager.newPage();
    page.on('pageerror', (e) => errors.push(e));
    await page.goto(`${o.url}/manager`);
    await page.getByRole('tab', { name: 'เผยแพร่ ITA' }).click();
    const q1 = page
      .locator('[data-testid="ita-document"][data-kind="statistics"][data-part="q1"]')
      .first();
    await q1.waitFor();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      q1.getByRole('button', { name: 'Excel' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.xlsx');
    const [pdf] = await Promise.all([
      page.waitForEvent('download', { timeout: 30_000 }),
      q1.getByRole('button', { name: 'PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.pdf');
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
