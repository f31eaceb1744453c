import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, launchChromium } from './chromium.ts';
import { STAFF, startStationServer, type StationServer } from './station-server.ts';

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

async function signIn(path: string): Promise<Page> {
  const page = await (await browser.newContext({ viewport: KIOSK_LANDSCAPE })).newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  await page.getByLabel('ชื่อผู้ใช้').fill(STAFF.username);
  await page.getByLabel('รหัสผ่าน').fill(STAFF.password);
  await page.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
  return page;
}

/** What the server's session says, asked from inside the page (its cookie is httpOnly). */
const sessionCounter = (page: Page) =>
  page.evaluate(async () => ((await (await fetch('/api/session')).json()) as any).user.counterId);

describe('the counter screen binds a session to one counter', () => {
  it('works the counter a PC is set up for from sign-in, and switches with Change counter', async () => {
    const page = await signIn('/counter?counter=2');
    await page.getByRole('heading', { name: /ช่องบริการ 2/ }).waitFor();
    expect(await sessionCounter(page)).toBe(2);

    await page.getByTestId('change-counter').click();
    await page.getByTestId('pick-counter-3').click();
    await page.getByRole('heading', { name: /ช่องบริการ 3/ }).waitFor();
    expect(await sessionCounter(page)).toBe(3);

    // The desk acts at its new counter; the old one is no longer this session's.
    const issued = await server.asAdmin<{ ticket: { number: string } }>('POST', '/api/tickets', {
      serviceId: 3,
    });
    await page.getByTestId('waiting-' + issued.body.ticket.number).waitFor();
    await page.getByTestId('call-next').click();
    await expect
      .poll(() => page.getByTestId('current-number').textContent())
      .toBe(issued.body.ticket.number);
    const elsewhere = await page.evaluate(async () => {
      const res = await fetch('/api/counters/2/call-next', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return ((await res.json()) as any).error.code;
    });
    expect(elsewhere).toBe('not_your_counter');
  });

  it('asks for the counter after sign-in when the PC is not set up for one', async () => {
    const page = await signIn('/counter');
    await page.getByTestId('pick-counter-1').click();
    await page.getByTestId('call-next').waitFor();
    expect(await sessionCounter(page)).toBe(1);
  });
});
