import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildShell } from '../../electron/launch/build-shell.ts';
import { launchChromium } from '../e2e/chromium.ts';
import { cleanCopy } from './clean-copy.ts';

const SCREENSHOTS = new URL('../../test-output/screenshots/', import.meta.url);

describe('the staff exit prompt', () => {
  let clone: { dir: string; cleanup: () => void };
  let browser: Browser;
  let outDir: string;
  beforeAll(async () => {
    clone = cleanCopy();
    ({ outDir } = await buildShell(clone.dir));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    clone.cleanup();
  });

  it('asks for an admin’s user name and password in Thai, and shows the server’s answer', async () => {
    const page = await browser.newPage({ viewport: { width: 560, height: 440 } });
    // What the prompt's preload gives the page in Electron: here a stand-in that refuses once.
    await page.addInitScript(() => {
      const calls: string[][] = [];
      (window as unknown as Record<string, unknown>).khiuCalls = calls;
      (window as unknown as Record<string, unknown>).khiuExit = {
        submit: (username: string, password: string) => {
          calls.push([username, password]);
          return Promise.resolve({
            left: false,
            message: 'ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (Wrong user name or password)',
          });
        },
        cancel: () => calls.push(['cancel']),
      };
    });
    await page.goto(`file://${join(outDir, 'exit-prompt.html')}`);
    await page.evaluate(() => document.fonts.ready);
    // The Thai font ships with the prompt: the machine needs none of its own.
    expect(await page.evaluate(() => document.fonts.check('16px Sarabun', 'ออก'))).toBe(true);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: new URL('exit-prompt.png', SCREENSHOTS).pathname });
    expect(await page.locator('h1').textContent()).toBe('ออกจากโหมดคีออสก์');
    await page.fill('#username', 'admin');
    await page.fill('#password', 'wrong-password');
    await page.click('#submit');
    await expect
      .poll(() => page.locator('#answer').textContent())
      .toBe('ชื่อผู้ใช้หรือรหัสผ่านไม่ถูกต้อง (Wrong user name or password)');
    // The password field is emptied for the next try.
    expect(await page.inputValue('#password')).toBe('');
    await page.screenshot({ path: new URL('exit-prompt-refused.png', SCREENSHOTS).pathname });
    await page.click('#cancel');
    expect(
      await page.evaluate(() => (window as unknown as { khiuCalls: string[][] }).khiuCalls),
    ).toEqual([['admin', 'wrong-password'], ['cancel']]);
    await page.close();
  });
});
