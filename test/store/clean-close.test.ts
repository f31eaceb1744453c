import { afterEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { openDatabase } from '../../server/store/database.ts';
import { DatabaseFileRefused } from '../../server/store/database-file-check.ts';
import { closeCleanly, recordCleanClose, takeCleanClose } from '../../server/store/clean-close.ts';

describe('a clean close recorded for the next start', () => {
  let cleanup: (() => void) | undefined;
  afterEach(() => cleanup?.());

  /** A WAL-mode database closed by its only connection, as the server leaves khiu.db. */
  function closedDatabase(): string {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'khiu.db');
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE ledger (seq INTEGER PRIMARY KEY, entry TEXT)');
    db.prepare('INSERT INTO ledger (entry) VALUES (?)').run('issued');
    db.close();
    return file;
  }

  it('lets an untouched file skip the page check once, then asks for it again', () => {
    const file = closedDatabase();
    recordCleanClose(file);
    expect(existsSync(`${file}.closed`)).toBe(true);
    expect(takeCleanClose(file)).toBe(true);
    // Taken before the server writes: a crash from here on leaves nothing to trust.
    expect(existsSync(`${file}.closed`)).toBe(false);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('does not trust a file written after the close, even with its times set back', () => {
    const file = closedDatabase();
    const { size } = statSync(file);
    const mtimeNs = statSync(file, { bigint: true }).mtimeNs;
    recordCleanClose(file);
    // A copy of the file's times, to the nanosecond, to put back afterwards.
    execFileSync('touch', ['-r', file, `${file}.times`]);
    // Same size: a byte changed in place, the way a damaged sector or a hex editor would.
    execFileSync('dd', [
      'if=/dev/zero',
      `of=${file}`,
      'bs=1',
      'seek=5000',
      'count=1',
      'conv=notrunc',
      'status=none',
    ]);
    execFileSync('touch', ['-r', `${file}.times`, file]);
    expect(statSync(file).size).toBe(size);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(mtimeNs);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('does not trust a file the sqlite3 shell changed', () => {
    const file = closedDatabase();
    recordCleanClose(file);
    execFileSync('sqlite3', [file, "UPDATE ledger SET entry = 'edited'"]);
    expect(takeCleanClose(file)).toBe(false);
  });

  it('records nothing while another connection keeps a WAL open', () => {
    const file = closedDatabase();
    const other = new Database(file);
    try {
      other.prepare('INSERT INTO ledger (entry) VALUES (?)').run('later');
      expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
      recordCleanClose(file);
      expect(existsSync(`${file}.closed`)).toBe(false);
    } finally {
      other.close();
    }
  });

  it('is recorded at a stop only when the pages pass quick_check', () => {
    const sound = closedDatabase();
    expect(closeCleanly(new Database(sound))).toBeNull();
    expect(takeCleanClose(sound)).toBe(true);

    const damaged = closedDatabase();
    const db = new Database(damaged);
    db.exec('CREATE INDEX ledger_entry ON ledger (entry)');
    db.prepare('INSERT INTO ledger (entry) SELECT entry FROM ledger').run();
    const pageSize = Number(db.pragma('page_size', { simple: true }));
    const page = Number(
      db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'ledger_entry'").pluck().get(),
    );
    db.close();
    // A page of zeros where the index was: a torn write the server's run would not notice.
    execFileSync('dd', [
      'if=/dev/zero',
      `of=${damaged}`,
      `bs=${pageSize}`,
      `seek=${page - 1}`,
      'count=1',
      'conv=notrunc',
      'status=none',
    ]);
    const problem = closeCleanly(new Database(damaged));
    expect(problem).toMatch(new RegExp(`page ${page}\\b`));
    expect(existsSync(`${damaged}.closed`)).toBe(false);
  });

  it('is what lets the server open a file without reading its pages, and nothing else is', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'khiu.db');
    openDatabase(file).close();
    const sqlite3 = (sql: string): string =>
      execFileSync('sqlite3', [file, sql], { encoding: 'utf8' });
    const pageSize = Number(sqlite3('PRAGMA page_size'));
    const page = Number(
      sqlite3("SELECT rootpage FROM sqlite_schema WHERE name = 'tickets_number_per_day'"),
    );
    execFileSync('dd', [
      'if=/dev/zero',
      `of=${file}`,
      `bs=${pageSize}`,
      `seek=${page - 1}`,
      'count=1',
      'conv=notrunc',
      'status=none',
    ]);
    // Without a record the open reads every page and refuses the damaged one.
    expect(() => openDatabase(file)).toThrow(DatabaseFileRefused);
    // A record of the file as it is now (which a stop's check would never have written) is
    // trusted: the open does not read the pages, so it succeeds. This is the start-up saving.
    recordCleanClose(file);
    openDatabase(file).close();
    expect(existsSync(`${file}.closed`)).toBe(false);
  });

  it('does not trust a record that is not one, and removes it', () => {
    const file = closedDatabase();
    writeFileSync(`${file}.closed`, 'not json');
    expect(takeCleanClose(file)).toBe(false);
    expect(existsSync(`${file}.closed`)).toBe(false);
  });

  it('does not trust a record left beside a database that is gone', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const file = join(temp.dir, 'khiu.db');
    writeFileSync(`${file}.closed`, '{}\n');
    expect(takeCleanClose(file)).toBe(false);
    expect(existsSync(`${file}.closed`)).toBe(false);
  });
});
