import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startStationServer, type StationServer } from './station-server.ts';
import { CONTENT_SECURITY_POLICY } from '../../server/api/security-headers.ts';
import { officeDay } from '../../renderer/src/lib/i18n/dates.ts';

let server: StationServer;
let browser: Browser;
let admin: BrowserContext;
let ticketId: string;

/** The Monday of the week before this one, for the print page. */
function lastMonday(): string {
  const today = new Date(`${officeDay(new Date())}T00:00:00Z`);
  const weekday = (today.getUTCDay() + 6) % 7;
  return new Date(today.getTime() - (weekday + 7) * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
  // Something on every screen: tickets waiting, one called, one finished and awaiting a rating.
  for (const serviceId of [1, 1, 2]) {
    const issued = await server.asAdmin<{ ticket: { id: string } }>('POST', '/api/tickets', {
      serviceId,
    });
    ticketId ||= issued.body.ticket.id;
  }
  await server.asAdmin('POST', '/api/counters/1/call-next');
  await server.asAdmin('POST', `/api/tickets/${ticketId}/start`);
  await server.asAdmin('POST', `/api/tickets/${ticketId}/finish`);
  await server.asAdmin('POST', '/api/counters/1/call-next');
  admin = await browser.newContext({ viewport: KIOSK_LANDSCAPE });
  const signIn = await admin.request.post(server.url + '/api/session', {
    data: { username: 'admin', password: ADMIN_PASSWORD },
  });
  expect(signIn.status()).toBe(200);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Opens a screen and returns every CSP violation it reported: the `securitypolicyviolation`
 * events of the document and Chromium's console lines about a refused resource.
 */
async function violationsOf(
  path: string,
  act?: (page: import('playwright-core').Page) => Promise<void>,
) {
  const page = await admin.newPage();
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  page.on('pageerror', (error) => violations.push(`page error: ${error.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(
        `Content Security Policy: ${event.violatedDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
      );
    });
  });
  const response = await page.goto(server.url + path);
  expect(response!.headers()['content-security-policy'], path).toBe(CONTENT_SECURITY_POLICY);
  await page.waitForLoadState('networkidle');
  // The screen ran: its script mounted something into #app.
  await page.waitForFunction(() => (document.querySelector('#app')?.children.length ?? 0) > 0);
  await act?.(page);
  await page.waitForLoadState('networkidle');
  await page.close();
  return violations;
}

describe('the Content-Security-Policy', () => {
  it('is satisfied by every built screen, with nothing refused in Chromium', async () => {
    const screens: [string, ((page: import('playwright-core').Page) => Promise<void>)?][] = [
      ['/'],
      [
        '/kiosk',
        // The issued ticket draws its QR code: the page's most unusual markup.
        async (page) => {
          await page.getByTestId('service-B').click();
          // The kiosk shows the documents and fee first; the second tap takes the number.
          await page.getByTestId('confirm-issue').click();
          await page.getByTestId('issued').waitFor();
        },
      ],
      ['/counter'],
      ['/display'],
      ['/rate/1'],
      ['/standards'],
      [`/t/${ticketId}`],
      ['/admin'],
      ['/manager'],
      [
        `/manager/print?kind=weekly&start=${lastMonday()}`,
        (page) => page.waitForSelector('body[data-report-ready]').then(() => undefined),
      ],
    ];
    const found: Record<string, string[]> = {};
    for (const [path, act] of screens) {
      const violations = await violationsOf(path, act);
      if (violations.length > 0) found[path] = violations;
    }
    expect(found).toEqual({});
  });

  it('is enforced: an inline style attribute or script on a screen is reported and refused', async () => {
    const violations = await violationsOf('/standards', async (page) => {
      const applied = await page.evaluate(() => {
        const probe = document.createElement('div');
        probe.setAttribute('style', 'color: rgb(255, 0, 0)');
        document.body.append(probe);
        const script = document.createElement('script');
        script.textContent = 'window.inlineRan = true';
        document.body.append(script);
        return {
          color: getComputedStyle(probe).color,
          ran: (window as { inlineRan?: boolean }).inlineRan === true,
        };
      });
      expect(applied).toEqual({ color: expect.not.stringContaining('255, 0, 0'), ran: false });
    });
    expect(violations.join('\n')).toMatch(/style-src/);
    expect(violations.join('\n')).toMatch(/script-src/);
  });
});
