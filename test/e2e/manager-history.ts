import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startKhiu, type RunningKhiu } from '../../server/app.ts';
import { ManualClock, type Clock } from '../../server/core/clock.ts';
import { startOfLocalDay } from '../../server/core/local-time.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import { officeDay } from '../../renderer/src/lib/i18n/dates.ts';
import { addDays, mondayOf } from '../../renderer/src/lib/manager/report-period.ts';

export const MANAGER = { username: 'boss', password: 'manager-pw-123' };
export const CLERK = { username: 'clerk', password: 'clerk-pw-1234' };
const ADMIN_PASSWORD = 'manager-e2e-admin-pw';
const TIME_ZONE = 'Asia/Bangkok';
const MINUTE = 60_000;

/**
 * Plays history with a clock of its own, then follows the real one: the browser
 * asks for "last week" by its own date, so the history has to be there.
 */
class SeedingClock implements Clock {
  readonly manual = new ManualClock(0);
  live = false;
  now(): number {
    return this.live ? Date.now() : this.manual.now();
  }
}

export interface HistoryServer {
  khiu: RunningKhiu;
  url: string;
  /** The Monday of last week: the report /manager opens on. */
  lastWeek: string;
  /** The ticket called out of turn last Friday, with its reason. */
  outOfTurnNumber: string;
  close(): Promise<void>;
}

/**
 * An office server on a fresh data directory, serving `staticDir`, with the
 * two weeks before this one played through the real commands (so last week's
 * report has a previous week to compare with), one out-of-turn call with a
 * reason, a manager and a staff user.
 */
export async function startHistoryServer(staticDir: string): Promise<HistoryServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'khiu-manager-e2e-'));
  const clock = new SeedingClock();
  const lastWeek = addDays(mondayOf(officeDay(new Date(), TIME_ZONE)), -7);
  clock.manual.set(startOfLocalDay(addDays(lastWeek, -7), TIME_ZONE) + 8 * 60 * MINUTE);
  const khiu = await startKhiu({
    dataDir,
    port: 0,
    host: '127.0.0.1',
    adminPassword: ADMIN_PASSWORD,
    staticDir,
    clock,
    log: () => {},
  });
  const { office } = khiu;
  playDemoDays(office, clock.manual, {
    firstDay: addDays(lastWeek, -7),
    days: 10,
    perDay: 30,
    seed: 7,
    staff: ['malee', 'somchai'],
  });

  // Last Friday after the hall closed: a citizen back with the missing documents is called first.
  clock.manual.set(
    startOfLocalDay(addDays(lastWeek, 4), TIME_ZONE) + 18 * 60 * MINUTE + 30 * MINUTE,
  );
  const staff = { kind: 'user', username: 'malee', role: 'staff' } as const;
  const kiosk = { kind: 'station', station: 'kiosk-1' } as const;
  office.tickets.issue(1, null, kiosk);
  clock.manual.advance(MINUTE);
  const back = office.tickets.issue(1, null, kiosk);
  clock.manual.advance(MINUTE);
  const called = office.tickets.callOutOfTurn(back.ticket.id, 1, 'returned_with_documents', staff);
  clock.manual.advance(MINUTE);
  office.tickets.start(called.id, staff);
  clock.manual.advance(5 * MINUTE);
  office.tickets.finish(called.id, staff);
  clock.manual.advance(MINUTE);
  const next = office.tickets.callNext(1, staff)!;
  office.tickets.start(next.id, staff);
  clock.manual.advance(6 * MINUTE);
  office.tickets.finish(next.id, staff);

  clock.live = true;
  const admin = await signedIn(khiu.url, 'admin', ADMIN_PASSWORD);
  for (const [user, role] of [
    [MANAGER, 'manager'],
    [CLERK, 'staff'],
  ] as const) {
    const res = await fetch(khiu.url + '/api/users', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ ...user, role }),
    });
    if (res.status !== 201) throw new Error(`creating ${user.username}: ${await res.text()}`);
  }
  return {
    khiu,
    url: khiu.url,
    lastWeek,
    outOfTurnNumber: called.number,
    close: async () => {
      await khiu.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in over HTTP and returns the session cookie. */
export async function signedIn(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(url + '/api/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0]!;
}
