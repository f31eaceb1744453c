import { join } from 'node:path';
import { DATABASE_FILE, openOffice } from '../app.ts';
import { claimDataDir } from '../store/data-dir-claim.ts';
import { LEDGER_HEAD_FILE } from '../store/ledger-head.ts';
import { startLedgerHeadWriter } from '../store/ledger-head-writer.ts';
import { ManualClock } from '../core/clock.ts';
import { localDay, startOfLocalDay } from '../core/local-time.ts';
import { DEFAULT_OFFICE } from '../core/default-office.ts';
import { MUNICIPAL_OFFICE_HOURS } from '../core/office-hours.ts';
import { DEFAULT_QUEUE_CONFIG } from '../core/queue-rule.ts';
import { generatePassword, hashPassword } from '../api/passwords.ts';
import { integerOption, parseArgs, requireOption, UsageError } from './args.ts';
import { playDemoDays } from './seed-demo.ts';
import { closeCleanly } from '../store/clean-close.ts';

const DEMO_STAFF = ['somchai', 'malee', 'wichai', 'pranee'];
const DAY_MS = 86_400_000;

/** seed-demo --data DIR --weeks N --per-day M [--seed S]: weeks of weekday history ending yesterday. */
export async function seedDemoCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['data', 'weeks', 'per-day', 'seed']);
  const dataDir = requireOption(options, 'data');
  const weeks = integerOption(options, 'weeks', 4, 1, 104);
  const perDay = integerOption(options, 'per-day', 80, 1, 2000);
  const seed = integerOption(options, 'seed', 18, 0, 2 ** 31);

  const tz = DEFAULT_QUEUE_CONFIG.timeZone;
  const today = localDay(Date.now(), tz);
  const firstDay = localDay(startOfLocalDay(today, tz) - weeks * 7 * DAY_MS, tz);
  const clock = new ManualClock(startOfLocalDay(firstDay, tz));
  // It writes, so it is the one writer while it runs: never beside a server on the same data.
  const lock = claimDataDir(dataDir, join(dataDir, DATABASE_FILE));
  let opened: ReturnType<typeof openOffice>;
  try {
    opened = openOffice(dataDir, clock);
  } catch (error) {
    lock.release();
    throw error;
  }
  const { db, office } = opened;
  try {
    if ((db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n > 0) {
      throw new UsageError(`${dataDir} already has tickets; seed an empty data directory`);
    }
    // The demo keeps a municipal office's hours; its arrivals fall inside them.
    office.admin.bootstrapOffice(
      { ...DEFAULT_OFFICE, officeHours: MUNICIPAL_OFFICE_HOURS },
      DEFAULT_QUEUE_CONFIG,
    );
    for (const username of DEMO_STAFF) {
      if (!office.ctx.store.users.byUsername(username)) {
        // Demo staff exist for the record only; an admin sets real passwords to use them.
        office.admin.createUser(username, 'staff', await hashPassword(generatePassword()), {
          kind: 'system',
          reason: 'seed_demo',
        });
      }
    }
    const summary = playDemoDays(office, clock, {
      firstDay,
      days: weeks * 5,
      perDay,
      seed,
      staff: DEMO_STAFF,
    });
    // Close the last played day the way the next morning would.
    clock.set(startOfLocalDay(today, tz));
    office.tickets.closeEarlierDays();
    process.stdout.write(`${JSON.stringify({ firstDay, ...summary })}\n`);
    // As a server would have: from here on, deleting the seeded history's tail is noticed.
    await startLedgerHeadWriter(db, join(dataDir, LEDGER_HEAD_FILE)).stop();
    // As a server's stop: the first start on the seeded office need not read every page again.
    const problem = closeCleanly(db);
    if (problem) throw new Error(`the seeded database fails SQLite's quick_check: ${problem}`);
    return 0;
  } finally {
    if (db.open) db.close();
    lock.release();
  }
}
