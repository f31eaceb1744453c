import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/store/database.ts';
import { Store } from '../../server/store/store.ts';
import { Office } from '../../server/commands/office.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { DEFAULT_OFFICE } from '../../server/core/default-office.ts';
import { DEFAULT_QUEUE_CONFIG, type QueueConfig } from '../../server/core/queue-rule.ts';
import type { DomainEvent } from '../../server/commands/domain-events.ts';
import type { Actor } from '../../server/core/records.ts';
import { makeTempDir } from './temp-dir.ts';

/** 2026-11-25 09:00 in Bangkok (UTC+7). */
export const NINE_AM_BANGKOK = Date.UTC(2026, 10, 25, 2, 0, 0);

export const staff: Actor = { kind: 'user', username: 'somchai', role: 'staff' };
export const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };

export interface OfficeFixture {
  db: Db;
  office: Office;
  clock: ManualClock;
  events: DomainEvent[];
  dir: string;
  /** Service id by code (A-F of the default office). */
  service: (code: string) => number;
  /** Counter id by number (1-4 of the default office). */
  counter: (number: number) => number;
  close: () => void;
}

/** The default office on a real SQLite file in a temp dir, with a clock the test moves. */
export function openOfficeFixture(config: Partial<QueueConfig> = {}): OfficeFixture {
  const { dir, cleanup } = makeTempDir();
  const db = openDatabase(join(dir, 'khiu.db'));
  const clock = new ManualClock(NINE_AM_BANGKOK);
  const events: DomainEvent[] = [];
  const office = new Office({
    store: new Store(db),
    clock,
    onCommitted: (batch) => events.push(...batch),
  });
  office.admin.bootstrapOffice(DEFAULT_OFFICE, { ...DEFAULT_QUEUE_CONFIG, ...config });
  events.length = 0;
  return {
    db,
    office,
    clock,
    events,
    dir,
    service: (code) => office.ctx.store.services.byCode(code)!.id,
    counter: (number) => office.ctx.store.counters.byNumber(number)!.id,
    close: () => {
      db.close();
      cleanup();
    },
  };
}
