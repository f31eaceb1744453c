import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ManualClock } from '../../server/core/clock.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { STAFF, startStationServer, type StationServer } from './station-server.ts';

/*
 * The counter screen against a real server: cancel with a reason from the waiting list, the
 * confirmations before a no-show, closing the counter and a recall past the limit, and the
 * target-wait colour. Each test has its own office (a fresh data directory).
 */
const DESK = { width: 1366, height: 768 };
// The default office: counter 1 serves A (id 1) and F (id 6).
const SERVICE_A = 1;

let browser: Browser;
let staticDir: string;
let server: StationServer;

beforeAll(async () => {
  staticDir = await builtRenderer();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});
beforeEach(async () => {
  server = await startStationServer(staticDir);
}, 60_000);
afterEach(async () => {
  await server?.close();
});

/** The counter screen of `counterId`, signed in as the staff member working it. */
async function openCounter(counterId: number, srv = server): Promise<Page> {
  const context = await browser.newContext({ viewport: DESK });
  const res = await context.request.post(srv.url + '/api/session', {
    data: { ...STAFF, counterId },
  });
  expect(res.status()).toBe(200);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(srv.url + '/counter');
  await page.getByRole('heading', { name: new RegExp(`ช่องบริการ ${counterId}`) }).waitFor();
  return page;
}

const issue = async (serviceId: number, srv = server) =>
  (
    await srv.asAdmin<{ ticket: { id: string; number: string } }>('POST', '/api/tickets', {
      serviceId,
    })
  ).body.ticket;
const ticketOf = async (id: string) =>
  (
    await server.asAdmin<{ ticket: { status: string; recalls: number } }>(
      'GET',
      `/api/tickets/${id}`,
    )
  ).body.ticket;
const counterStatus = async (id: number) =>
  (await server.asAdmin<{ id: number; status: string }[]>('GET', '/api/counters')).body.find(
    (c) => c.id === id,
  )!.status;

describe('the counter screen', () => {
  it('cancels a waiting ticket with a reason, and offers no cancel for the ticket at the counter', async () => {
    const first = await issue(SERVICE_A);
    const second = await issue(SERVICE_A);
    const page = await openCounter(1);
    await page.getByTestId(`waiting-${second.number}`).waitFor();

    // Going back changes nothing.
    await page.getByTestId(`cancel-${second.number}`).click();
    const dialog = page.getByTestId('cancel-dialog');
    await dialog.waitFor();
    expect(await page.getByTestId('cancel-dialog-confirm').isDisabled()).toBe(true);
    await page.getByTestId('cancel-dialog-back').click();
    await dialog.waitFor({ state: 'detached' });
    expect((await ticketOf(second.id)).status).toBe('waiting');

    // Neither does Escape.
    await page.getByTestId(`cancel-${second.number}`).click();
    await dialog.waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await ticketOf(second.id)).status).toBe('waiting');

    await page.getByTestId(`cancel-${second.number}`).click();
    await page.getByTestId('cancel-reason-duplicate_ticket').check();
    await page.getByTestId('cancel-dialog-confirm').click();
    await page.getByTestId(`waiting-${second.number}`).waitFor({ state: 'detached' });
    expect((await ticketOf(second.id)).status).toBe('cancelled');
    const history = await server.asAdmin<{
      chain: { entries: { type: string; detail: string }[] }[];
    }>('GET', `/api/tickets/${second.id}/history`);
    expect(history.body.chain[0]!.entries.at(-1)).toMatchObject({
      type: 'ticket.cancelled',
      detail: expect.stringContaining('reason: duplicate_ticket'),
    });

    // Called and being served: the lifecycle allows no cancel there, so the desk shows none.
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(first.number);
    const current = page.getByTestId('current-ticket');
    expect(await current.getByRole('button', { name: /ยกเลิก/ }).count()).toBe(0);
    await page.getByTestId('start').click();
    await page.getByTestId('finish').waitFor();
    expect(await current.getByRole('button', { name: /ยกเลิก/ }).count()).toBe(0);
  });

  it('asks before a no-show: going back leaves the ticket called, confirming ends it', async () => {
    const ticket = await issue(SERVICE_A);
    const page = await openCounter(1);
    await page.getByTestId(`waiting-${ticket.number}`).waitFor();
    await page.getByTestId('call-next').click();
    await page.getByTestId('no-show').click();
    const dialog = page.getByTestId('no-show-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(ticket.number);
    // Focus starts on going back, so a stray Enter changes nothing.
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    expect((await ticketOf(ticket.id)).status).toBe('called');

    await page.getByTestId('no-show').click();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByTestId('call-next').waitFor();
    expect((await ticketOf(ticket.id)).status).toBe('no_show');
  });

  it('asks before closing the counter', async () => {
    const page = await openCounter(1);
    await page.getByTestId('close-counter').click();
    await page.getByTestId('close-dialog').waitFor();
    await page.getByTestId('close-dialog-back').click();
    expect(await counterStatus(1)).toBe('open');
    await page.getByTestId('close-counter').click();
    await page.getByTestId('close-dialog-confirm').click();
    await page.getByTestId('open-counter').waitFor();
    expect(await counterStatus(1)).toBe('closed');
  });

  it('says so before the recall that the published limit turns into a no-show', async () => {
    const ticket = await issue(SERVICE_A);
    const page = await openCounter(1);
    await page.getByTestId(`waiting-${ticket.number}`).waitFor();
    await page.getByTestId('call-next').click();
    const rule = await server.asAdmin<{ recallLimit: number }>('GET', '/api/queue/rule');
    const limit = rule.body.recallLimit;
    for (let i = 1; i <= limit; i += 1) {
      await page.getByTestId('recall').click();
      await expect.poll(async () => (await ticketOf(ticket.id)).recalls).toBe(i);
    }
    await expect
      .poll(() => page.getByTestId('current-status').textContent())
      .toContain(`${limit}/${limit}`);
    // F3 asks too.
    await page.keyboard.press('F3');
    const dialog = page.getByTestId('recall-limit-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`ไม่เกิน ${limit} ครั้ง`);
    expect(await dialog.textContent()).toContain('ไม่มาตามเรียก');
    await page.getByTestId('recall-limit-dialog-back').click();
    expect(await ticketOf(ticket.id)).toMatchObject({ status: 'called', recalls: limit });

    await page.getByTestId('recall').click();
    await page.getByTestId('recall-limit-dialog-confirm').click();
    await page.getByTestId('call-next').waitFor();
    expect((await ticketOf(ticket.id)).status).toBe('no_show');
  });

  it("colours a wait past its service's target, counting a transferred ticket from its place in time", async () => {
    const clock = new ManualClock(Date.now() - 40 * 60_000);
    const timed = await startStationServer(staticDir, { clock });
    try {
      // Service E (id 5, target 10 minutes) 40 minutes ago, transferred to A (target 15) just now.
      const early = await issue(5, timed);
      clock.set(Date.now() - 60_000);
      const moved = await timed.asAdmin<{ ticket: { number: string; issuedAt: string } }>(
        'POST',
        `/api/tickets/${early.id}/transfer`,
        { serviceId: SERVICE_A },
      );
      expect(moved.status).toBe(200);
      // Its new ticket was issued a minute ago; its place in line is forty minutes old.
      expect(Date.now() - Date.parse(moved.body.ticket.issuedAt)).toBeLessThan(15 * 60_000);
      const fresh = await issue(SERVICE_A, timed);
      const page = await openCounter(1, timed);
      const late = page.getByTestId(`waiting-${moved.body.ticket.number}`);
      await late.waitFor();
      expect(await late.getAttribute('data-past-target')).toBe('true');
      expect(await late.textContent()).toContain('เกินเวลารอเป้าหมาย');
      expect(
        await page.getByTestId(`waiting-${fresh.number}`).getAttribute('data-past-target'),
      ).toBe('false');
    } finally {
      await timed.close();
    }
  });

  it('explains a refusal in a Thai sentence with the code in small print, and in English in English mode', async () => {
    const waiting = await issue(SERVICE_A);
    const other = await issue(SERVICE_A);
    const page = await openCounter(1);
    await page.getByTestId(`waiting-${other.number}`).waitFor();
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-number').textContent()).toBe(waiting.number);
    // Calling someone else out of turn while a citizen is at the counter: 409 counter_busy.
    const row = page.getByTestId(`waiting-${other.number}`);
    await row.getByRole('button', { name: /เรียกนอกลำดับ/ }).click();
    await row.locator('select').selectOption('appointment');
    await row.getByRole('button', { name: 'เรียก', exact: true }).click();
    const notice = page.getByTestId('error-notice');
    await notice.waitFor();
    expect(await notice.getAttribute('data-code')).toBe('counter_busy');
    const sentence = (await notice.locator('.sentence').textContent())!;
    expect(sentence).toContain('ช่องบริการนี้ยังมีคิวที่เรียกหรือกำลังให้บริการอยู่');
    expect(sentence).not.toMatch(/[A-Za-z]/);
    expect(await notice.getByTestId('error-code').textContent()).toBe('counter_busy');
    expect(await notice.locator('small').count()).toBe(1);

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => notice.locator('.sentence').textContent())
      .toBe(
        'This counter still has a ticket called or being served. Finish it, hold it or mark a no-show first.',
      );
    expect(await notice.getByTestId('error-code').textContent()).toBe('counter_busy');
  });
});
