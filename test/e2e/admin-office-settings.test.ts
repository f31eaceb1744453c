import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { QueueRule, Service } from '../../server/contract/contract.ts';
import { builtRenderer } from './renderer-build.ts';
import { launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startStationServer, type StationServer } from './station-server.ts';

const OUT = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const DESK = { width: 1280, height: 900 };

let server: StationServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startStationServer(await builtRenderer());
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function page(path: string, options: { admin?: boolean; english?: boolean } = {}) {
  const context = await browser.newContext({ viewport: DESK });
  if (options.admin) {
    const res = await context.request.post(server.url + '/api/session', {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(res.status()).toBe(200);
  }
  if (options.english) await context.addInitScript(() => localStorage.setItem('khiu.lang', 'en'));
  const p = await context.newPage();
  p.on('pageerror', (error) => {
    throw error;
  });
  await p.goto(server.url + path);
  return p;
}

async function officeTab(): Promise<Page> {
  const admin = await page('/admin', { admin: true });
  await admin.getByRole('tab', { name: 'สำนักงาน' }).click();
  await admin.getByTestId('queue-rule').getByTestId('rule-save').waitFor();
  return admin;
}

const rule = async () => (await server.asAdmin<QueueRule>('GET', '/api/queue/rule')).body;

describe('the Office tab', () => {
  it('saves the calling rule, shows the text citizens read, and posts it on an open standards page', async () => {
    const standards = await page('/standards');
    await standards.getByTestId('standards-rule').waitFor();
    const admin = await officeTab();
    const section = admin.getByTestId('queue-rule');
    await section.getByTestId('rule-every-normal').fill('5');
    await section.getByTestId('rule-recall-limit').fill('1');
    await section.getByTestId('rule-save').click();
    await section.getByTestId('rule-saved').waitFor();
    expect(await section.getByTestId('rule-description').innerText()).toContain(
      'ทุกครั้งที่เรียกคิวปกติครบ 5 คิว',
    );
    expect((await rule()).priority.everyNormal).toBe(5);
    expect((await rule()).recallLimit).toBe(1);
    await expect
      .poll(() => standards.getByTestId('standards-rule').innerText(), { timeout: 10_000 })
      .toContain('เรียกซ้ำได้ไม่เกิน 1 ครั้ง');
    await admin.screenshot({ path: OUT + 'admin-office-tab.png', fullPage: true });
  });

  it('refuses a priority prefix that clashes with a service code, in a Thai sentence, and keeps the rule', async () => {
    const before = await rule();
    const admin = await officeTab();
    const section = admin.getByTestId('queue-rule');
    await section.getByTestId('rule-prefix').fill('A');
    await section.getByTestId('rule-save').click();
    const alert = section.getByTestId('rule-clash');
    await alert.waitFor();
    expect(await alert.innerText()).toContain('บันทึกไม่ได้: อักษรนำหน้าคิวพิเศษ "A" ซ้ำกับรหัสบริการ A');
    expect(await section.getByTestId('rule-saved').count()).toBe(0);
    expect(await rule()).toEqual(before);
  });

  it('saves the satisfaction target beside the office name', async () => {
    const admin = await officeTab();
    const section = admin.getByTestId('satisfaction-target');
    await expect.poll(() => section.getByTestId('satisfaction-target-pct').inputValue()).toBe('80');
    await section.getByTestId('satisfaction-target-pct').fill('85');
    await section.getByRole('button', { name: 'บันทึก' }).click();
    await section.getByRole('status').waitFor();
    const saved = await server.asAdmin<{ satisfactionTargetPct: number }>(
      'GET',
      '/api/settings/satisfaction-target',
    );
    expect(saved.body.satisfactionTargetPct).toBe(85);
  });

  it('saves the office name in Thai only, and English screens show the Thai', async () => {
    const kiosk = await page('/kiosk', { english: true });
    const admin = await officeTab();
    const section = admin.getByTestId('office-name');
    await section.getByLabel('ภาษาไทย').fill('เทศบาลตำบลไม่มีชื่ออังกฤษ');
    await section.getByLabel('ภาษาอังกฤษ (ไม่บังคับ)').fill('');
    await section.getByRole('button', { name: 'บันทึก' }).click();
    await section.getByRole('status').waitFor();
    expect((await server.asAdmin<{ name: object }>('GET', '/api/office')).body.name).toEqual({
      th: 'เทศบาลตำบลไม่มีชื่ออังกฤษ',
      en: '',
    });
    await expect
      .poll(() => kiosk.locator('h1').innerText(), { timeout: 10_000 })
      .toBe('เทศบาลตำบลไม่มีชื่ออังกฤษ');
    expect(await kiosk.getByText('Please choose a service').count()).toBe(1);
  });
});

describe('the service form', () => {
  it('saves a service in Thai only with its target wait, and the English standards page shows the Thai', async () => {
    const standards = await page('/standards', { english: true });
    await standards.getByTestId('standard-A').waitFor();
    const admin = await page('/admin', { admin: true });
    await admin.getByRole('button', { name: 'เพิ่มบริการ' }).click();
    const form = admin.locator('form.service-form');
    await form.getByLabel('รหัส').fill('T');
    await form.getByTestId('service-name-th').fill('ขออนุญาตตัดต้นไม้ในที่สาธารณะ');
    await form.getByTestId('service-target-wait').fill('25');
    await form.getByLabel('ขั้นตอน (ไทย)').fill('รับคำร้องและตรวจสถานที่');
    await form.getByLabel('นาที', { exact: true }).fill('30');
    await form.getByLabel('ผู้รับผิดชอบ').fill('กองช่าง');
    await form.getByRole('button', { name: 'เพิ่มเอกสาร' }).click();
    await form.getByLabel('ไทย', { exact: true }).fill('ภาพถ่ายต้นไม้');
    expect(await form.getByTestId('service-target-text').innerText()).toContain(
      'เวลารอไม่เกิน 25 นาที',
    );
    expect(await form.getByTestId('service-standard-minutes').innerText()).toContain('30 นาที');
    await admin.screenshot({ path: OUT + 'admin-service-form-thai-only.png', fullPage: true });
    await form.getByRole('button', { name: 'บันทึก' }).click();
    await admin.getByTestId('service-saved').waitFor();
    expect(await admin.getByTestId('target-T').innerText()).toBe('เวลารอไม่เกิน 25 นาที');

    const saved = (await server.asAdmin<Service[]>('GET', '/api/services')).body.find(
      (s) => s.code === 'T',
    );
    expect(saved).toMatchObject({
      name: { th: 'ขออนุญาตตัดต้นไม้ในที่สาธารณะ', en: '' },
      steps: [{ title: { th: 'รับคำร้องและตรวจสถานที่', en: '' }, minutes: 30 }],
      documents: [{ th: 'ภาพถ่ายต้นไม้', en: '' }],
      standardMinutes: 30,
      targetWaitMinutes: 25,
    });

    // The open English standards page gets it live, with the Thai where English is empty.
    const posted = standards.getByTestId('standard-T');
    await posted.waitFor({ timeout: 10_000 });
    const text = await posted.innerText();
    expect(text).toContain('ขออนุญาตตัดต้นไม้ในที่สาธารณะ');
    expect(text).toContain('รับคำร้องและตรวจสถานที่');
    expect(text).toContain('ภาพถ่ายต้นไม้');
    expect(text).toContain('Wait of at most 25 min');
    expect(text).toContain('What happens');
    await posted.scrollIntoViewIfNeeded();
    await standards.screenshot({ path: OUT + 'standards-live-thai-only.png' });
  });
});
