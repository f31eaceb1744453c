import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startStationServer, type StationServer } from './station-server.ts';

let server: StationServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const context = await browser.newContext({ viewport: KIOSK_LANDSCAPE });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  return page;
}

describe('pairing a station screen from /admin', () => {
  it('adds a rating station, shows its pairing link and QR once, and the screen that opens the link rates its counter', async () => {
    const admin = await open('/admin');
    await admin.getByLabel('ชื่อผู้ใช้').fill('admin');
    await admin.getByLabel('รหัสผ่าน').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await admin.getByRole('tab', { name: 'สถานี' }).click();
    await admin.getByTestId('station-name').fill('rating-2');
    await admin.getByTestId('station-kind').selectOption('rating');
    await admin.getByTestId('station-counter').selectOption('2');
    await admin.getByTestId('station-add').click();
    const link = (await admin.getByTestId('pairing-link').textContent())!.trim();
    expect(link).toMatch(
      new RegExp(`^${server.url}/pair\\?token=[A-Za-z0-9_-]{43}&next=%2Frate%2F2$`),
    );
    expect(await admin.locator('[data-testid=station-created] .qr svg').count()).toBe(1);
    await admin.getByTestId('station-rating-rating-2').waitFor();

    // Before pairing, the rating screen says so and gets nothing to rate.
    const unpaired = await open('/rate/2');
    await unpaired.getByTestId('rate-unpaired').waitFor();

    const rate = await open(link.replace(server.url, ''));
    expect(rate.url()).toBe(`${server.url}/rate/2`);
    const issued = await server.asAdmin<{ ticket: { id: string } }>('POST', '/api/tickets', {
      serviceId: 2,
    });
    const id = issued.body.ticket.id;
    expect((await server.asAdmin('POST', '/api/counters/2/call-next')).status).toBe(200);
    await server.asAdmin('POST', `/api/tickets/${id}/start`);
    await server.asAdmin('POST', `/api/tickets/${id}/finish`);
    await rate.getByTestId('rate-5').click();
    await rate.getByTestId('rate-thanks').waitFor();
    expect(await unpaired.getByTestId('rate-5').count()).toBe(0);

    // The token was shown once: hidden, it is gone from the page for good.
    await admin.getByRole('button', { name: 'เสร็จแล้ว ซ่อนโทเค็น' }).click();
    await admin.reload();
    await admin.getByRole('tab', { name: 'สถานี' }).click();
    await admin.getByTestId('station-rating-rating-2').waitFor();
    expect(await admin.content()).not.toContain(new URL(link).searchParams.get('token')!);
  });
});
