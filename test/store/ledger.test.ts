import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { openOfficeFixture, kiosk, staff, type OfficeFixture } from '../helpers/office-fixture.ts';
import { openDatabase } from '../../server/store/database.ts';
import { Ledger } from '../../server/store/ledger.ts';

/** Edits the database the way someone with the sqlite3 shell would: triggers dropped first. */
function sqliteShell(file: string, sql: string): void {
  execFileSync('sqlite3', [file, sql], { stdio: 'pipe' });
}

describe('the ledger', () => {
  let f: OfficeFixture;
  let file: string;

  beforeEach(() => {
    f = openOfficeFixture();
    file = join(f.dir, 'khiu.db');
    const a = f.office.tickets.issue(f.service('A'), null, kiosk).ticket;
    f.office.tickets.issue(f.service('A'), null, kiosk);
    f.office.tickets.callNext(f.counter(1), staff);
    f.office.tickets.start(a.id, staff);
    f.office.tickets.finish(a.id, staff);
    f.office.feedback.rate(a.id, 5, kiosk);
    f.db.close();
  });
  afterEach(() => f.close());

  const verify = () => {
    const db = openDatabase(file);
    try {
      return new Ledger(db).verify();
    } finally {
      db.close();
    }
  };

  it('verifies an untouched chain and reports its length and head', () => {
    const result = verify();
    expect(result.ok).toBe(true);
    expect(result.length).toBeGreaterThan(10);
    expect(result.headHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses UPDATE and DELETE on the ledger and ratings through SQL', () => {
    expect(() => sqliteShell(file, 'UPDATE ledger SET type = type')).toThrow(/append-only/);
    expect(() => sqliteShell(file, 'DELETE FROM ratings')).toThrow(/never deleted/);
    expect(() =>
      sqliteShell(file, "UPDATE tickets SET queued_ms = 0 WHERE number = 'A002'"),
    ).toThrow(/immutable/);
  });

  it('names the entry of a ledger row changed by hand', () => {
    sqliteShell(
      file,
      'DROP TRIGGER ledger_is_append_only_update; UPDATE ledger SET at_ms = at_ms + 1 WHERE seq = 15',
    );
    expect(verify()).toMatchObject({ ok: false, brokenAt: 15 });
  });

  it('catches a ticket moved forward in line by hand, even with the ledger untouched', () => {
    sqliteShell(
      file,
      "DROP TRIGGER tickets_identity_is_fixed; UPDATE tickets SET queued_ms = 0 WHERE number = 'A002'",
    );
    const result = verify();
    expect(result.ok).toBe(false);
    expect(result.problem).toMatch(/ticket .* differs from its state recorded at entry \d+/);
  });

  it('catches a rating edited by hand', () => {
    sqliteShell(file, 'DROP TRIGGER ratings_are_final_update; UPDATE ratings SET score = 1');
    expect(verify()).toMatchObject({ ok: false, problem: expect.stringMatching(/^rating /) });
  });

  it('catches a deleted ledger entry at the entry after the gap', () => {
    sqliteShell(
      file,
      'DROP TRIGGER ledger_is_append_only_delete; DELETE FROM ledger WHERE seq = 12',
    );
    expect(verify()).toMatchObject({ ok: false, brokenAt: 13 });
  });

  it('catches a counter added behind the ledger’s back', () => {
    sqliteShell(
      file,
      "INSERT INTO counters (name, number, service_ids, status) VALUES ('ลับ', 99, '[1]', 'open')",
    );
    expect(verify()).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/counter \d+ is in the database but not in the ledger/),
    });
  });
});
