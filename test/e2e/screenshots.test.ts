import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, STAFF, startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

let server: StationServer;
let browser: Browser;
let ticketId = '';

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
  // A hall with something in it: tickets waiting in several services, one being served.
  for (const serviceId of [1, 1, 2, 3, 5, 6]) {
    const res = await fetch(server.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId }),
    });
    ticketId ||= ((await res.json()) as { ticket: { id: string } }).ticket.id;
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signedInContext(
  viewport: { width: number; height: number },
  username: string,
  password: string,
) {
  const context = await browser.newContext({ viewport });
  const res = await context.request.post(server.url + '/api/session', {
    data: { username, password },
  });
  expect(res.status()).toBe(200);
  return context;
}

/** A browser paired as a station through its /pair link, as the admin would set up its screen. */
async function pairedContext(
  viewport: { width: number; height: number },
  station: { name: string; kind: 'kiosk' | 'rating'; counterId?: number },
) {
  const created = await server.asAdmin<{ pairingPath: string }>('POST', '/api/stations', station);
  expect(created.status).toBe(201);
  const context = await browser.newContext({ viewport });
  const res = await context.request.get(server.url + created.body.pairingPath, { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  return context;
}

/** Waits until the bundled Sarabun has loaded and is the font Thai text is drawn with. */
async function expectSarabun(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  const loaded = await page.evaluate(async () => {
    await document.fonts.load('700 32px Sarabun', 'ขอเชิญ');
    return [...document.fonts].filter(
      (f) => f.family.replace(/"/g, '') === 'Sarabun' && f.status === 'loaded',
    ).length;
  });
  expect(loaded).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.fonts.check('32px Sarabun', 'ขอเชิญหมายเลข'))).toBe(
    true,
  );
}

async function shoot(
  context: BrowserContext,
  path: string,
  name: string,
  size: string,
  ready: (p: Page) => Promise<unknown>,
) {
  const page = await context.newPage();
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url + path);
  await ready(page);
  await expectSarabun(page);
  await page.screenshot({ path: join(OUT, `${name}-${size}.png`) });
  expect(errors).toEqual([]);
  await page.close();
}

describe.each([
  ['portrait', KIOSK_PORTRAIT],
  ['landscape', KIOSK_LANDSCAPE],
])('every screen at the %s kiosk resolution', (_, viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('draws each station in Thai with the bundled Sarabun font', async () => {
    const plain = await browser.newContext({ viewport });
    // Kiosks and rating screens are paired stations (/admin → Stations); the rest need no pairing.
    const kiosk = await pairedContext(viewport, { name: `kiosk-${size}`, kind: 'kiosk' });
    const rating2 = await pairedContext(viewport, {
      name: `rating-2-${size}`,
      kind: 'rating',
      counterId: 2,
    });
    await shoot(plain, '/', 'home', size, (p) => p.getByText('ตู้รับบัตรคิว').first().waitFor());
    await shoot(kiosk, '/kiosk', 'kiosk', size, (p) => p.getByTestId('service-A').waitFor());
    await shoot(plain, '/display', 'display', size, (p) => p.getByTestId('waiting-A').waitFor());
    await shoot(rating2, '/rate/2', 'rate-idle', size, (p) => p.getByText('ยินดีให้บริการ').waitFor());
    await shoot(plain, '/standards', 'standards', size, (p) =>
      p.getByTestId('standard-A').waitFor(),
    );
    await shoot(plain, '/standards?poster=2', 'standards-poster-a4', size, (p) =>
      p.getByTestId('poster').locator('table').waitFor(),
    );
    await shoot(plain, `/t/${ticketId}`, 'ticket-status', size, (p) =>
      p.getByTestId('ticket-status').waitFor(),
    );
    await shoot(plain, '/counter', 'counter-sign-in', size, (p) => p.getByLabel('ชื่อผู้ใช้').waitFor());
    await shoot(kiosk, '/kiosk', 'kiosk-issued', size, async (p) => {
      await p.getByTestId('priority-elderly').click();
      await p.getByTestId('service-C').click();
      // The kiosk shows the documents and fee first; the second tap takes the number.
      await p.getByTestId('confirm-issue').click();
      await p.getByTestId('issued-number').waitFor();
    });
    await plain.close();
    await kiosk.close();
    await rating2.close();

    const staff = await signedInContext(viewport, STAFF.username, STAFF.password);
    // Counter 1 serves A and F, which have tickets waiting from beforeAll.
    await shoot(staff, '/counter?counter=1', 'counter-desk', size, async (p) => {
      await p.getByTestId('call-next').click();
      await p.getByTestId('start').click();
      await p.getByTestId('finish').waitFor();
      await p.getByTestId('total-timer').waitFor();
    });
    await shoot(staff, '/counter?counter=1', 'counter-finished', size, async (p) => {
      await p.getByTestId('finish').click();
      await p.getByTestId('call-next').waitFor();
    });
    // The rating screen is the citizen's: a browser signed in as staff gets nothing to rate.
    const rating1 = await pairedContext(viewport, {
      name: `rating-1-${size}`,
      kind: 'rating',
      counterId: 1,
    });
    await shoot(rating1, '/rate/1', 'rate-asking', size, (p) => p.getByTestId('rate-5').waitFor());
    await rating1.close();
    await shoot(staff, '/display', 'display-after-calls', size, (p) =>
      p.getByTestId('serving-1').waitFor(),
    );
    await staff.close();

    const admin = await signedInContext(viewport, 'admin', ADMIN_PASSWORD);
    await shoot(admin, '/admin', 'admin-services', size, (p) =>
      p.getByText('ชำระภาษีที่ดินและสิ่งปลูกสร้าง').waitFor(),
    );
    await shoot(admin, '/admin', 'admin-counters', size, async (p) => {
      await p.getByRole('tab', { name: 'ช่องบริการ' }).click();
      await p.getByText('ช่องบริการ 4 บริการทั่วไป').waitFor();
    });
    await shoot(admin, '/admin', 'admin-profiles', size, async (p) => {
      await p.getByRole('tab', { name: 'รุ่นเครื่องพิมพ์และป้าย' }).click();
      await p.getByTestId('printer-profile-form').waitFor();
    });
    await admin.close();
  }, 120_000);
});
