import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { STAFF, startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const DESK = { width: 1366, height: 768 };
const WIDE = { width: 1920, height: 1080 };

let server: StationServer;
let browser: Browser;
/** A service posting six steps, served at counter 4 only, so the desk is at its fullest. */
let longServiceId: number;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
  const created = await server.asAdmin<{ service: { id: number } }>('POST', '/api/services', {
    code: 'G',
    name: { th: 'ขอใบอนุญาตประกอบกิจการที่เป็นอันตรายต่อสุขภาพ', en: 'Health-hazard business licence' },
    steps: [
      ['รับคำขอและตรวจเอกสารหลักฐาน', 'Receive the application and check documents', 10],
      ['ตรวจสถานที่ประกอบกิจการ', 'Inspect the premises', 30],
      ['พิจารณาความเห็นของเจ้าพนักงานสาธารณสุข', 'Health officer review', 15],
      ['เสนอผู้มีอำนาจลงนาม', 'Submit for signature', 10],
      ['รับชำระค่าธรรมเนียม', 'Receive the fee', 5],
      ['ออกใบอนุญาต', 'Issue the licence', 5],
    ].map(([th, en, minutes]) => ({
      title: { th, en },
      minutes,
      responsible: 'กองสาธารณสุขและสิ่งแวดล้อม',
    })),
    fee: 500,
    targetWaitMinutes: 20,
  });
  expect(created.status).toBe(201);
  longServiceId = created.body.service.id;
  const counter = await server.asAdmin('PATCH', '/api/counters/4', {
    serviceIds: [longServiceId],
  });
  expect(counter.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openCounter(counterId: number, viewport = DESK): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const res = await context.request.post(server.url + '/api/session', {
    data: { ...STAFF, counterId },
  });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + '/counter');
  await page.getByRole('heading', { name: new RegExp(`ช่องบริการ ${counterId}`) }).waitFor();
  return page;
}

/** Issues a ticket of the service and serves it at the page's counter; returns its number. */
async function serveOne(page: Page, serviceId: number): Promise<string> {
  const issued = await server.asAdmin<{ ticket: { number: string } }>('POST', '/api/tickets', {
    serviceId,
  });
  await page.getByTestId(`waiting-${issued.body.ticket.number}`).waitFor();
  await page.getByTestId('call-next').click();
  await page.getByTestId('start').click();
  await page.getByTestId('step-timers').waitFor();
  return issued.body.ticket.number;
}

/** Whether the whole element is inside the viewport, with nothing to scroll to reach it. */
async function fullyVisible(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  const scrolled = await page.evaluate(() => window.scrollY);
  return (
    box !== null &&
    scrolled === 0 &&
    box.y >= 0 &&
    box.x >= 0 &&
    box.y + box.height <= viewport.height &&
    box.x + box.width <= viewport.width
  );
}

describe('the counter screen times each posted step on the server', () => {
  it('records steps started and finished, and shows them again after a reload', async () => {
    const page = await openCounter(1);
    await serveOne(page, 1);
    await page.getByTestId('step-1-start').click();
    await expect.poll(() => page.getByTestId('step-1').getAttribute('data-state')).toBe('current');
    // One step at a time: the others wait until it is done.
    expect(await page.getByTestId('step-2-start').isDisabled()).toBe(true);
    await page.getByTestId('step-1-finish').click();
    await expect.poll(() => page.getByTestId('step-1').getAttribute('data-state')).toBe('done');
    await page.getByTestId('step-2-start').click();
    await expect.poll(() => page.getByTestId('step-2').getAttribute('data-state')).toBe('current');

    await page.reload();
    await page.getByTestId('step-timers').waitFor();
    await expect.poll(() => page.getByTestId('step-1').getAttribute('data-state')).toBe('done');
    expect(await page.getByTestId('step-2').getAttribute('data-state')).toBe('current');
    expect(await page.getByTestId('step-3').getAttribute('data-state')).toBe('next');
    expect(await page.getByTestId('step-1-clock').textContent()).toMatch(/^\s*0:0\d \/ 5/);

    // Finishing the service ends the step still running, and the server has both.
    const queue = await server.asAdmin<{
      nowServing: { counterId: number; ticket: { id: string } | null }[];
    }>('GET', '/api/queue');
    const id = queue.body.nowServing.find((n) => n.counterId === 1)!.ticket!.id;
    await page.getByTestId('finish').click();
    await page.getByTestId('call-next').waitFor();
    const recorded = await server.asAdmin<{
      steps: { order: number; finishedAt: string | null }[];
    }>('GET', `/api/tickets/${id}/steps`);
    expect(recorded.body.steps.map((step) => [step.order, step.finishedAt !== null])).toEqual([
      [1, true],
      [2, true],
    ]);
    expect((await server.asAdmin<{ ok: boolean }>('GET', '/api/ledger/verify')).body.ok).toBe(true);
  });

  it('fits the ticket, its step timers and the main actions on a 1366×768 screen, and on 1920×1080', async () => {
    for (const [viewport, name] of [
      [DESK, 'counter-serving-1366x768'],
      [WIDE, 'counter-serving-1920x1080'],
    ] as const) {
      const page = await openCounter(4, viewport);
      // A queue behind the citizen being served, so the waiting list is not empty either.
      for (let i = 0; i < 8; i += 1)
        await server.asAdmin('POST', '/api/tickets', { serviceId: longServiceId });
      await page.locator('[data-testid^="waiting-G"]').first().waitFor();
      await page.getByTestId('call-next').click();
      await page.getByTestId('start').click();
      await page.getByTestId('step-timers').waitFor();
      await page.getByTestId('step-1-start').click();
      await expect
        .poll(() => page.getByTestId('step-1').getAttribute('data-state'))
        .toBe('current');
      // The picture shows the line as it is: the ticket at the counter has left it.
      const serving = await page.getByTestId('current-number').textContent();
      await page.getByTestId(`waiting-${serving}`).waitFor({ state: 'detached' });
      await page.screenshot({ path: join(OUT, `${name}.png`) });
      for (const what of ['current-number', 'step-timers', 'current-actions', 'finish', 'step-6']) {
        expect(await fullyVisible(page, page.getByTestId(what)), `${what} at ${name}`).toBe(true);
      }
      await page.getByTestId('finish').click();
      await page.getByTestId('call-next').waitFor();
      await page.context().close();
    }
  });

  it('shows the waiting list and a confirmation on 1366×768', async () => {
    const page = await openCounter(4, DESK);
    for (let i = 0; i < 3; i += 1)
      await server.asAdmin('POST', '/api/tickets', { serviceId: longServiceId });
    await page.getByTestId('call-next').click();
    await page.getByTestId('no-show').click();
    await page.getByTestId('no-show-dialog').waitFor();
    expect(await fullyVisible(page, page.getByTestId('no-show-dialog'))).toBe(true);
    await page.screenshot({ path: join(OUT, 'counter-no-show-dialog-1366x768.png') });
    await page.getByTestId('no-show-dialog-confirm').click();
    await page.getByTestId('call-next').waitFor();
    const first = page.locator('[data-testid^="cancel-"]').first();
    await first.click();
    await page.getByTestId('cancel-dialog').waitFor();
    await page.screenshot({ path: join(OUT, 'counter-cancel-dialog-1366x768.png') });
    await page.getByTestId('cancel-dialog-back').click();
    await page.context().close();
  });
});
