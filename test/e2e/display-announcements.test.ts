import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';
import { announcementClips } from '../../renderer/src/lib/announce/phrase.ts';
import {
  DISPLAY_SIZES,
  act,
  callNext,
  clipStarts,
  issue,
  openDisplay,
  services,
} from './display-office.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
let server: StationServer;
let browser: Browser;
/** A whole announcement takes seconds of real clips; the board is polled until it is done. */
const ANNOUNCED = { timeout: 60_000, interval: 100 };

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const dir = await builtRenderer();
  server = await startStationServer(dir);
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function serviceId(code: string): Promise<number> {
  return (await services(server)).find((s) => s.code === code)!.id;
}

const headline = (page: Page) => page.getByTestId('headline-number').textContent();
const state = (page: Page) => page.getByTestId('headline').getAttribute('data-state');

describe('the hall display and its voice', () => {
  it('keeps the first of two calls 150 ms apart on the headline until it has been read, shows the second as next, then reads and shows the second', async () => {
    const display = await openDisplay(browser, server.url, DISPLAY_SIZES['1920x1080']);
    const first = await issue(server, await serviceId('A'));
    const second = await issue(server, await serviceId('B'));

    await callNext(server, 1);
    await new Promise((resolve) => setTimeout(resolve, 150));
    await callNext(server, 2);

    await expect.poll(() => headline(display), ANNOUNCED).toBe(first.number);
    await expect
      .poll(() => display.getByTestId('next-calls').textContent())
      .toContain(second.number);
    await display.screenshot({ path: join(OUT, 'display-next-1920x1080.png') });
    await expect.poll(() => headline(display), ANNOUNCED).toBe(second.number);
    await expect.poll(() => state(display), ANNOUNCED).toBe('idle');
    expect(await display.getByTestId('next-calls').textContent()).not.toContain(second.number);

    // Each clip of the first call sounded under its own number, the second call's under its own.
    const firstClips = announcementClips(first.number, 1).length;
    const secondClips = announcementClips(second.number, 2).length;
    const starts = await clipStarts(display);
    expect(starts).toHaveLength(firstClips + secondClips);
    expect(starts.slice(0, firstClips).map((s) => s.headline)).toEqual(
      Array(firstClips).fill(first.number),
    );
    expect(starts.slice(firstClips).map((s) => s.headline)).toEqual(
      Array(secondClips).fill(second.number),
    );
    expect(starts.every((s) => s.state === 'announcing')).toBe(true);
    // While the first call's last clip played, the second was waiting visibly.
    expect(starts[firstClips - 1]!.next).toContain(second.number);
    await display.context().close();
  });

  it('marks a recall as a recall, and a new call not', async () => {
    const display = await openDisplay(browser, server.url, DISPLAY_SIZES['1920x1080']);
    const ticket = await issue(server, await serviceId('C'));
    await callNext(server, 3);
    await expect.poll(() => headline(display), ANNOUNCED).toBe(ticket.number);
    expect(await display.getByTestId('headline-recall').count()).toBe(0);
    await expect.poll(() => state(display), ANNOUNCED).toBe('idle');

    await act(server, ticket.id, 'recall');
    await expect.poll(() => state(display), ANNOUNCED).toBe('announcing');
    expect(await headline(display)).toBe(ticket.number);
    await expect.poll(() => display.getByTestId('headline-recall').textContent()).toBe('เรียกซ้ำ');
    await display.screenshot({ path: join(OUT, 'display-recall-1920x1080.png') });
    await expect.poll(() => state(display), ANNOUNCED).toBe('idle');
    await display.context().close();
  });

  it('follows a change of the polite ending from the next call, in voice and text', async () => {
    const display = await openDisplay(browser, server.url, DISPLAY_SIZES['1920x1080']);
    const ending = () => display.getByTestId('headline').getAttribute('data-ending');
    await expect.poll(ending).toBe('kha');

    for (const [choice, word] of [
      ['none', ''],
      ['khrap', 'ครับ'],
    ] as const) {
      const put = await server.asAdmin('PUT', '/api/settings/announcement', { ending: choice });
      expect(put.status).toBe(200);
      expect(put.body).toEqual({ ending: choice });
      await expect.poll(ending).toBe(choice);

      const before = (await clipStarts(display)).length;
      const ticket = await issue(server, await serviceId('D'));
      const called = await callNext(server, 4);
      expect(called.number).toBe(ticket.number);
      await expect.poll(() => headline(display), ANNOUNCED).toBe(ticket.number);
      await expect.poll(() => state(display), ANNOUNCED).toBe('idle');
      const spoken = (await display.getByTestId('headline-spoken').textContent())!.trim();
      expect(spoken).toBe(
        `ขอเชิญหมายเลข ${ticket.number.split('').join(' ')} ที่ช่องบริการที่ 4${word ? ` ${word}` : ''}`,
      );
      // The voice said as many clips as that ending has.
      expect((await clipStarts(display)).length - before).toBe(
        announcementClips(ticket.number, 4, choice).length,
      );
      await act(server, called.id, 'no-show');
    }
    await server.asAdmin('PUT', '/api/settings/announcement', { ending: 'kha' });
    await display.context().close();
  });

  it('refuses an ending it does not know, and changes nothing', async () => {
    const bad = await server.asAdmin<{ error: { code: string } }>(
      'PUT',
      '/api/settings/announcement',
      { ending: 'jaa' },
    );
    expect(bad.status).toBe(400);
    const now = await server.asAdmin<{ ending: string }>('GET', '/api/settings/announcement');
    expect(now.body.ending).not.toBe('jaa');
  });
});
