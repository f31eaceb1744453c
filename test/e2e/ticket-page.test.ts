import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Counter, Service, Ticket } from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { localDay, startOfLocalDay } from '../../server/core/local-time.ts';
import { formatTime } from '../../renderer/src/lib/i18n/dates.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const PHONE = { width: 390, height: 844 };
const TZ = 'Asia/Bangkok';
const CHANNEL = {
  phone: '0 7400 0000',
  line: '@tambon-example',
  email: 'complaint@tambon-example.go.th',
  web: 'https://tambon-example.go.th/complaint',
  note: {
    th: 'หรือที่โต๊ะประชาสัมพันธ์ ในวันและเวลาราชการ',
    en: 'or at the information desk, office hours',
  },
};

/*
 * What the page under test plays and vibrates, seen from inside it: every oscillator started
 * (its frequency) and every navigator.vibrate pattern. `blocked` makes the page's audio stay
 * suspended, as a phone's browser keeps it without a gesture it accepts.
 */
const instrument = (blocked: boolean) => {
  const w = window as unknown as { __tones: number[]; __vibrations: unknown[] };
  w.__tones = [];
  w.__vibrations = [];
  const create = AudioContext.prototype.createOscillator;
  AudioContext.prototype.createOscillator = function (this: AudioContext) {
    const oscillator = create.call(this);
    const start = oscillator.start.bind(oscillator);
    oscillator.start = (when?: number) => {
      w.__tones.push(oscillator.frequency.value);
      start(when);
    };
    return oscillator;
  };
  if (blocked) {
    Object.defineProperty(AudioContext.prototype, 'state', { get: () => 'suspended' });
    AudioContext.prototype.resume = () => Promise.resolve();
  }
  Object.defineProperty(navigator, 'vibrate', {
    configurable: true,
    value: (pattern: unknown) => {
      w.__vibrations.push(pattern);
      return true;
    },
  });
};

let server: StationServer;
let browser: Browser;
let clock: ManualClock;
let serviceA: Service;
let serviceB: Service;
let counter1: Counter;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  // 09:00 of today in the office: times on the page are the office's, whatever the hour here.
  clock = new ManualClock(startOfLocalDay(localDay(Date.now(), TZ), TZ) + 9 * 3_600_000);
  server = await startStationServer(await builtRenderer(), { clock });
  browser = await launchChromium();
  const services = (await server.asAdmin<Service[]>('GET', '/api/services')).body;
  serviceA = services.find((s) => s.code === 'A')!;
  serviceB = services.find((s) => s.code === 'B')!;
  counter1 = (await server.asAdmin<Counter[]>('GET', '/api/counters')).body.find(
    (c) => c.number === 1,
  )!;
  const set = await server.asAdmin('PUT', '/api/settings/complaint-channel', CHANNEL);
  expect(set.status).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function issue(serviceId: number): Promise<Ticket> {
  const res = await fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { ticket: Ticket }).ticket;
}

async function act(path: string, body: unknown = {}): Promise<Ticket> {
  const res = await server.asAdmin<{ ticket: Ticket }>('POST', path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.ticket;
}

/**
 * Calls `ticket` to counter 1 out of turn, so the test needs no empty line; whoever another
 * test left at the counter is marked a no-show first.
 */
async function call(ticket: Ticket): Promise<Ticket> {
  const queue = await server.asAdmin<{
    nowServing: { counterId: number; ticket: Ticket | null }[];
  }>('GET', '/api/queue');
  const there = queue.body.nowServing.find((n) => n.counterId === counter1.id)?.ticket;
  if (there?.status === 'called') await act(`/api/tickets/${there.id}/no-show`);
  if (there?.status === 'serving') await act(`/api/tickets/${there.id}/finish`);
  return act(`/api/tickets/${ticket.id}/call`, { counterId: counter1.id, reason: 'appointment' });
}

async function phone(path: string, blocked = false): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.addInitScript(instrument, blocked);
  await page.goto(server.url + path);
  return page;
}

const tones = (page: Page) =>
  page.evaluate(() => (window as unknown as { __tones: number[] }).__tones);
const vibrations = (page: Page) =>
  page.evaluate(() => (window as unknown as { __vibrations: unknown[] }).__vibrations);

describe('the phone page of a ticket (/t/:id) at 390×844', () => {
  it('shows the documents to bring, the fee and the complaint channel while waiting, then beeps and vibrates when it is called', async () => {
    const ticket = await issue(serviceA.id);
    const page = await phone(`/t/${ticket.id}`);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    const documents = await page.getByTestId('ticket-documents').locator('li').allTextContents();
    expect(documents).toEqual(serviceA.documents.map((d) => d.th));
    expect(await page.getByTestId('ticket-fee').textContent()).toMatch(
      serviceA.fee > 0 ? /บาท/ : /ไม่มีค่าธรรมเนียม/,
    );
    const complaint = page.getByTestId('complaint-channel');
    await expect.poll(() => complaint.textContent()).toContain(CHANNEL.phone);
    const text = (await complaint.textContent())!;
    for (const way of [
      CHANNEL.line,
      CHANNEL.email,
      'tambon-example.go.th/complaint',
      CHANNEL.note.th,
    ])
      expect(text).toContain(way);
    expect(await complaint.locator(`a[href="tel:074000000"]`).count()).toBe(1);
    expect(await complaint.locator(`a[href="${CHANNEL.web}"]`).count()).toBe(1);

    await page.screenshot({ path: join(OUT, 'ticket-page-waiting-390x844.png'), fullPage: true });
    await page.getByTestId('sound-on').click();
    await expect.poll(() => page.getByTestId('call-sound').getAttribute('data-sound')).toBe('on');
    const afterUnlock = (await tones(page)).length;
    expect(afterUnlock).toBeGreaterThan(0); // the test beep the tap plays

    await call(ticket);
    await expect
      .poll(() => page.getByTestId('ticket-status').getAttribute('class'))
      .toContain('s-called');
    await expect.poll(async () => (await tones(page)).length).toBeGreaterThan(afterUnlock);
    expect((await tones(page)).slice(afterUnlock)).toEqual([880, 660]);
    expect(await vibrations(page)).toEqual([[400, 150, 400, 150, 800]]);
    expect(await page.getByTestId('ticket-counter').textContent()).toContain(
      String(counter1.number),
    );
    await page.screenshot({ path: join(OUT, 'ticket-page-called-390x844.png'), fullPage: true });

    // A recall alerts again; a refresh of the same call does not.
    await act(`/api/tickets/${ticket.id}/recall`);
    await expect.poll(async () => (await vibrations(page)).length).toBe(2);
    await page.context().close();
  });

  it('says clearly when the browser will not play the alert sound', async () => {
    const ticket = await issue(serviceA.id);
    const page = await phone(`/t/${ticket.id}`, true);
    await page.getByTestId('sound-on').click();
    await expect
      .poll(() => page.getByTestId('call-sound').getAttribute('data-sound'))
      .toBe('blocked');
    expect(await page.getByTestId('call-sound').textContent()).toContain('เบราว์เซอร์นี้ไม่ยอมเล่นเสียง');
    // The button stays, to try again; the vibration still comes with the call.
    expect(await page.getByTestId('sound-on').count()).toBe(1);
    await call(ticket);
    await expect.poll(async () => (await vibrations(page)).length).toBe(1);
    expect(await tones(page)).toEqual([]);
    await page.context().close();
  });

  it('tells a citizen marked no-show what to do next, with the recall limit of the published rule', async () => {
    const ticket = await issue(serviceA.id);
    const page = await phone(`/t/${ticket.id}`);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    await call(ticket);
    await act(`/api/tickets/${ticket.id}/no-show`);
    const next = page.getByTestId('ticket-next-step');
    await expect.poll(() => next.isVisible()).toBe(true);
    const rule = (await server.asAdmin<{ recallLimit: number }>('GET', '/api/queue/rule')).body;
    const text = (await next.textContent())!;
    expect(text).toContain(`เรียกซ้ำได้ไม่เกิน ${rule.recallLimit} ครั้ง`);
    expect(text).toContain('โต๊ะประชาสัมพันธ์');
    expect(text).toContain('รับบัตรคิวใหม่');
    expect(await page.getByTestId('call-sound').count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'ticket-page-no-show-390x844.png'), fullPage: true });
    await page.context().close();
  });

  it('shows a transferred ticket where its place moved, when the citizen joined, and links to the ticket that carries it on', async () => {
    const ticket = await issue(serviceA.id);
    await call(ticket);
    clock.advance(37 * 60_000); // the transfer comes well after the citizen joined
    const moved = await server.asAdmin<{ ticket: Ticket }>(
      'POST',
      `/api/tickets/${ticket.id}/transfer`,
      { serviceId: serviceB.id },
    );
    expect(moved.status).toBe(200);
    const successor = moved.body.ticket;
    expect(successor.joinedAt).toBe(ticket.issuedAt);
    expect(successor.issuedAt).not.toBe(ticket.issuedAt);

    const page = await phone(`/t/${ticket.id}`);
    const transfer = page.getByTestId('ticket-transfer');
    await expect.poll(() => transfer.isVisible()).toBe(true);
    expect(await transfer.textContent()).toContain(serviceB.name.th);
    const joined = formatTime(ticket.issuedAt, 'th', TZ);
    const transferredAt = formatTime(successor.issuedAt, 'th', TZ);
    expect(joined).not.toBe(transferredAt);
    const joinedLine = (await page.getByTestId('ticket-joined').textContent())!;
    expect(joinedLine).toContain('เข้าคิวเมื่อ');
    expect(joinedLine).toContain(joined);
    expect(joinedLine).not.toContain(transferredAt);
    await page.screenshot({
      path: join(OUT, 'ticket-page-transferred-390x844.png'),
      fullPage: true,
    });

    await page.getByTestId('ticket-onward').click();
    await page.waitForURL(`**/t/${successor.id}`);
    await expect.poll(() => page.getByTestId('ticket-number').textContent()).toBe(ticket.number);
    expect(await page.getByTestId('ticket-joined').textContent()).toContain(joined);
    await page.context().close();
  });
});

describe('the service standards poster', () => {
  it("carries the office's complaint channel", async () => {
    const context = await browser.newContext({ viewport: { width: 794, height: 1123 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/standards?poster=${serviceA.id}`);
    const complaint = page.getByTestId('poster').getByTestId('complaint-channel');
    await expect.poll(() => complaint.textContent()).toContain(CHANNEL.phone);
    expect(await complaint.textContent()).toContain(CHANNEL.line);
    await page.evaluate(async () => {
      await document.fonts.ready;
    });
    await page.screenshot({
      path: join(OUT, 'standards-poster-complaint-794x1123.png'),
      fullPage: true,
    });
    await context.close();
  });
});
