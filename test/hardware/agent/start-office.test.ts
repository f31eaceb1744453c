import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Service } from '../../../server/contract/contract.ts';
import { until } from '../printer-rig.ts';
import { issueTicket } from './agent-rig.ts';

const runner = fileURLToPath(new URL('../cli/run-hardware-command.ts', import.meta.url));
let child: ChildProcess | null = null;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

/** `npm start` on `data`, resolved once it has printed `lines` lines on stdout. */
async function start(data: string, lines: number) {
  child = spawn(
    process.execPath,
    ['--import', 'tsx', runner, 'start', '--data', data, '--port', '0', '--host', '127.0.0.1'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KHIU_ADMIN_PASSWORD: 'pw-12345678-start' },
    },
  );
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
  const stdout: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => stdout.push(l));
  await until(() => stdout.length >= lines, 20_000, `${lines} lines on stdout`);
  return { process: child, stdout, stderr, url: stdout[0]!.replace('khiu listening on ', '') };
}

async function stop(running: { process: ChildProcess }): Promise<number | null> {
  running.process.kill('SIGTERM');
  return new Promise((r) => running.process.once('exit', r));
}

/** The token a pairing link carries, after following it as a browser would. */
async function pair(link: string): Promise<string> {
  const res = await fetch(link, { redirect: 'manual' });
  expect(res.status).toBe(303);
  return /^khiu_station=([^;]+)/.exec(res.headers.get('set-cookie')!)![1]!;
}

describe('start (npm start)', () => {
  it('runs the office server with a virtual printer and display for kiosk-1, pairs its own agent, prints the paired kiosk’s tickets to PNG, and stops on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'khiu-start-'));
    const first = await start(data, 5);
    const { stdout, stderr, url } = first;
    expect(stdout[0]).toMatch(/^khiu listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout[1]).toMatch(
      new RegExp(
        `^virtual printer tcp://127\\.0\\.0\\.1:\\d+ for station kiosk-1: tickets as PNG in ${join(data, 'printed')}$`,
      ),
    );
    expect(stdout[2]).toMatch(
      /^virtual display tcp:\/\/127\.0\.0\.1:\d+ \(cd5220\) over counter 1 /,
    );
    const kioskLine = new RegExp(
      `^pair a browser as kiosk kiosk-1: (${url}/pair\\?token=[A-Za-z0-9_-]{43}&next=%2Fkiosk)$`,
    );
    expect(stdout[3]).toMatch(kioskLine);
    expect(stdout[4]).toMatch(
      new RegExp(
        `^pair a browser as the rating screen of counter 1: ${url}/pair\\?token=[A-Za-z0-9_-]{43}&next=%2Frate%2F1$`,
      ),
    );

    await until(
      () => stderr.some((l) => l === 'agent: connected to ' + url),
      10_000,
      'the agent to connect',
    );
    // Its tokens stay next to the database, readable by this user only.
    for (const file of readdirSync(join(data, 'stations')))
      expect(statSync(join(data, 'stations', file)).mode & 0o077).toBe(0);

    const services = (await (await fetch(`${url}/api/services`)).json()) as Service[];
    const kiosk = await pair(kioskLine.exec(stdout[3]!)![1]!);
    await issueTicket(url, services[0]!.id, kiosk);
    await until(() => existsSync(join(data, 'printed', 'ticket-0001.png')), 10_000, 'the PNG');
    // A ticket from an unpaired screen prints nowhere.
    await fetch(`${url}/api/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: services[0]!.id }),
    });

    expect(await stop(first)).toBe(0);
    expect(stderr).toContain('agent: stopped');
    expect(stderr.some((l) => /server refused|station_required/.test(l))).toBe(false);
    expect(readdirSync(join(data, 'printed')).filter((f) => f.endsWith('.png'))).toEqual([
      'ticket-0001.png',
    ]);

    // The next start reuses its own pairings: the kiosk paired before still prints.
    const second = await start(data, 5);
    expect(second.stdout[3]).toBe(stdout[3]!.replace(url, second.url));
    await until(
      () => second.stderr.some((l) => l === 'agent: connected to ' + second.url),
      10_000,
      'the agent to connect again',
    );
    await issueTicket(second.url, services[0]!.id, kiosk);
    // The virtual printer counts its tickets from 1 again in a new process.
    await until(
      () => second.stderr.some((l) => l.startsWith('agent: virtual printer: ticket 1 ')),
      10_000,
      'the ticket printed after the restart',
    );
    expect(await stop(second)).toBe(0);
  });
});
