import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (apt-get install chromium), headless; the kiosk shell would allow autoplay the same way. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.KHIU_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}

export const KIOSK_PORTRAIT = { width: 1080, height: 1920 };
export const KIOSK_LANDSCAPE = { width: 1920, height: 1080 };
