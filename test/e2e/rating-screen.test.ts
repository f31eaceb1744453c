import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { RATING_TARGET_TIMEOUT_MS } from '../../server/contract/contract.ts';
import type { StationCreated } from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));

/*
 * The counter's rating tablet (issue 10, part 2), in Chromium against a real server. Counter
 * id 2 carries number 12 here, as in the office where `/rate/5` was counter number 12.
 */
const COUNTER_ID = 2;
const COUNTER_NUMBER = 12;
/** Service B, which counter 2 serves. */
const SERVICE_ID = 2;

let server: StationServer;
let browser: Browser;
/** The office's clock: the server's rating timeout runs on it. */
let clock: ManualClock;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  clock = new ManualClock(Date.now());
  server = await startStationServer(await builtRenderer(), { clock });
  browser = await launchChromium();
  const renumbered = await server.asAdmin('PATCH', `/api/counters/${COUNTER_ID}`, {
    number: COUNTER_NUMBER,
  });
  expect(renumbered.status).toBe(200);
}, 180_000);

// Each test starts at a quiet counter: whatever an earlier one left unrated has timed out.
beforeEach(() => clock.advance(RATING_TARGET_TIMEOUT_MS));

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

let stations = 0;

/** A browser paired as counter 2's rating screen through its /pair link, as an admin sets it up. */
async function pairedScreen(
  viewport = { width: 1280, height: 800 },
): Promise<{ context: BrowserContext; created: StationCreated }> {
  stations += 1;
  const created = await server.asAdmin<StationCreated>('POST', '/api/stations', {
    name: `rating-${COUNTER_NUMBER}-${stations}`,
    kind: 'rating',
    counterId: COUNTER_ID,
  });
  expect(created.status).toBe(201);
  const context = await browser.newContext({ viewport });
  const paired = await context.request.get(server.url + created.body.pairingPath!, {
    maxRedirects: 0,
  });
  expect(paired.status()).toBe(303);
  return { context, created: created.body };
}

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  return page;
}

/** Staff work counter 2, a few seconds apart. */
async function act(path: string): Promise<{ ticket: { id: string; number: string } }> {
  clock.advance(3000);
  const res = await server.asAdmin<{ ticket: { id: string; number: string } }>('POST', path, {});
  expect(res.status, path).toBe(200);
  return res.body;
}
async function issueTicket(): Promise<{ id: string; number: string }> {
  clock.advance(3000);
  const res = await server.asAdmin<{ ticket: { id: string; number: string } }>(
    'POST',
    '/api/tickets',
    { serviceId: SERVICE_ID },
  );
  expect(res.status).toBe(201);
  return res.body.ticket;
}
const callNext = () => act(`/api/counters/${COUNTER_ID}/call-next`).then((b) => b.ticket);
async function finish(id: string): Promise<void> {
  await act(`/api/tickets/${id}/start`);
  await act(`/api/tickets/${id}/finish`);
}
/** One citizen called, served and finished at counter 2; their ticket number. */
async function serveOne(): Promise<string> {
  await issueTicket();
  const ticket = await callNext();
  await finish(ticket.id);
  return ticket.number;
}

const QUESTION_TH = 'ท่านพึงพอใจกับการให้บริการครั้งนี้เพียงใด';
const QUESTION_EN = 'How satisfied are you with this service?';

/** What of the question lies outside the viewport (an empty list: all of it is on screen). */
async function outsideViewport(page: Page): Promise<string[]> {
  await page.evaluate(() => document.fonts.ready);
  const { width, height } = page.viewportSize()!;
  const outside: string[] = [];
  for (const id of ['rate-5', 'rate-4', 'rate-3', 'rate-2', 'rate-1', 'rate-number']) {
    const box = await page.getByTestId(id).boundingBox();
    if (!box || box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height)
      outside.push(`${id} ${JSON.stringify(box)}`);
  }
  return outside;
}

describe('the rating screen at the number on its counter', () => {
  it('pairs at /rate/12 for counter number 12, and moves an address with its id to /rate/12', async () => {
    const { context, created } = await pairedScreen();
    expect(created.station.path).toBe(`/rate/${COUNTER_NUMBER}`);
    expect(created.pairingPath).toMatch(/&next=%2Frate%2F12$/);

    const page = await open(context, created.pairingPath!);
    expect(page.url()).toBe(`${server.url}/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    // The counter's name arrives with the station's own answer, a moment after the idle screen.
    const counterName = () => page.getByTestId('rate-counter').textContent();
    await expect.poll(counterName).toBe('ช่องบริการ 12');

    // The old id forms: /rate/2 as pairing links said before, and the explicit /rate/id/2.
    for (const old of [`/rate/${COUNTER_ID}`, `/rate/id/${COUNTER_ID}`]) {
      await page.goto(server.url + old);
      await page.waitForURL(`${server.url}/rate/${COUNTER_NUMBER}`);
      await expect.poll(counterName).toBe('ช่องบริการ 12');
    }

    const number = await serveOne();
    await page.getByTestId('rate-5').waitFor();
    expect(await page.getByTestId('rate-number').textContent()).toBe(number);
    await page.getByTestId('rate-5').click();
    await page.getByTestId('rate-thanks').waitFor();

    // An address naming another counter is not followed: the screen says which one it rates.
    await page.goto(server.url + '/rate/1');
    await page.getByTestId('rate-elsewhere').waitFor();
    expect(await page.getByTestId('rate-elsewhere').textContent()).toContain('ช่องบริการ 12');
    expect(page.url()).toBe(`${server.url}/rate/1`);
    await page.screenshot({ path: join(OUT, 'rate-elsewhere-1280x800.png') });
    await context.close();
  });
});

describe.each([
  { width: 768, height: 1024 },
  { width: 800, height: 1280 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
])('the rating question at $width×$height', (viewport) => {
  const size = `${viewport.width}x${viewport.height}`;

  it('shows all five choices and the ticket number inside the viewport, in Thai and in English', async () => {
    const { context } = await pairedScreen(viewport);
    const page = await open(context, `/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    const number = await serveOne();
    await page.getByTestId('rate-1').waitFor();
    expect(await page.getByTestId('rate-number').textContent()).toBe(number);
    await page.getByText(QUESTION_TH).waitFor();
    expect(await outsideViewport(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, `rate-question-${size}.png`) });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(QUESTION_EN).waitFor();
    expect(await outsideViewport(page)).toEqual([]);
    await page.screenshot({ path: join(OUT, `rate-question-en-${size}.png`) });

    await page.getByTestId('rate-1').click();
    await page.getByTestId('rate-thanks').waitFor();
    await context.close();
  });
});

describe('the rating question on a screen smaller still', () => {
  it('lets a 480×600 page scroll, so the last choice can be reached', async () => {
    const { context } = await pairedScreen({ width: 480, height: 600 });
    const page = await open(context, `/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    await serveOne();
    await page.getByTestId('rate-1').waitFor();
    // Too small for the whole question: the last choice starts below the fold.
    expect(await outsideViewport(page)).toContainEqual(expect.stringMatching(/^rate-1 /));
    await page.mouse.move(240, 300);
    await page.mouse.wheel(0, 2000);
    await expect
      .poll(() => outsideViewport(page))
      .not.toContainEqual(expect.stringMatching(/^rate-1 /));
    await page.screenshot({ path: join(OUT, 'rate-question-480x600-scrolled.png') });
    await context.close();
  });
});

describe('the next citizen at the rating screen', () => {
  it('goes back to Thai after a rating, and the next question is in Thai', async () => {
    const { context } = await pairedScreen();
    const page = await open(context, `/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    await serveOne();
    await page.getByText(QUESTION_TH).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(QUESTION_EN).waitFor();
    await page.getByTestId('rate-4').click();
    await page.getByText('Thank you for your rating').waitFor();

    // After the thank-you the screen waits for the next citizen, in Thai.
    await page.getByText('ยินดีให้บริการ').waitFor({ timeout: 10_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('th');
    expect(await page.evaluate(() => localStorage.getItem('khiu.lang'))).not.toBe('en');
    await serveOne();
    await page.getByText(QUESTION_TH).waitFor();
    await page.reload();
    await page.getByText(QUESTION_TH).waitFor();
    await context.close();
  });

  it('stops asking, in Thai again, once the counter calls its next citizen', async () => {
    const { context } = await pairedScreen();
    const page = await open(context, `/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    await issueTicket();
    await issueTicket();
    const first = await callNext();
    await finish(first.id);
    await page.getByTestId('rate-5').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(QUESTION_EN).waitFor();

    const second = await callNext();
    await page.getByText('ยินดีให้บริการ').waitFor();
    expect(await page.getByTestId('rate-5').count()).toBe(0);

    await finish(second.id);
    await page.getByTestId('rate-5').waitFor();
    expect(await page.getByTestId('rate-number').textContent()).toBe(second.number);
    await page.getByText(QUESTION_TH).waitFor();
    await context.close();
  });

  it('goes back to Thai at the timeout, and a reload does not ask about that ticket again', async () => {
    const { context } = await pairedScreen();
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.clock.install();
    await page.goto(`${server.url}/rate/${COUNTER_NUMBER}`);
    await page.getByTestId('rate-idle').waitFor();
    await serveOne();
    await page.getByTestId('rate-5').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByText(QUESTION_EN).waitFor();

    // The office's time and the tablet's both pass the timeout.
    clock.advance(RATING_TARGET_TIMEOUT_MS);
    await page.clock.fastForward(RATING_TARGET_TIMEOUT_MS);
    await page.getByText('ยินดีให้บริการ').waitFor();
    expect(await page.getByTestId('rate-5').count()).toBe(0);

    const asked = page.waitForResponse((r) => r.url().endsWith('/rating-target'));
    await page.reload();
    expect((await asked).status()).toBe(204);
    await page.getByText('ยินดีให้บริการ').waitFor();
    expect(await page.getByTestId('rate-5').count()).toBe(0);
    await context.close();
  });
});
