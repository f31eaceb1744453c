import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { StationCreated, TicketRecord } from '../../server/contract/contract.ts';
import { builtRenderer } from './renderer-build.ts';
import { KIOSK_LANDSCAPE, KIOSK_PORTRAIT, launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, STAFF, startStationServer, type StationServer } from './station-server.ts';
import { officeDay } from '../../renderer/src/lib/i18n/dates.ts';
import { startVirtualStation, type VirtualStation } from '../../hardware/agent/virtual-station.ts';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let server: StationServer;
let browser: Browser;
let station: VirtualStation;
let printedDir: string;

beforeAll(async () => {
  const dir = await builtRenderer();
  server = await startStationServer(dir);
  browser = await launchChromium();
  // The kiosk's printer: a real device agent, paired as kiosk-1's agent, driving a virtual ESC/POS printer.
  printedDir = mkdtempSync(join(tmpdir(), 'khiu-printed-'));
  station = await startVirtualStation({
    server: server.url,
    station: 'kiosk-1',
    token: (await pair({ name: 'kiosk-1', kind: 'agent' })).token,
    outDir: printedDir,
    log: () => {},
  });
}, 180_000);

afterAll(async () => {
  await station?.stop();
  await browser?.close();
  await server?.close();
  if (printedDir) rmSync(printedDir, { recursive: true, force: true });
});

/** A station paired as the admin does under /admin → Stations. */
async function pair(input: {
  name: string;
  kind: 'kiosk' | 'rating' | 'agent';
  counterId?: number;
}): Promise<StationCreated> {
  const res = await server.asAdmin<StationCreated>('POST', '/api/stations', input);
  if (res.status !== 201) throw new Error(`pairing failed: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Opens a station's pairing link in a fresh browser, which lands on the station's page. */
async function openPaired(
  input: Parameters<typeof pair>[0],
  viewport = KIOSK_LANDSCAPE,
): Promise<Page> {
  const { pairingPath } = await pair(input);
  const page = await open(pairingPath!, viewport);
  // The token went into the HttpOnly cookie; the address bar shows the station's page.
  expect(new URL(page.url()).search).not.toContain('token');
  return page;
}

async function open(path: string, viewport = KIOSK_LANDSCAPE): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(server.url + path);
  return page;
}

describe('one ticket from kiosk to rating', () => {
  it('is issued at the kiosk, called at the counter, shown on the display, finished, rated, and found with its rating through the API', async () => {
    const display = await open('/display');
    await expect.poll(() => display.getByTestId('waiting-A').textContent()).toBe('0');

    const kiosk = await openPaired({ name: 'kiosk-1', kind: 'kiosk' }, KIOSK_PORTRAIT);
    expect(new URL(kiosk.url()).pathname).toBe('/kiosk');
    await kiosk.getByTestId('service-A').click();
    // The kiosk shows the documents and fee first; the second tap takes the number.
    await kiosk.getByTestId('confirm-issue').click();
    const number = (await kiosk.getByTestId('issued-number').textContent())!.trim();
    expect(number).toMatch(/^A\d{3}$/);
    // The station's agent printed it and said so: the kiosk tells the citizen to take the paper.
    await expect
      .poll(() => kiosk.getByTestId('print-state').getAttribute('data-state'), { timeout: 10_000 })
      .toBe('printed');
    expect(await kiosk.getByText('กรุณารับบัตรคิว').count()).toBe(1);
    // The virtual printer writes the PNG once the ticket's bytes are decoded.
    await expect
      .poll(() => readdirSync(printedDir).filter((f) => f.endsWith('.png')).length, {
        timeout: 5000,
      })
      .toBe(1);
    expect(await kiosk.locator('[data-testid=issued] svg').count()).toBe(1);
    await expect.poll(() => display.getByTestId('waiting-A').textContent()).toBe('1');

    const counter = await open('/counter');
    await counter.getByLabel('ชื่อผู้ใช้').fill(STAFF.username);
    await counter.getByLabel('รหัสผ่าน').fill(STAFF.password);
    await counter.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await counter.getByTestId('pick-counter-1').click();
    await counter.getByTestId('waiting-' + number).waitFor();
    await counter.getByTestId('call-next').click();
    await expect.poll(() => counter.getByTestId('current-number').textContent()).toBe(number);

    await expect.poll(() => display.getByTestId('headline-number').textContent()).toBe(number);
    await expect.poll(() => display.getByTestId('serving-1').textContent()).toContain(number);
    await expect.poll(() => display.getByTestId('waiting-A').textContent()).toBe('0');

    const rate = await openPaired({ name: 'rating-1', kind: 'rating', counterId: 1 });
    await counter.getByTestId('start').click();
    await counter.getByTestId('finish').click();
    await counter.getByTestId('call-next').waitFor();

    await rate.getByTestId('rate-5').click();
    await rate.getByTestId('rate-thanks').waitFor();

    const day = officeDay(new Date());
    const listing = await server.asAdmin<TicketRecord[]>(
      'GET',
      `/api/tickets?from=${day}&to=${day}`,
    );
    expect(listing.status).toBe(200);
    const record = listing.body.find((t) => t.number === number);
    expect(record).toMatchObject({
      status: 'done',
      rating: 5,
      counterId: 1,
      staff: STAFF.username,
    });

    const status = await open(`/t/${record!.id}`, { width: 390, height: 844 });
    await expect
      .poll(() => status.getByTestId('ticket-status').textContent())
      .toContain('ให้บริการเสร็จแล้ว');
  });

  it('takes a rating from a keyboard-style button box on the rating screen', async () => {
    const rate = await openPaired({ name: 'rating-4', kind: 'rating', counterId: 4 });
    const issued = await server.asAdmin<{ ticket: { id: string } }>('POST', '/api/tickets', {
      serviceId: 5,
    });
    const id = issued.body.ticket.id;
    expect((await server.asAdmin('POST', '/api/counters/4/call-next')).status).toBe(200);
    await server.asAdmin('POST', `/api/tickets/${id}/start`);
    await server.asAdmin('POST', `/api/tickets/${id}/finish`);
    await rate.getByTestId('rate-4').waitFor();
    await rate.keyboard.press('F4');
    await rate.getByTestId('rate-thanks').waitFor();
    const day = officeDay(new Date());
    const listing = await server.asAdmin<TicketRecord[]>(
      'GET',
      `/api/tickets?from=${day}&to=${day}`,
    );
    expect(listing.body.find((t) => t.id === id)).toMatchObject({
      status: 'done',
      rating: 4,
      counterId: 4,
    });
  });

  it('shows the administrator what the kiosk’s device agent reports about its printer', async () => {
    const admin = await open('/admin');
    await admin.getByLabel('ชื่อผู้ใช้').fill('admin');
    await admin.getByLabel('รหัสผ่าน').fill(ADMIN_PASSWORD);
    await admin.getByRole('button', { name: 'เข้าสู่ระบบ' }).click();
    await admin.getByRole('tab', { name: 'อุปกรณ์' }).click();
    const printerRow = admin.getByTestId('device-kiosk-1-printer');
    await expect.poll(() => printerRow.textContent(), { timeout: 10_000 }).toContain('พร้อมใช้งาน');
    expect(await printerRow.textContent()).toContain('เครื่องพิมพ์บัตรคิว');

    // The Thai code page read off the self-test page goes in as an office printer profile.
    await admin.getByRole('tab', { name: 'รุ่นเครื่องพิมพ์และป้าย' }).click();
    const form = admin.getByTestId('printer-profile-form');
    await form.getByLabel('ชื่อ (a-z 0-9 -)').fill('hall-xp80');
    await admin.getByTestId('printer-codepage').fill('255');
    await form.getByRole('button', { name: 'บันทึกเครื่องพิมพ์' }).click();
    await admin.getByTestId('printer-profile-hall-xp80').waitFor();
    const stored = await server.asAdmin<{ printers: { name: string; codepage: number | null }[] }>(
      'GET',
      '/api/device-profiles',
    );
    expect(stored.body.printers).toEqual([
      expect.objectContaining({ name: 'hall-xp80', codepage: 255, thaiMode: 'text' }),
    ]);
  });

  it('puts the display back in step after the connection drops and returns', async () => {
    const display = await open('/display');
    await expect.poll(() => display.getByTestId('waiting-B').textContent()).toBe('0');
    await display.context().setOffline(true);
    await server.khiu.io.disconnectSockets();
    const issued = await fetch(server.url + '/api/tickets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 2 }),
    });
    expect(issued.status).toBe(201);
    await display.context().setOffline(false);
    await expect
      .poll(() => display.getByTestId('waiting-B').textContent(), { timeout: 15_000 })
      .toBe('1');
  });
});
