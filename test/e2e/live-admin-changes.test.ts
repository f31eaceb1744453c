import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { QueueRule, Service, Ticket } from '../../server/contract/contract.ts';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, STAFF, startStationServer, type StationServer } from './station-server.ts';

/*
 * Every screen an office keeps open all day, open at once, while the admin changes the office:
 * each must show the change without a reload. A page that reloaded loses `window.khiuOpenSince`.
 */

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

let server: StationServer;
let browser: Browser;
const pages = new Map<string, Page>();
/** How long each change took to show on each page (ms), for the record; not asserted. */
const shownAfter: Record<string, Record<string, number>> = {};

type Viewport = { width: number; height: number };

async function context(viewport: Viewport, signIn?: { username: string; password: string }) {
  const ctx = await browser.newContext({ viewport });
  if (signIn) {
    const res = await ctx.request.post(server.url + '/api/session', {
      data: { ...signIn, counterId: 1 },
    });
    expect(res.status()).toBe(200);
  }
  return ctx;
}

async function open(name: string, path: string, ctx: Awaited<ReturnType<typeof context>>) {
  const page = await ctx.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  pages.set(name, page);
  return page;
}

const bodyText = (page: Page) => page.locator('body').innerText();

/** Waits until every named page shows `text`, recording how long each took after `since`. */
async function shownOn(change: string, names: string[], text: string, since: number) {
  shownAfter[change] ??= {};
  await Promise.all(
    names.map(async (name) => {
      const page = pages.get(name)!;
      await expect.poll(() => bodyText(page), { timeout: 10_000, interval: 20 }).toContain(text);
      shownAfter[change]![name] = Date.now() - since;
    }),
  );
}

let serviceA: Service;
let ticket: Ticket;

beforeAll(async () => {
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
  serviceA = (await server.asAdmin<Service[]>('GET', '/api/services')).body.find(
    (s) => s.code === 'A',
  )!;
  const issued = await fetch(server.url + '/api/tickets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId: serviceA.id }),
  });
  ticket = ((await issued.json()) as { ticket: Ticket }).ticket;

  const rating = await server.asAdmin<{ pairingPath: string }>('POST', '/api/stations', {
    name: 'rating-1',
    kind: 'rating',
    counterId: 1,
  });
  expect(rating.status).toBe(201);

  await open('kiosk', '/kiosk', await context(KIOSK_PORTRAIT));
  await open('display', '/display', await context(KIOSK_LANDSCAPE));
  await open('standards', '/standards', await context(KIOSK_LANDSCAPE));
  await open('ticket', `/t/${ticket.id}`, await context({ width: 390, height: 844 }));
  await open('rate', rating.body.pairingPath, await context({ width: 1280, height: 800 }));
  const counter = await open('counter', '/counter', await context(KIOSK_LANDSCAPE, STAFF));
  const manager = await open(
    'manager',
    '/manager',
    await context(KIOSK_LANDSCAPE, { username: 'admin', password: ADMIN_PASSWORD }),
  );

  // The counter calls the ticket, so its service's name is on the counter's screen too.
  await counter.getByTestId('call-next').click();
  await counter.getByTestId('current-number').filter({ hasText: ticket.number }).waitFor();
  await manager.getByRole('tab', { name: 'ตอนนี้' }).click();
  await manager.getByTestId('live').waitFor();
  await pages.get('rate')!.getByTestId('rate-counter').filter({ hasText: 'ช่องบริการ 1' }).waitFor();
  for (const page of pages.values()) {
    await page.evaluate(() => {
      (window as unknown as { khiuOpenSince: number }).khiuOpenSince = Date.now();
    });
  }
}, 180_000);

afterAll(async () => {
  console.log(JSON.stringify({ figure: 'admin change shown on open screens (ms)', shownAfter }));
  await browser?.close();
  await server?.close();
});

describe('admin changes reach every open screen without a reload', () => {
  it('shows a renamed service (Thai only) on the kiosk, display, counter, standards, ticket page and manager', async () => {
    const renamed = 'ขอหนังสือรับรองถิ่นที่อยู่ฉบับใหม่';
    for (const name of ['kiosk', 'display', 'counter', 'standards', 'ticket', 'manager'])
      expect(await bodyText(pages.get(name)!)).toContain(serviceA.name.th);
    const since = Date.now();
    const res = await server.asAdmin('PATCH', `/api/services/${serviceA.id}`, {
      name: { th: renamed },
    });
    expect(res.status).toBe(200);
    await shownOn(
      'service renamed',
      ['kiosk', 'display', 'counter', 'standards', 'ticket', 'manager'],
      renamed,
      since,
    );
  });

  it('shows a changed office name on the kiosk, display, counter and standards', async () => {
    const office = 'เทศบาลตำบลบ้านทดสอบสด';
    const since = Date.now();
    expect((await server.asAdmin('PUT', '/api/office', { th: office, en: '' })).status).toBe(200);
    await shownOn('office renamed', ['kiosk', 'display', 'counter', 'standards'], office, since);
  });

  it('posts a changed calling rule on the standards page', async () => {
    const rule = (await server.asAdmin<QueueRule>('GET', '/api/queue/rule')).body;
    const since = Date.now();
    const res = await server.asAdmin<QueueRule>('PUT', '/api/queue/rule', {
      timeZone: rule.timeZone,
      priority: { prefix: 'Q', everyNormal: 4 },
      recallLimit: 2,
    });
    expect(res.status).toBe(200);
    await shownOn('rule changed', ['standards'], 'ซึ่งจะถูกเรียก 1 คิว ทุกครั้งที่เรียกคิวปกติครบ 4 คิว', since);
    expect(await bodyText(pages.get('standards')!)).toContain('ช่องทางพิเศษ (Q)');
    expect(await bodyText(pages.get('standards')!)).toContain('เรียกซ้ำได้ไม่เกิน 2 ครั้ง');
    mkdirSync(OUT, { recursive: true });
    await pages.get('standards')!.screenshot({ path: OUT + 'standards-after-live-rule.png' });
  });

  it('takes a deactivated service off the kiosk and the standards, and a new fee onto the standards', async () => {
    const services = (await server.asAdmin<Service[]>('GET', '/api/services')).body;
    const f = services.find((s) => s.code === 'F')!;
    const b = services.find((s) => s.code === 'B')!;
    const kiosk = pages.get('kiosk')!;
    const standards = pages.get('standards')!;
    expect(await kiosk.getByTestId('service-F').count()).toBe(1);
    expect(await standards.getByTestId('standard-F').count()).toBe(1);
    expect((await server.asAdmin('PATCH', `/api/services/${f.id}`, { active: false })).status).toBe(
      200,
    );
    expect(
      (
        await server.asAdmin('PATCH', `/api/services/${b.id}`, {
          fee: 35,
          feeNote: { th: 'ค่าคัดสำเนา' },
        })
      ).status,
    ).toBe(200);
    await expect.poll(() => kiosk.getByTestId('service-F').count(), { timeout: 10_000 }).toBe(0);
    await expect
      .poll(() => standards.getByTestId('standard-F').count(), { timeout: 10_000 })
      .toBe(0);
    await expect
      .poll(() => standards.getByTestId('standard-B').innerText(), { timeout: 10_000 })
      .toContain('35 บาท (ค่าคัดสำเนา)');
  });

  it('shows a renumbered counter on its rating screen', async () => {
    const since = Date.now();
    expect((await server.asAdmin('PATCH', '/api/counters/1', { number: 21 })).status).toBe(200);
    await shownOn('counter renumbered', ['rate'], 'ช่องบริการ 21', since);
    await expect
      .poll(() => pages.get('display')!.getByTestId('serving-21').count(), { timeout: 10_000 })
      .toBe(1);
  });

  it('never reloaded a page to show any of it', async () => {
    for (const [name, page] of pages) {
      const mark = await page.evaluate(
        () => (window as unknown as { khiuOpenSince?: number }).khiuOpenSince,
      );
      expect(mark, name).toBeTypeOf('number');
    }
  });
});
