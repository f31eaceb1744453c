import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/** Kiosk screens offices use: a portrait totem, a portrait tablet, a TV, a small landscape PC. */
const SIZES = [
  { width: 1080, height: 1920 },
  { width: 768, height: 1024 },
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
];
const COUNTS = [4, 8, 12, 16];
/** A finger needs this much in each direction. */
const MIN_TAP_PX = 64;

/** Ten more services with long Thai names, stacked vowels and tone marks (ป้, ปั๊, ฎี, ฐุ). */
const EXTRA = [
  ['G', 'ขออนุญาตตัดต้นไม้และกิ่งไม้ในที่สาธารณะริมถนน'],
  ['H', 'ขอรับเบี้ยยังชีพผู้สูงอายุ ผู้พิการ และผู้ป่วยเอดส์'],
  ['J', 'ขออนุญาตติดตั้งป้ายโฆษณาชั่วคราวในเขตเทศบาล'],
  ['K', 'ขอใช้รถบรรทุกน้ำและรถกู้ภัยในกรณีฉุกเฉิน'],
  ['L', 'ขอหนังสือรับรองสิ่งปลูกสร้างเพื่อยื่นธนาคาร'],
  ['M', 'แจ้งเรื่องร้องเรียนร้องทุกข์และข้อเสนอแนะ'],
  ['N', 'ขอสำเนาเอกสารราชการและฎีกาเบิกจ่าย'],
  ['Q', 'ขออนุญาตขุดดินถมดินและปั๊มน้ำบาดาล'],
  ['R', 'ขึ้นทะเบียนสุนัขและแมวพร้อมรับวัคซีน'],
  ['S', 'ขอรับการสงเคราะห์ฐานะยากจนและผู้ด้อยโอกาส'],
] as const;

let server: StationServer;
let browser: Browser;
let ids: number[] = [];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
  for (const [code, th] of EXTRA) {
    const created = await server.asAdmin('POST', '/api/services', {
      code,
      name: { th, en: `Service ${code} with a long English name for the tile` },
      steps: [
        {
          title: { th: 'รับคำขอ', en: 'Receive the request' },
          minutes: 10,
          responsible: 'งานธุรการ',
        },
      ],
      documents: [{ th: 'บัตรประจำตัวประชาชน', en: 'Thai national ID card' }],
      fee: 0,
      feeNote: null,
      targetWaitMinutes: 20,
      active: true,
    });
    expect(created.status).toBe(201);
  }
  const services = await server.asAdmin<{ id: number }[]>('GET', '/api/services');
  ids = services.body.map((s) => s.id);
  // One counter serves them all, so every tile shows as issuing.
  const counter = await server.asAdmin('POST', '/api/counters', {
    name: 'ช่องบริการ 5 บริการรวม',
    number: 5,
    serviceIds: ids,
  });
  expect(counter.status).toBe(201);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Keeps the first `count` services active and the rest off the kiosk. */
async function offer(count: number): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const res = await server.asAdmin('PATCH', `/api/services/${id}`, { active: i < count });
    expect(res.status).toBe(200);
  }
}

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const overlaps = (a: Box, b: Box): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box): boolean =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;

/** Every tile on screen, apart, big enough to tap, its Thai name whole inside it. */
async function checkTiles(page: Page, count: number, size: { width: number; height: number }) {
  const tiles = page.locator('[data-testid^="service-"][data-available]');
  expect(await tiles.count()).toBe(count);
  const boxes: Box[] = [];
  for (let i = 0; i < count; i += 1) {
    const tile = tiles.nth(i);
    const box = (await tile.boundingBox())!;
    const where = `${count} services at ${size.width}×${size.height}, tile ${i + 1}`;
    expect(box.width, where).toBeGreaterThanOrEqual(MIN_TAP_PX);
    expect(box.height, where).toBeGreaterThanOrEqual(MIN_TAP_PX);
    expect(inside(box, { x: 0, y: 0, ...size }), where).toBe(true);
    for (const other of boxes) expect(overlaps(box, other), where).toBe(false);
    boxes.push(box);
    // The name is whole: inside the tile's padding, nothing cut off at the tile's edge
    // (Thai marks above and below included), and large enough to read.
    const name = tile.getByTestId('service-name');
    const nameBox = (await name.boundingBox())!;
    expect(inside(nameBox, box), `${where}: name inside the tile`).toBe(true);
    const fit = await tile.evaluate((el) => {
      const nameEl = el.querySelector('[data-testid="service-name"]') as HTMLElement;
      const style = getComputedStyle(nameEl);
      const tileStyle = getComputedStyle(el);
      const outer = el.getBoundingClientRect();
      // The glyph boxes of every line of text (ascent to descent: room for marks above and below).
      const range = document.createRange();
      range.selectNodeContents(el.querySelector('.text')!);
      const text = range.getBoundingClientRect();
      return {
        textTop: text.top,
        textBottom: text.bottom,
        textLeft: text.left,
        textRight: text.right,
        innerTop: outer.top + parseFloat(tileStyle.borderTopWidth),
        innerBottom: outer.bottom - parseFloat(tileStyle.borderBottomWidth),
        innerLeft: outer.left + parseFloat(tileStyle.borderLeftWidth),
        innerRight: outer.right - parseFloat(tileStyle.borderRightWidth),
        nameOverflow: nameEl.scrollHeight - nameEl.clientHeight,
        fontPx: parseFloat(style.fontSize),
        lineHeight: parseFloat(style.lineHeight) / parseFloat(style.fontSize),
      };
    });
    expect(fit.textTop, `${where}: text starts inside the tile`).toBeGreaterThanOrEqual(
      fit.innerTop - 0.5,
    );
    expect(fit.textBottom, `${where}: text ends inside the tile`).toBeLessThanOrEqual(
      fit.innerBottom + 0.5,
    );
    expect(fit.textLeft, `${where}: text inside on the left`).toBeGreaterThanOrEqual(
      fit.innerLeft - 0.5,
    );
    expect(fit.textRight, `${where}: text inside on the right`).toBeLessThanOrEqual(
      fit.innerRight + 0.5,
    );
    expect(fit.nameOverflow, `${where}: name not clipped`).toBeLessThanOrEqual(0);
    expect(fit.fontPx, `${where}: name size`).toBeGreaterThanOrEqual(18);
    expect(fit.lineHeight, `${where}: room for vowels and tone marks`).toBeGreaterThanOrEqual(1.3);
  }
}

describe('the kiosk from 4 to 16 services', () => {
  for (const count of COUNTS) {
    it(`lays out ${count} services apart, tappable and legible at every kiosk size`, async () => {
      await offer(count);
      for (const size of SIZES) {
        const context = await browser.newContext({ viewport: size });
        const page = await context.newPage();
        await page.goto(server.url + '/kiosk');
        await page.evaluate(() => document.fonts.ready);
        await expect
          .poll(() => page.locator('[data-testid^="service-"][data-available]').count())
          .toBe(count);
        if (count === 4 || count === 16) {
          await page.screenshot({
            path: `${OUT}kiosk-${count}-services-${size.width}x${size.height}.png`,
          });
        }
        await checkTiles(page, count, size);
        await context.close();
      }
    });
  }
});
