import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startStationServer, type StationServer } from './station-server.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { MUNICIPAL_OFFICE_HOURS } from '../../server/core/office-hours.ts';
import { feeText } from '../../renderer/src/lib/format/fee.ts';
import type { OfficeHours } from '../../server/contract/contract.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const at = (local: string): number => Date.parse(`${local}+07:00`);
const SYSTEM = { kind: 'system', reason: 'test' } as const;

let server: StationServer;
let browser: Browser;
let clock: ManualClock;
let context: BrowserContext;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  clock = new ManualClock(at('2026-11-30T10:00:00')); // a Monday
  server = await startStationServer(await builtRenderer(), { clock });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Each test starts from an open office on Monday at 10:00 with every counter open and no
 * hours set. Set-up goes through the office's own commands: the clock moves across days here,
 * past any session, and the commands publish to the screens as the API would.
 */
beforeEach(async () => {
  await context?.close();
  clock.set(at('2026-11-30T10:00:00'));
  const { admin, ctx } = server.khiu.office;
  admin.setOfficeHours(null, SYSTEM);
  for (const counter of ctx.counters()) admin.setCounterStatus(counter.id, 'open', null, SYSTEM);
  context = await browser.newContext({ viewport: KIOSK_PORTRAIT });
});

const tile = (page: Page, code: string) => page.getByTestId(`service-${code}`);
const ledgerLength = () => server.khiu.office.ctx.store.ledger.head().seq;
const serviceId = (code: string) =>
  [...server.khiu.office.ctx.services().values()].find((s) => s.code === code)!.id;

async function openKiosk(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(server.url + '/kiosk');
  await tile(page, 'A').waitFor();
  return page;
}

async function expectUnavailable(page: Page, code: string, reason: string): Promise<void> {
  await expect
    .poll(() => tile(page, code).getAttribute('data-available'), { timeout: 5000 })
    .toBe('false');
  expect(await tile(page, code).getByTestId('unavailable-reason').innerText()).toBe(reason);
  expect(await tile(page, code).isDisabled()).toBe(true);
}

/** A finger on the tile, wherever it is: a disabled button takes no click, so nothing is issued. */
async function tapCentre(page: Page, code: string): Promise<void> {
  const box = (await tile(page, code).boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

describe('the kiosk shows what it will not issue, and issues nothing for it', () => {
  it('makes a service unavailable when its only counter closes, and a tap issues nothing', async () => {
    const page = await openKiosk();
    server.khiu.office.admin.setCounterStatus(2, 'closed', null, SYSTEM); // B is counter 2's alone
    await expectUnavailable(page, 'B', 'ช่องบริการปิด');
    // D is counter 4's too: it still issues.
    expect(await tile(page, 'D').getAttribute('data-available')).toBe('true');
    const before = ledgerLength();
    await tapCentre(page, 'B');
    await page.waitForTimeout(300);
    expect(await page.getByTestId('confirm').count()).toBe(0);
    expect(await page.getByTestId('issued').count()).toBe(0);
    expect(ledgerLength()).toBe(before);
    // Back open: the tile follows, live.
    server.khiu.office.admin.setCounterStatus(2, 'open', null, SYSTEM);
    await expect.poll(() => tile(page, 'B').getAttribute('data-available')).toBe('true');
  });

  it('tells a paused counter’s reason, in Thai and in English', async () => {
    const page = await openKiosk();
    server.khiu.office.admin.setCounterStatus(2, 'paused', 'พักกลางวัน', SYSTEM);
    await expectUnavailable(page, 'B', 'พักชั่วคราว: พักกลางวัน');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await tile(page, 'B').getByTestId('unavailable-reason').innerText()).toBe(
      'Paused: พักกลางวัน',
    );
  });

  it('stops one service at its own last ticket and says when it issues again', async () => {
    const hours: OfficeHours = {
      ...MUNICIPAL_OFFICE_HOURS,
      serviceLastTicket: [{ serviceId: serviceId('B'), lastTicket: '15:00' }],
    };
    clock.set(at('2026-11-30T15:30:00'));
    const page = await openKiosk();
    server.khiu.office.admin.setOfficeHours(hours, SYSTEM);
    await expectUnavailable(page, 'B', 'หมดเวลารับบัตรคิววันนี้ เปิดรับ วันอังคาร 08:30 น.');
    expect(await tile(page, 'A').getAttribute('data-available')).toBe('true');
    const refused = await fetch(server.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: serviceId('B') }),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'service_closed_for_today',
    );
  });

  it('says when it opens outside office hours, and the server refuses a ticket then', async () => {
    server.khiu.office.admin.setOfficeHours(MUNICIPAL_OFFICE_HOURS, SYSTEM);
    clock.set(at('2026-12-05T04:05:00')); // Saturday, before dawn
    const page = await context.newPage();
    await page.goto(server.url + '/kiosk');
    await page.getByTestId('kiosk-closed').waitFor();
    expect(await page.getByTestId('kiosk-opens').innerText()).toBe('เปิดให้บริการ วันจันทร์ 08:30 น.');
    expect(await page.getByText('7 ธันวาคม 2569').count()).toBe(1);
    expect(await page.getByTestId('service-A').count()).toBe(0);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: OUT + 'kiosk-closed-1080x1920.png' });
    await page.setViewportSize(KIOSK_LANDSCAPE);
    await page.screenshot({ path: OUT + 'kiosk-closed-1920x1080.png' });
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByTestId('kiosk-opens').innerText()).toBe('Opens Monday 08:30');

    const before = ledgerLength();
    const refused = await fetch(server.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: serviceId('A') }),
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'office_closed',
    );
    expect(ledgerLength()).toBe(before);

    // Monday morning: the kiosk asks for the new state when the hours said it would change.
    clock.set(at('2026-12-07T08:30:00'));
    server.khiu.office.admin.setOfficeHours(MUNICIPAL_OFFICE_HOURS, SYSTEM);
    await tile(page, 'A').waitFor({ timeout: 5000 });
  });
});

describe('office hours set in the Office tab', () => {
  it('saves the usual municipal hours from /admin, and a kiosk on Sunday says when it opens', async () => {
    const admin = await context.newPage();
    const signIn = await context.request.post(server.url + '/api/session', {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    await admin.goto(server.url + '/admin');
    await admin.getByRole('tab', { name: 'สำนักงาน' }).click();
    const section = admin.getByTestId('office-hours');
    await section.getByRole('button', { name: 'ใช้เวลามาตรฐานเทศบาล' }).click();
    await section.getByRole('button', { name: 'บันทึกเวลาทำการ' }).click();
    await section.getByRole('status').waitFor();
    expect(server.khiu.office.ctx.officeHours()).toEqual(MUNICIPAL_OFFICE_HOURS);

    clock.set(at('2026-12-06T10:00:00')); // Sunday
    const kiosk = await context.newPage();
    await kiosk.goto(server.url + '/kiosk');
    expect(await kiosk.getByTestId('kiosk-opens').innerText()).toBe('เปิดให้บริการ วันจันทร์ 08:30 น.');
  });
});

describe('documents and fee before the number', () => {
  it('shows what to bring and the posted fee, and issues on the second tap', async () => {
    const page = await openKiosk();
    await tile(page, 'F').click();
    const confirm = page.getByTestId('confirm');
    await confirm.waitFor();
    const service = [...server.khiu.office.ctx.services().values()].find((s) => s.code === 'F')!;
    const documents = await confirm.getByTestId('confirm-documents').locator('li').allInnerTexts();
    expect(documents).toEqual(service.documents.map((d) => d.th));
    expect(await confirm.getByTestId('confirm-fee').innerText()).toBe(feeText(service).th);
    await page.screenshot({ path: OUT + 'kiosk-confirm-1080x1920.png' });
    await page.getByTestId('confirm-issue').click();
    expect(await page.getByTestId('issued-number').innerText()).toMatch(/^F\d{3}$/);
  });

  it('goes back to the start without a ticket when the citizen steps back', async () => {
    const page = await openKiosk();
    const before = ledgerLength();
    await tile(page, 'A').click();
    expect(await page.getByTestId('confirm-fee').innerText()).toBe(
      feeText([...server.khiu.office.ctx.services().values()].find((s) => s.code === 'A')!).th,
    );
    await page.getByTestId('confirm-back').click();
    await tile(page, 'A').waitFor();
    expect(ledgerLength()).toBe(before);
  });

  it('disables the confirm button with the reason when the service stops issuing meanwhile', async () => {
    const page = await openKiosk();
    await tile(page, 'B').click();
    await page.getByTestId('confirm').waitFor();
    server.khiu.office.admin.setCounterStatus(2, 'paused', 'ประชุม', SYSTEM);
    await expect.poll(() => page.getByTestId('confirm-issue').isDisabled()).toBe(true);
    expect(await page.getByTestId('confirm').getByRole('alert').innerText()).toBe(
      'พักชั่วคราว: ประชุม',
    );
  });

  it('returns to the start on its own when nobody confirms', async () => {
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(server.url + '/kiosk');
    await tile(page, 'A').waitFor();
    await tile(page, 'A').click();
    await page.getByTestId('confirm').waitFor();
    await page.clock.runFor(46_000);
    await tile(page, 'A').waitFor({ timeout: 5000 });
    expect(await page.getByTestId('confirm').count()).toBe(0);
  });
});
