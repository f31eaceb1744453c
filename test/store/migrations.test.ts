import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { listMigrations, runMigrations } from '../../server/store/migrate.ts';
import { openDatabase } from '../../server/store/database.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';

describe('migrations', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  it('runs every numbered migration on an empty database, in order', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = new Database(join(temp.dir, 'empty.db'));
    const migrations = listMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(
      [...migrations.map((m) => m.version)].sort((a, b) => a - b),
    );
    expect(runMigrations(db)).toEqual(migrations.map((m) => m.version));
    const tables = (
      db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    expect(tables).toEqual(
      expect.arrayContaining([
        'tickets',
        'ratings',
        'ledger',
        'services',
        'counters',
        'users',
        'sessions',
      ]),
    );
    db.close();
  });

  it('applies nothing the second time', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = new Database(join(temp.dir, 'twice.db'));
    runMigrations(db);
    expect(runMigrations(db)).toEqual([]);
    db.close();
  });

  it('refuses a database that has a migration this code does not know', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = new Database(join(temp.dir, 'newer.db'));
    runMigrations(db);
    db.prepare(
      "INSERT INTO schema_migrations (version, name, applied_ms) VALUES (999, '999_from_the_future.sql', 0)",
    ).run();
    expect(() => runMigrations(db)).toThrow(/999_from_the_future\.sql/);
    db.close();
  });

  it('opens with WAL, synchronous NORMAL, a busy timeout, foreign keys on and a 2 MiB page cache', () => {
    const temp = makeTempDir();
    cleanup = temp.cleanup;
    const db = openDatabase(join(temp.dir, 'pragmas.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Not the driver's 16 MiB, which an office's day filled page by page (docs/benchmarks.md).
    expect(db.pragma('cache_size', { simple: true })).toBe(-2000);
    db.close();
  });
});
