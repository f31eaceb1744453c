import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files in store/migrations, in order. */
export function listMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file,
      sql: readFileSync(`${dir}${file}`, 'utf8'),
    }));
}

/**
 * Applies every migration not yet recorded, each in its own transaction. Refuses
 * a database that has a migration this code does not know (it is newer than us).
 */
export function runMigrations(db: Database.Database, migrations = listMigrations()): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)`);
  const applied = new Map(
    (
      db.prepare('SELECT version, name FROM schema_migrations').all() as {
        version: number;
        name: string;
      }[]
    ).map((row) => [row.version, row.name]),
  );
  const known = new Set(migrations.map((m) => m.version));
  for (const [version, name] of applied) {
    if (!known.has(version)) {
      throw new Error(
        `database has migration ${name} that this version of Khiu does not know; upgrade Khiu`,
      );
    }
  }
  const ran: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        Date.now(),
      );
    })();
    ran.push(migration.version);
  }
  return ran;
}
