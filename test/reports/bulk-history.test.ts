import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { writeBulkHistory, type BulkHistorySummary } from '../bench/bulk-history.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openOffice, DATABASE_FILE } from '../../server/app.ts';
import { ManualClock } from '../../server/core/clock.ts';
import { localDay, startOfLocalDay } from '../../server/core/local-time.ts';
import { OUT_OF_TURN_REASONS } from '../../server/contract/contract.ts';

const TZ = 'Asia/Bangkok';
const MINUTE = 60_000;
const TICKETS = 5000;

interface Row {
  seq: number;
  id: string;
  number: string;
  day: string;
  service_id: number;
  code: string;
  priority: string | null;
  status: string;
  queued_ms: number;
  issued_ms: number;
  called_ms: number | null;
  last_called_ms: number | null;
  started_ms: number | null;
  finished_ms: number | null;
  counter_id: number | null;
  counter_services: string | null;
  staff: string | null;
  held: number;
  recalls: number;
  out_of_turn: number;
  out_of_turn_reason: string | null;
  transferred_from: string | null;
  transferred_to: string | null;
}

describe('the bulk history generator for the report benchmarks', () => {
  const temps: (() => void)[] = [];
  let dir: string;
  let summary: BulkHistorySummary;
  let db: Database.Database;
  let rows: Row[];
  /** The generated office's rows, which no test changes. */
  let generated: string;

  const generate = (seed: number) => {
    const temp = makeTempDir('khiu-bulk-');
    temps.push(temp.cleanup);
    return { dir: temp.dir, summary: writeBulkHistory(temp.dir, { tickets: TICKETS, seed }) };
  };
  const fingerprint = (file: string) => {
    const other = new Database(file, { readonly: true });
    const hash = createHash('sha256');
    for (const row of other.prepare('SELECT * FROM tickets ORDER BY seq').raw(true).iterate())
      hash.update(JSON.stringify(row));
    for (const row of other.prepare('SELECT * FROM ratings ORDER BY ticket_id').raw(true).iterate())
      hash.update(JSON.stringify(row));
    other.close();
    return hash.digest('hex');
  };

  beforeAll(() => {
    ({ dir, summary } = generate(42));
    generated = fingerprint(join(dir, DATABASE_FILE));
    db = new Database(join(dir, DATABASE_FILE), { readonly: true });
    rows = db
      .prepare(
        `SELECT t.*, s.code, c.service_ids AS counter_services FROM tickets t
         JOIN services s ON s.id = t.service_id LEFT JOIN counters c ON c.id = t.counter_id
         ORDER BY t.seq`,
      )
      .all() as Row[];
  });
  afterAll(() => {
    db?.close();
    for (const cleanup of temps) cleanup();
  });

  it('writes exactly the tickets asked for, with every status the commands leave', () => {
    expect(rows).toHaveLength(TICKETS);
    expect(summary.tickets).toBe(TICKETS);
    const byStatus = (status: string) => rows.filter((r) => r.status === status).length;
    expect(byStatus('done')).toBe(summary.done);
    expect(summary.done / TICKETS).toBeGreaterThan(0.8);
    for (const status of ['no_show', 'cancelled', 'transferred']) {
      expect(byStatus(status)).toBeGreaterThan(0);
    }
    expect(byStatus('waiting') + byStatus('called') + byStatus('serving')).toBe(0);
    expect(rows.filter((r) => r.out_of_turn === 1).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.recalls > 0).length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.priority !== null).length).toBeGreaterThan(0);
  });

  it('leaves rows the schema accepts, its triggers and foreign keys still in place', () => {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    const triggers = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as {
        name: string;
      }[]
    ).map((t) => t.name);
    expect(triggers).toEqual(
      expect.arrayContaining([
        'tickets_identity_is_fixed',
        'tickets_are_never_deleted',
        'ratings_are_final_update',
        'ratings_are_final_delete',
      ]),
    );
    expect(db.prepare('SELECT count(*) AS n FROM ledger WHERE entity = ?').get('ticket')).toEqual({
      n: 0,
    });
  });

  it('numbers each day, service and lane without gaps, in issue order, P before a priority number', () => {
    const lanes = new Map<string, Row[]>();
    for (const r of rows.filter((t) => t.transferred_from === null)) {
      const key = `${r.day}:${r.service_id}:${r.priority ? 'priority' : 'normal'}`;
      lanes.set(key, [...(lanes.get(key) ?? []), r]);
    }
    const sequences = new Map(
      (
        db.prepare('SELECT day, service_id, lane, last FROM ticket_sequences').all() as {
          day: string;
          service_id: number;
          lane: string;
          last: number;
        }[]
      ).map((s) => [`${s.day}:${s.service_id}:${s.lane}`, s.last]),
    );
    expect([...sequences.keys()].sort()).toEqual([...lanes.keys()].sort());
    for (const [key, lane] of lanes) {
      const prefix = (lane[0]!.priority ? 'P' : '') + lane[0]!.code;
      expect(lane.map((r) => r.number)).toEqual(
        lane.map((_, i) => `${prefix}${String(i + 1).padStart(3, '0')}`),
      );
      expect(sequences.get(key)).toBe(lane.length);
    }
    const waiting = db.prepare('SELECT sum(waiting) AS n FROM waiting_counts').get() as {
      n: number;
    };
    expect(waiting.n).toBe(0);
  });

  it('keeps times consistent: issued ≤ called ≤ last called ≤ started ≤ finished, on office days', () => {
    for (const r of rows) {
      const midnight = startOfLocalDay(r.day, TZ);
      expect(localDay(r.queued_ms, TZ)).toBe(r.day);
      expect(r.queued_ms).toBeGreaterThanOrEqual(midnight + (8 * 60 + 30) * MINUTE);
      expect(r.queued_ms).toBeLessThan(midnight + (16 * 60 + 30) * MINUTE);
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${r.day}T12:00:00Z`).getUTCDay());
      expect(r.issued_ms).toBeGreaterThanOrEqual(r.queued_ms);
      const times = [r.issued_ms, r.called_ms, r.last_called_ms, r.started_ms, r.finished_ms];
      const set = times.filter((t): t is number => t !== null);
      expect(set).toEqual([...set].sort((a, b) => a - b));
      for (const t of times) if (t !== null) expect(Number.isInteger(t)).toBe(true);
      expect(r.held).toBe(0);
      const called = r.called_ms !== null;
      expect(r.counter_id !== null).toBe(called);
      expect(r.staff !== null).toBe(called);
      expect(r.last_called_ms !== null).toBe(called);
      if (called) expect(JSON.parse(r.counter_services!)).toContain(r.service_id);
      switch (r.status) {
        case 'done':
          expect(r.finished_ms).not.toBeNull();
          break;
        case 'no_show':
          expect(r.recalls).toBeGreaterThanOrEqual(1);
          expect([r.started_ms, r.finished_ms]).toEqual([null, null]);
          break;
        case 'cancelled':
          expect([r.called_ms, r.started_ms, r.finished_ms]).toEqual([null, null, null]);
          break;
        case 'transferred':
          expect(r.finished_ms).not.toBeNull();
          expect(r.transferred_to).not.toBeNull();
          break;
        default:
          throw new Error(`unexpected status ${r.status}`);
      }
      expect(r.out_of_turn_reason !== null).toBe(r.out_of_turn === 1);
      if (r.out_of_turn_reason !== null)
        expect(OUT_OF_TURN_REASONS as readonly string[]).toContain(r.out_of_turn_reason);
    }
  });

  it('gives each transfer a successor in another service with the same day, number and place', () => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const transferred = rows.filter((r) => r.status === 'transferred');
    expect(rows.filter((r) => r.transferred_from !== null)).toHaveLength(transferred.length);
    for (const from of transferred) {
      const to = byId.get(from.transferred_to!)!;
      expect(to.transferred_from).toBe(from.id);
      expect(to.service_id).not.toBe(from.service_id);
      expect([to.day, to.number, to.queued_ms, to.priority]).toEqual([
        from.day,
        from.number,
        from.queued_ms,
        from.priority,
      ]);
      expect(to.issued_ms).toBe(from.finished_ms);
      expect(to.seq).toBeGreaterThan(from.seq);
    }
  });

  it('rates only done tickets, with their counter and staff, a minute after finishing', () => {
    const ratings = db
      .prepare(
        `SELECT r.*, t.status, t.counter_id AS t_counter, t.staff AS t_staff, t.finished_ms
         FROM ratings r JOIN tickets t ON t.id = r.ticket_id`,
      )
      .all() as {
      score: number;
      counter_id: number;
      staff: string | null;
      rated_ms: number;
      status: string;
      t_counter: number;
      t_staff: string;
      finished_ms: number;
    }[];
    expect(ratings).toHaveLength(summary.ratings);
    for (const r of ratings) {
      expect(r.status).toBe('done');
      expect([r.counter_id, r.staff]).toEqual([r.t_counter, r.t_staff]);
      expect(r.rated_ms).toBe(r.finished_ms + MINUTE);
      expect([1, 2, 3, 4, 5]).toContain(r.score);
    }
    const share = ratings.length / summary.done;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
    const high = ratings.filter((r) => r.score >= 4).length / ratings.length;
    expect(high).toBeGreaterThan(0.7);
  });

  it('lets the office carry on from the history: the next ticket of a day takes the next number', async () => {
    // On a copy: the other tests read the generated office as it was generated.
    const copy = makeTempDir('khiu-bulk-');
    temps.push(copy.cleanup);
    await db.backup(join(copy.dir, DATABASE_FILE));
    const last = rows.filter((r) => r.transferred_from === null).at(-1)!;
    const lane = last.priority ? 'priority' : 'normal';
    const clock = new ManualClock(startOfLocalDay(last.day, TZ) + 17 * 60 * MINUTE);
    const { db: writer, office } = openOffice(copy.dir, clock);
    try {
      const next = office.tickets.issue(last.service_id, last.priority as 'elderly' | null, {
        kind: 'station',
        station: 'kiosk-1',
      });
      const n = Number(last.number.replace(/^\D+/, '')) + 1;
      expect(next.ticket.number).toBe(
        `${lane === 'priority' ? 'P' : ''}${last.code}${String(n).padStart(3, '0')}`,
      );
      expect(next.ahead).toBe(0);
    } finally {
      writer.close();
    }
  });

  it('writes the same rows again from the same seed, and other rows from another', () => {
    expect(fingerprint(join(generate(42).dir, DATABASE_FILE))).toBe(generated);
    expect(fingerprint(join(generate(43).dir, DATABASE_FILE))).not.toBe(generated);
  });
});
