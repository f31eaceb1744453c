import type { Browser, Page } from 'playwright-core';
import type { Service, Ticket } from '../../server/contract/contract.ts';
import type { StationServer } from './station-server.ts';

export const DISPLAY_SIZES = {
  '1920x1080': { width: 1920, height: 1080 },
  '1366x768': { width: 1366, height: 768 },
  '1080x1920': { width: 1080, height: 1920 },
} as const;

/** What the hall sees at the moment each clip starts to sound (recorded in the page). */
export interface ClipStart {
  headline: string;
  next: string;
  state: string;
}

/**
 * Opens /display; every AudioBufferSourceNode.start (one clip of an announcement) records what
 * the board shows at that moment, so a test can hold the headline against the voice.
 */
export async function openDisplay(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.addInitScript(() => {
    const starts: ClipStart[] = [];
    (window as unknown as { clipStarts: ClipStart[] }).clipStarts = starts;
    const start = AudioBufferSourceNode.prototype.start;
    AudioBufferSourceNode.prototype.start = function (...args: Parameters<typeof start>) {
      const text = (id: string) =>
        document.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ??
        '';
      starts.push({
        headline: text('headline-number'),
        next: text('next-calls'),
        state: document.querySelector('[data-testid="headline"]')?.getAttribute('data-state') ?? '',
      });
      return start.apply(this, args);
    };
  });
  await page.goto(`${url}/display`);
  await page.getByTestId('headline').waitFor();
  return page;
}

export function clipStarts(page: Page): Promise<ClipStart[]> {
  return page.evaluate(() => (window as unknown as { clipStarts: ClipStart[] }).clipStarts);
}

export async function issue(server: StationServer, serviceId: number): Promise<Ticket> {
  const res = await fetch(`${server.url}/api/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceId }),
  });
  if (res.status !== 201) throw new Error(`issuing failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { ticket: Ticket }).ticket;
}

export async function callNext(server: StationServer, counterId: number): Promise<Ticket> {
  const res = await server.asAdmin<{ ticket: Ticket }>(
    'POST',
    `/api/counters/${counterId}/call-next`,
  );
  if (res.status !== 200) throw new Error(`call-next failed: ${res.status}`);
  return res.body.ticket;
}

export async function act(server: StationServer, ticketId: string, action: string): Promise<void> {
  const res = await server.asAdmin('POST', `/api/tickets/${ticketId}/${action}`);
  if (res.status !== 200)
    throw new Error(`${action} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function services(server: StationServer): Promise<Service[]> {
  return (await server.asAdmin<Service[]>('GET', '/api/services')).body;
}
