import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import type { Clock } from '../../server/core/clock.ts';
import type { QueueServiceSummary } from '../../server/contract/contract.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { startStationServer, type StationServer } from './station-server.ts';
import { DISPLAY_SIZES, issue, openDisplay, services } from './display-office.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const MINUTE_MS = 60_000;

/** The office's clock, behind the wall clock by `behindMs` while a test sets it so. */
let behindMs = 0;
const clock: Clock = { now: () => Date.now() - behindMs };
let server: StationServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  const dir = await builtRenderer();
  behindMs = 5 * MINUTE_MS;
  server = await startStationServer(dir, { clock });
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the hall display and the target wait', () => {
  it('colours a service whose longest-waiting ticket has waited past its target, and not the others', async () => {
    const all = await services(server);
    const late = all.find((s) => s.code === 'B')!;
    const fresh = all.find((s) => s.code === 'C')!;
    expect(
      (await server.asAdmin('PATCH', `/api/services/${late.id}`, { targetWaitMinutes: 2 })).status,
    ).toBe(200);
    // B's ticket is taken five minutes ago by the office's clock; then the clock catches up.
    const waited = await issue(server, late.id);
    behindMs = 0;
    await issue(server, fresh.id);

    const queue = (await fetch(`${server.url}/api/queue`).then((r) => r.json())) as {
      services: QueueServiceSummary[];
    };
    const summaryOf = (id: number) => queue.services.find((s) => s.serviceId === id)!;
    expect(summaryOf(late.id).oldestWaitingSince).toBe(waited.issuedAt);
    expect(summaryOf(fresh.id).oldestWaitingSince).not.toBeNull();
    expect(summaryOf(all.find((s) => s.code === 'A')!.id).oldestWaitingSince).toBeNull();

    const display = await openDisplay(browser, server.url, DISPLAY_SIZES['1920x1080']);
    const row = (code: string) => display.getByTestId(`waiting-row-${code}`);
    await expect.poll(() => row('B').getAttribute('data-over-target')).toBe('true');
    expect(await row('C').getAttribute('data-over-target')).toBe('false');
    expect(await row('A').getAttribute('data-over-target')).toBe('false');
    const colour = (code: string) =>
      row(code).evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await colour('B')).not.toBe(await colour('C'));
    await display.screenshot({ path: join(OUT, 'display-target-wait-1920x1080.png') });
    await display.context().close();
  });
});
