import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';
import { DISPLAY_SIZES, act, callNext, issue, openDisplay, services } from './display-office.ts';
import type { Service } from '../../server/contract/contract.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
/** Codes for the services beyond the default six (P is the priority lane's prefix). */
const EXTRA_CODES = ['G', 'H', 'J', 'K', 'L', 'M', 'N', 'Q', 'R', 'S'];
const CALLS = 10;

let server: StationServer;
let browser: Browser;
let all: Service[];

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const dir = await builtRenderer();
  server = await startStationServer(dir);
  browser = await launchChromium();
  for (const code of EXTRA_CODES) {
    const res = await server.asAdmin('POST', '/api/services', {
      code,
      name: { th: `บริการทดสอบ ${code} งานทะเบียนและบัตรประจำตัวประชาชน`, en: `Service ${code}` },
      steps: [{ title: { th: 'รับเรื่อง', en: 'Intake' }, minutes: 5, responsible: 'เจ้าหน้าที่' }],
      fee: 0,
      targetWaitMinutes: 15,
    });
    if (res.status !== 201) throw new Error(`service ${code}: ${JSON.stringify(res.body)}`);
  }
  all = await services(server);
  // The day's last calls: ten tickets called (and let go) at counter 1, before any display opens.
  const a = all.find((s) => s.code === 'A')!.id;
  for (let i = 0; i < CALLS; i += 1) await issue(server, a);
  for (let i = 0; i < CALLS; i += 1) {
    const called = await callNext(server, 1);
    await act(server, called.id, i % 2 === 0 ? 'no-show' : 'start');
    if (i % 2 === 1) await act(server, called.id, 'finish');
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The first `count` services are open to the public; the rest are set inactive. */
async function activeServices(count: number): Promise<void> {
  for (const [i, service] of all.entries()) {
    const res = await server.asAdmin('PATCH', `/api/services/${service.id}`, { active: i < count });
    expect(res.status).toBe(200);
  }
}

async function insideViewport(page: Page, rows: Locator): Promise<number> {
  const viewport = page.viewportSize()!;
  const count = await rows.count();
  for (let i = 0; i < count; i += 1) {
    const box = (await rows.nth(i).boundingBox())!;
    expect(box, `row ${i}`).not.toBeNull();
    expect(box.x, `row ${i} left`).toBeGreaterThanOrEqual(0);
    expect(box.y, `row ${i} top`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `row ${i} right`).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box.y + box.height, `row ${i} bottom`).toBeLessThanOrEqual(viewport.height + 0.5);
  }
  return count;
}

describe('the hall display layout', () => {
  for (const count of [1, 6, 12, 16]) {
    it(`shows whole rows of the last calls and every service with ${count} service(s) at 1920×1080, 1366×768 and 1080×1920`, async () => {
      await activeServices(count);
      for (const [size, viewport] of Object.entries(DISPLAY_SIZES)) {
        const page = await openDisplay(browser, server.url, viewport);
        await expect.poll(() => page.locator('[data-testid^="waiting-row-"]').count()).toBe(count);
        await expect.poll(() => page.getByTestId('headline-number').textContent()).toMatch(/A\d+/);
        if (count === 6 || count === 16) {
          await page.screenshot({ path: join(OUT, `display-${size}-${count}-services.png`) });
        }
        const calls = page.getByTestId('last-call');
        await expect.poll(() => calls.count()).toBeGreaterThanOrEqual(4);
        const shown = await insideViewport(page, calls);
        // Nothing is cut: the list shows whole rows only, and the rest of the day's calls are left off.
        expect(shown).toBeLessThanOrEqual(CALLS - 1);
        await insideViewport(page, page.locator('[data-testid^="waiting-row-"]'));
        await insideViewport(page, page.getByTestId('headline'));
        await page.context().close();
      }
    });
  }
});
