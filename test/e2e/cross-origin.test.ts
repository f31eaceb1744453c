import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/khiu-server.ts';

/**
 * Another application on the office server's host (another port: another origin, the same
 * site, so even SameSite=Strict cookies go along). Its page tries what a CSRF page tries,
 * in the browser of a signed-in member of staff, and writes what happened into its title.
 */
const ATTACK_PAGE = `<!doctype html><meta charset="utf-8"><title>…</title><script>
(async () => {
  const victim = new URLSearchParams(location.search).get('victim');
  const results = {};
  // A bare POST: "simple", so the browser sends it without asking, cookie included.
  await fetch(victim + '/api/counters/1/call-next', { method: 'POST', mode: 'no-cors', credentials: 'include' })
    .then(() => (results.bare = 'sent'), () => (results.bare = 'blocked'));
  // A text/plain body, as a form would send: also "simple".
  await fetch(victim + '/api/counters/1/call-next', { method: 'POST', mode: 'no-cors', credentials: 'include',
      headers: { 'content-type': 'text/plain' }, body: '{}' })
    .then(() => (results.textPlain = 'sent'), () => (results.textPlain = 'blocked'));
  // JSON needs a CORS preflight, which the office server never grants.
  await fetch(victim + '/api/counters/1/call-next', { method: 'POST', credentials: 'include',
      headers: { 'content-type': 'application/json' }, body: '{}' })
    .then((r) => (results.json = 'answered ' + r.status), () => (results.json = 'blocked'));
  // WebSockets are outside CORS: only the server's Origin check stands in the way.
  results.socket = await new Promise((resolve) => {
    const ws = new WebSocket(victim.replace('http', 'ws') + '/socket.io/?EIO=4&transport=websocket');
    ws.onmessage = () => { resolve('open'); ws.close(); };
    ws.onerror = () => resolve('refused');
  });
  document.title = JSON.stringify(results);
})();
</script>`;

let server: TestServer;
let attacker: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  attacker = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(ATTACK_PAGE);
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  browser = await launchChromium();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => attacker?.close(resolve));
  await server?.close();
});

describe('a page of another origin in a signed-in browser', () => {
  it('cannot make counter 1 call next with the victim’s cookie, nor open the realtime socket', async () => {
    const waiting = await server.anon.post('/api/tickets', { serviceId: 1 });
    const context = await browser.newContext();
    // The victim: an admin signed in to the office server in this browser.
    const signIn = await context.request.post(server.url + '/api/session', {
      data: { username: 'admin', password: ADMIN_PASSWORD },
    });
    expect(signIn.status()).toBe(200);
    const page = await context.newPage();
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    await page.goto(`${attackerUrl}?victim=${encodeURIComponent(server.url)}`);
    await page.waitForFunction(() => document.title.startsWith('{'));
    const results = JSON.parse(await page.title());
    await context.close();

    // Before: the bare POST called the ticket and the socket opened.
    expect(results).toMatchObject({ json: 'blocked', socket: 'refused' });
    const ticket = await server.anon.get(`/api/tickets/${waiting.body.ticket.id}`);
    expect(ticket.body.ticket.status).toBe('waiting');
  });
});
