import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdtempSync } from 'node:fs';
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

describe('start (npm start)', () => {
  it('runs the office server with a virtual printer and display for kiosk-1, prints its tickets to PNG, and stops on SIGTERM', async () => {
    const data = mkdtempSync(join(tmpdir(), 'khiu-start-'));
    child = spawn(
      process.execPath,
      ['--import', 'tsx', runner, 'start', '--data', data, '--port', '0', '--host', '127.0.0.1'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, KHIU_ADMIN_PASSWORD: 'pw-12345678' },
      },
    );
    const stderr: string[] = [];
    createInterface({ input: child.stderr! }).on('line', (l) => stderr.push(l));
    const stdout: string[] = [];
    createInterface({ input: child.stdout! }).on('line', (l) => stdout.push(l));
    await until(() => stdout.length >= 3, 20_000, 'three lines on stdout');
    expect(stdout[0]).toMatch(/^khiu listening on http:\/\/127\.0\.0\.1:\d+$/);
    expect(stdout[1]).toMatch(
      new RegExp(
        `^virtual printer tcp://127\\.0\\.0\\.1:\\d+ for station kiosk-1: tickets as PNG in ${join(data, 'printed')}$`,
      ),
    );
    expect(stdout[2]).toMatch(
      /^virtual display tcp:\/\/127\.0\.0\.1:\d+ \(cd5220\) over counter 1 /,
    );
    const url = stdout[0]!.replace('khiu listening on ', '');

    await until(
      () => stderr.some((l) => l === 'agent: connected to ' + url),
      10_000,
      'the agent to connect',
    );
    const services = (await (await fetch(`${url}/api/services`)).json()) as Service[];
    await issueTicket(url, services[0]!.id, 'kiosk-1');
    await until(() => existsSync(join(data, 'printed', 'ticket-0001.png')), 10_000, 'the PNG');

    child.kill('SIGTERM');
    const code = await new Promise((r) => child!.once('exit', r));
    expect(code).toBe(0);
    expect(stderr).toContain('agent: stopped');
  });
});
