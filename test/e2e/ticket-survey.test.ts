import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { SurveyStatus } from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { localDay, startOfLocalDay } from '../../server/core/local-time.ts';
import { addDays, weekdayOf } from '../../server/reports/report-period.ts';
import type { Actor } from '../../server/core/records.ts';
import { formatTime } from '../../renderer/src/lib/i18n/dates.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const TZ = 'Asia/Bangkok';
const MINUTE = 60_000;
const staff: Actor = { kind: 'user', username: 'somchai', role: 'staff' };
const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
const MARKUP = '<script>alert(1)</script><b>x</b>';

let rendererDir: string;
let browser: Browser;
let server: StationServer;
let clock: ManualClock;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  rendererDir = await builtRenderer();
  browser = await launchChromium();
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

// A fresh office per test: each test's line holds only the citizens it issues.
beforeEach(async () => {
  // 09:00 of today in the office: times on the page are the office's, whatever the hour here.
  clock = new ManualClock(startOfLocalDay(localDay(Date.now(), TZ), TZ) + 9 * 3_600_000);
  server = await startStationServer(rendererDir, { clock });
});
afterEach(async () => {
  await server?.close();
});

const office = () => server.khiu.office;
const targetOf = (serviceId: number): number =>
  office()
    .views.services()
    .find((s) => s.id === serviceId)!.targetWaitMinutes;

/** A phone opening the ticket's QR; a dialog (an alert a comment smuggled in) is recorded. */
async function phone(path: string): Promise<{ page: Page; dialogs: string[] }> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  return { page, dialogs };
}

/** A citizen of service 1 called to counter 1 after `waitMinutes`; returns the ticket id. */
function calledAfter(waitMinutes: number): string {
  const id = office().tickets.issue(1, null, kiosk).ticket.id;
  clock.advance(waitMinutes * MINUTE);
  expect(office().tickets.callNext(1, staff)?.id).toBe(id);
  return id;
}

describe('the ticket’s proof of its place and the survey on /t/:id at 390×844', () => {
  it('shows the wait against the target and that nobody who came later was called first, and no survey before the finish', async () => {
    const id = calledAfter(12);
    office().tickets.start(id, staff);
    const { page } = await phone(`/t/${id}`);
    const wait = page.getByTestId('order-proof-wait');
    await expect.poll(() => wait.textContent()).toContain('รอ 12 นาที');
    expect(await wait.textContent()).toContain(`(เป้าหมายไม่เกิน ${targetOf(1)} นาที)`);
    expect(await page.getByTestId('order-proof-none').textContent()).toContain(
      'ไม่มีผู้ใดที่มาหลังท่านได้รับเรียกก่อน',
    );
    expect(await page.getByTestId('survey-form').count()).toBe(0);
    await page.screenshot({
      path: join(OUT, 'ticket-order-proof-none-390x844.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => page.getByTestId('order-proof-none').textContent())
      .toContain('Nobody who came after you was called before you');
    expect(await wait.textContent()).toContain('Waited 12 min');
  });

  it('lists a later ticket called out of turn before it, with the time and the reason in words', async () => {
    const mine = office().tickets.issue(1, null, kiosk).ticket;
    clock.advance(2 * MINUTE);
    const later = office().tickets.issue(1, null, kiosk).ticket;
    clock.advance(3 * MINUTE);
    const jumped = office().tickets.callOutOfTurn(later.id, 1, 'medical_emergency', staff);
    office().tickets.start(later.id, staff);
    clock.advance(5 * MINUTE);
    office().tickets.finish(later.id, staff);
    clock.advance(MINUTE);
    expect(office().tickets.callNext(1, staff)?.id).toBe(mine.id);

    const { page } = await phone(`/t/${mine.id}`);
    const calls = page.getByTestId('order-proof-call');
    await expect.poll(() => calls.count()).toBe(1);
    const line = (await calls.first().textContent())!;
    expect(line).toContain(later.number);
    expect(line).toContain(formatTime(new Date(jumped.calledMs!), 'th'));
    expect(line).toContain('เรียกนอกลำดับ เหตุผล: เหตุฉุกเฉินทางการแพทย์');
    expect(await page.getByTestId('order-proof-none').count()).toBe(0);
    expect(await page.getByTestId('order-proof-wait').textContent()).toContain('รอ 11 นาที');
    await page.screenshot({
      path: join(OUT, 'ticket-order-proof-out-of-turn-390x844.png'),
      fullPage: true,
    });

    await page.getByRole('button', { name: 'English' }).click();
    await expect
      .poll(() => calls.first().textContent())
      .toContain('Called out of turn. Reason: Medical emergency');
  });

  it('takes the five-question survey after the service, shows a comment with markup as text, then only the thanks', async () => {
    const id = calledAfter(4);
    office().tickets.start(id, staff);
    clock.advance(6 * MINUTE);
    office().tickets.finish(id, staff);
    clock.advance(MINUTE);

    const { page, dialogs } = await phone(`/t/${id}`);
    const form = page.getByTestId('survey-form');
    await form.waitFor();
    for (const legend of [
      'ด้านขั้นตอนการให้บริการ',
      'ด้านช่องทางการให้บริการ',
      'ด้านเจ้าหน้าที่ผู้ให้บริการ',
      'ด้านสิ่งอำนวยความสะดวก',
      'ด้านคุณภาพการให้บริการโดยรวม',
    ])
      expect(await form.textContent()).toContain(legend);
    expect(await page.getByTestId('survey-question-staff').textContent()).toContain('น้อยที่สุด');
    // Each level's word fits its button on a phone (none cut off or spilling into the next).
    const spilling = await form
      .locator('.levels label')
      .evaluateAll(
        (labels) => labels.filter((label) => label.scrollWidth > label.clientWidth).length,
      );
    expect(spilling).toBe(0);
    const send = page.getByTestId('survey-send');
    expect(await send.isDisabled()).toBe(true);
    await page.screenshot({ path: join(OUT, 'ticket-survey-form-390x844.png'), fullPage: true });

    const chosen = { process: 5, channels: 4, staff: 5, facilities: 3, overall: 4 };
    for (const [question, level] of Object.entries(chosen))
      await page.locator('label', { has: page.getByTestId(`survey-${question}-${level}`) }).click();
    await page.getByTestId('survey-comment-input').fill(MARKUP);
    expect(await send.isDisabled()).toBe(false);
    await page.screenshot({ path: join(OUT, 'ticket-survey-filled-390x844.png'), fullPage: true });
    await page
      .getByTestId('survey-question-staff')
      .screenshot({ path: join(OUT, 'ticket-survey-levels-390x844.png') });
    await send.click();

    const thanks = page.getByTestId('survey-thanks');
    await thanks.waitFor();
    const comment = page.getByTestId('survey-comment');
    expect(await comment.textContent()).toBe(MARKUP);
    expect(await comment.locator('*').count()).toBe(0);
    expect(await page.locator('b', { hasText: /^x$/ }).count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await page.getByTestId('survey-answer-staff').textContent()).toContain('5 · มากที่สุด');
    expect(await page.getByTestId('survey-answer-facilities').textContent()).toContain(
      '3 · ปานกลาง',
    );
    expect(await form.count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'ticket-survey-thanks-390x844.png'), fullPage: true });

    const stored = (await server.asAdmin<SurveyStatus>('GET', `/api/tickets/${id}/survey`)).body;
    expect(stored.survey).toMatchObject({ ...chosen, comment: MARKUP });

    // Opened again (the QR scanned again): the thanks and the answers, never the form.
    const again = await phone(`/t/${id}`);
    await again.page.getByTestId('survey-thanks').waitFor();
    expect(await again.page.getByTestId('survey-form').count()).toBe(0);
    expect(await again.page.getByTestId('survey-comment').textContent()).toBe(MARKUP);
    expect(again.dialogs).toEqual([]);
  });

  it('shows each question’s mean, S.D. and band beside the other sections of the manager’s weekly report', async () => {
    // Surveys answered on last week's Wednesday, the week /manager opens on.
    const today = localDay(Date.now(), TZ);
    const wednesday = addDays(today, -weekdayOf(today) - 5);
    await server.close();
    clock = new ManualClock(startOfLocalDay(wednesday, TZ) + 9 * 3_600_000);
    server = await startStationServer(rendererDir, { clock });
    const levels = [
      { process: 5, channels: 4, staff: 5, facilities: 3, overall: 4 },
      { process: 4, channels: 4, staff: 5, facilities: 2, overall: 4 },
      { process: 3, channels: 5, staff: 4, facilities: 3, overall: 5 },
    ];
    for (const answers of levels) {
      const id = calledAfter(3);
      office().tickets.start(id, staff);
      clock.advance(5 * MINUTE);
      office().tickets.finish(id, staff);
      office().surveys.submit(id, answers, null, { kind: 'anonymous', via: 'ticket-qr' });
    }
    const manager = { username: 'malee', password: 'manager-pw-123' };
    expect(
      (await server.asAdmin('POST', '/api/users', { ...manager, role: 'manager' })).status,
    ).toBe(201);
    clock.set(startOfLocalDay(today, TZ) + 9 * 3_600_000);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const signedIn = await context.request.post(server.url + '/api/session', { data: manager });
    expect(signedIn.status()).toBe(200);
    const page = await context.newPage();
    await page.goto(server.url + '/manager');
    const table = page.getByTestId('survey-table');
    await table.waitFor();
    expect(await page.getByTestId('survey-count').textContent()).toContain('ผู้ตอบแบบประเมิน 3 คน');
    // process 5, 4, 3: mean 4.00, S.D. 1.00, มาก; facilities 3, 2, 3: mean 2.67, S.D. 0.58, ปานกลาง.
    const row = (q: string) => page.getByTestId(`survey-row-${q}`).locator('td').allTextContents();
    expect(await row('process')).toEqual([
      'ด้านขั้นตอนการให้บริการ',
      '3',
      '4.00',
      '1.00',
      'มาก',
      '66.7 %',
    ]);
    expect(await row('facilities')).toEqual([
      'ด้านสิ่งอำนวยความสะดวก',
      '3',
      '2.67',
      '0.58',
      'ปานกลาง',
      '0.0 %',
    ]);
    await table.screenshot({ path: join(OUT, 'manager-survey-section-1280.png') });
    await context.close();
  });
});
