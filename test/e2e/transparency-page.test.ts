import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';
import { ManualClock } from '../../server/core/clock.ts';
import type { Transparency } from '../../server/contract/contract.ts';
import {
  FIRST_DAY_MS,
  SECRET,
  TODAY,
  playFeedback,
  playTransparencyOffice,
  type PlayedFeedback,
  type PlayedToday,
} from '../api/transparency-office.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const HALL = { width: 1920, height: 1080 };

let server: StationServer;
let browser: Browser;
let played: PlayedToday;
let feedback: PlayedFeedback;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const dir = await builtRenderer();
  const clock = new ManualClock(FIRST_DAY_MS);
  server = await startStationServer(dir, { clock });
  played = playTransparencyOffice(server.khiu.office, clock);
  feedback = await playFeedback(server.khiu.office, clock);
  // The chain is checked on a worker; the page is opened once the first check is in.
  for (let i = 0; i < 100; i += 1) {
    const res = await fetch(`${server.url}/api/transparency`);
    if (((await res.json()) as Transparency).ledger.verified !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(viewport: { width: number; height: number }, lang: 'th' | 'en' = 'th') {
  const context = await browser.newContext({ viewport });
  if (lang === 'en') await context.addInitScript(() => localStorage.setItem('khiu.lang', 'en'));
  const page = await context.newPage();
  await page.goto(`${server.url}/transparency`);
  await page.getByTestId('transparency-period').waitFor();
  return { page, close: () => context.close() };
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

describe('the public transparency page', () => {
  for (const [name, viewport] of Object.entries({ phone: PHONE, hall: HALL })) {
    it(`shows today's fairness, an out-of-turn call with its reason, satisfaction and the ledger check in Thai (${name})`, async () => {
      const { page, close } = await open(viewport);
      try {
        await expect.poll(() => page.locator('h1').textContent()).toBe('ความโปร่งใสในการให้บริการ');
        // Thai service names, with the share of calls in order.
        const a = page.getByTestId('service-A');
        await expect.poll(() => a.textContent()).toContain('ชำระภาษี');
        expect(await page.getByTestId('in-order-A').textContent()).toBe('50%');
        // Thursday 19 November 2569 (Buddhist era).
        expect(await page.getByTestId('transparency-period').textContent()).toContain(
          '19 พฤศจิกายน 2569',
        );
        const call = page.getByTestId(`out-of-turn-${played.outOfTurnNumber}`);
        const text = (await call.textContent())!;
        expect(text).toContain('กลับมาพร้อมเอกสารที่ขาด');
        expect(text).toContain(`ช่อง ${played.counterNumber}`);
        expect(text).toMatch(/09:\d\d น\./);
        expect(await page.getByTestId('satisfaction-band').textContent()).toBe('มากที่สุด');
        const ledger = (await page.getByTestId('ledger-verification').textContent())!;
        expect(ledger).toContain('ถูกต้องครบ');
        expect(ledger).toMatch(/ตรวจเมื่อ \d\d:\d\d น\./);
        expect(await page.getByTestId(`ledger-day-${TODAY}`).textContent()).toContain('วันนี้');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${OUT}transparency-${name}-th.png`, fullPage: true });
        for (const part of ['services-title', 'out-of-turn-title', 'ledger-title'])
          await page.locator(`section[aria-labelledby="${part}"]`).screenshot({
            path: `${OUT}transparency-${name}-th-${part.replace('-title', '')}.png`,
          });
      } finally {
        await close();
      }
    });

    it(`shows the survey's five questions and the complaints counted, never their words (${name})`, async () => {
      const { page, close } = await open(viewport);
      try {
        await page.getByTestId('range-week').click();
        await expect
          .poll(() => page.getByTestId('transparency-period').textContent())
          .toMatch(/16\s?–\s?19 พ\.ย\. 2569/);
        const week = (await (
          await fetch(`${server.url}/api/transparency?range=week`)
        ).json()) as Transparency;
        const survey = page.getByTestId('survey-summary');
        await survey.waitFor();
        expect(await survey.locator('h2').textContent()).toBe('แบบสำรวจความพึงพอใจ 5 ด้าน');
        expect(await page.getByTestId('survey-count').textContent()).toContain(
          `จากแบบสำรวจ ${week.survey.n} ชุด`,
        );
        expect(week.survey.n).toBe(feedback.surveys.length);
        for (const q of week.survey.questions) {
          const row = (await page.getByTestId(`survey-row-${q.question}`).textContent())!;
          expect(row).toContain(q.label.th);
          expect(row).toContain(q.mean!.toFixed(2));
          expect(row).toContain(`S.D. ${q.sd!.toFixed(2)}`);
          expect(row).toContain(q.band!.th);
        }
        const month = page.getByTestId('complaint-month-2026-11');
        expect(await month.locator('h3').textContent()).toBe('พฤศจิกายน 2569');
        expect(await page.getByTestId('complaints-received-2026-11').textContent()).toBe(
          String(feedback.complaints.length),
        );
        expect(await page.getByTestId('complaints-resolved-2026-11').textContent()).toBe('2');
        expect(await page.getByTestId('complaint-kind-2026-11-skipped').textContent()).toMatch(
          /ถูกข้ามคิว\s*2/,
        );
        // The one-press ratings stay beside the survey.
        await page.getByTestId('satisfaction-band').waitFor();
        const body = (await page.locator('body').textContent())!;
        for (const secret of [
          ...Object.values(SECRET),
          ...feedback.complaints.map((c) => c.reference),
        ])
          expect(body.includes(secret), secret).toBe(false);
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${OUT}transparency-${name}-th-week.png`, fullPage: true });
        for (const part of ['survey-title', 'complaints-title'])
          await page.locator(`section[aria-labelledby="${part}"]`).screenshot({
            path: `${OUT}transparency-${name}-th-${part.replace('-title', '')}.png`,
          });
        await page.getByRole('button', { name: 'English' }).click();
        await expect
          .poll(() => survey.locator('h2').textContent())
          .toBe('Five-question satisfaction survey');
        expect(await month.locator('h3').textContent()).toBe('November 2026');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        for (const part of ['survey-title', 'complaints-title'])
          await page.locator(`section[aria-labelledby="${part}"]`).screenshot({
            path: `${OUT}transparency-${name}-en-${part.replace('-title', '')}.png`,
          });
      } finally {
        await close();
      }
    });

    it(`switches to English and to this month (${name})`, async () => {
      const { page, close } = await open(viewport);
      try {
        await page.getByRole('button', { name: 'English' }).click();
        await expect.poll(() => page.locator('h1').textContent()).toBe('Service transparency');
        await page.getByTestId('range-month').click();
        await expect
          .poll(() => page.getByTestId('transparency-period').textContent())
          .toMatch(/1\s?–\s?19 Nov 2026/);
        expect(page.url()).toContain('range=month');
        expect(await page.getByTestId('out-of-turn-list').locator('li').count()).toBeGreaterThan(1);
        expect(await page.getByTestId('ledger-verification').textContent()).toContain(
          'entries hold',
        );
        // Signed days of the month are listed with their heads.
        expect(await page.getByTestId('ledger-day-2026-11-18').textContent()).toContain('signed');
        expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: `${OUT}transparency-${name}-en-month.png`, fullPage: true });
      } finally {
        await close();
      }
    });
  }

  it('shows the week in Thai with the Buddhist-era range and no horizontal scroll on a phone', async () => {
    const { page, close } = await open(PHONE);
    try {
      await page.getByTestId('range-week').click();
      await expect
        .poll(() => page.getByTestId('transparency-period').textContent())
        .toMatch(/16\s?–\s?19 พ\.ย\. 2569/);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${OUT}transparency-phone-th-week.png` });
    } finally {
      await close();
    }
  });
});
