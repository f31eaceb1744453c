import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKhiu } from '../../../server/app.ts';
import { LOAD_TEST_ANONYMOUS_RATE } from '../../helpers/load-rate.ts';
import { launchChromium, KIOSK_LANDSCAPE } from '../chromium.ts';

const CALLS = 25;

interface Sample {
  display: number;
  plain: number;
}

/**
 * Inside the /display page: a raw socket.io connection hears the same
 * `ticket:called` as the app. From its arrival we time (a) the app's headline
 * showing the number and (b) a plain div given the number by textContent, each
 * up to the next animation frame, i.e. the frame that paints it.
 */
// Plain JavaScript text: a TypeScript function would be rewritten by the loader
// (tsx adds helper calls) and would not run inside the page.
const INSTALL = `(() => {
  window.__samples = [];
  const plain = document.createElement('div');
  plain.style.cssText = 'position:fixed;left:0;bottom:0;font-size:40px;color:#fff';
  document.body.append(plain);
  const painted = (since, done) => requestAnimationFrame(() => done(performance.now() - since));
  const ws = new WebSocket('ws://' + location.host + '/socket.io/?EIO=4&transport=websocket');
  ws.onmessage = (message) => {
    const data = String(message.data);
    if (data === '2') return ws.send('3');
    if (data.startsWith('0')) return ws.send('40');
    if (data.startsWith('40')) window.__ready = true;
    if (!data.startsWith('42')) return;
    const [name, payload] = JSON.parse(data.slice(2));
    if (name !== 'ticket:called') return;
    const t0 = performance.now();
    const number = payload.ticket.number;
    const sample = { display: NaN, plain: NaN };
    plain.textContent = number;
    painted(t0, (ms) => (sample.plain = ms));
    const headline = document.querySelector('[data-testid=headline-number]');
    const shown = () => headline.textContent.trim() === number;
    const finish = () => painted(t0, (ms) => {
      sample.display = ms;
      window.__samples.push(sample);
    });
    if (shown()) return finish();
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      finish();
    });
    observer.observe(headline, { childList: true, characterData: true, subtree: true });
  };
})()`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/** Median ms from `ticket:called` to the number painted on /display, and for a plain DOM text update. */
export async function measureDisplayUpdate(
  staticDir: string,
): Promise<{ display: number; plain: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khiu-bench-display-'));
  const khiu = await startKhiu({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: 'bench-admin-pw',
    staticDir,
    log: () => {},
    anonymousRate: LOAD_TEST_ANONYMOUS_RATE,
  });
  const browser = await launchChromium();
  try {
    let cookie = '';
    const call = async (method: string, path: string, body?: unknown) => {
      const res = await fetch(khiu.url + path, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(body ?? {}),
      });
      cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
      if (res.status >= 400)
        throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? null : ((await res.json()) as { ticket: { id: string } });
    };
    await call('POST', '/api/session', { username: 'admin', password: 'bench-admin-pw' });
    for (let i = 0; i < CALLS; i += 1) await call('POST', '/api/tickets', { serviceId: 1 });

    const page = await (await browser.newContext({ viewport: KIOSK_LANDSCAPE })).newPage();
    await page.goto(`${khiu.url}/display`);
    await page.getByTestId('waiting-A').waitFor();
    await page.evaluate(INSTALL);
    await page.waitForFunction(() => (window as unknown as { __ready?: boolean }).__ready === true);

    for (let i = 0; i < CALLS; i += 1) {
      const called = await call('POST', '/api/counters/1/call-next');
      await page.waitForFunction(
        (n) => (window as unknown as { __samples: unknown[] }).__samples.length >= n,
        i + 1,
      );
      await call('POST', `/api/tickets/${called!.ticket.id}/no-show`);
    }
    const samples = (await page.evaluate(
      () => (window as unknown as { __samples: Sample[] }).__samples,
    )) as Sample[];
    // The first call also decodes the voice clips and warms the JIT; it is not what a hall sees all day.
    const steady = samples.slice(1);
    return {
      display: median(steady.map((s) => s.display)),
      plain: median(steady.map((s) => s.plain)),
    };
  } finally {
    await browser.close();
    await khiu.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
