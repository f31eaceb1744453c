import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { makeTempDir } from '../helpers/temp-dir.ts';

/**
 * The floor under issue latency: one autocommitted insert of a ticket-shaped row
 * into better-sqlite3 with the server's pragmas (server/store/database.ts), in a
 * temp dir, in this process.
 */
export class SqliteInsertBaseline {
  private n = 0;

  private constructor(
    private readonly db: Database.Database,
    private readonly insertStatement: Database.Statement,
    private readonly cleanup: () => void,
  ) {}

  static open(): SqliteInsertBaseline {
    const { dir, cleanup } = makeTempDir('khiu-bench-sqlite-');
    const db = new Database(join(dir, 'baseline.db'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec(`CREATE TABLE tickets (
      seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, number TEXT NOT NULL, day TEXT NOT NULL,
      service_id INTEGER NOT NULL, priority TEXT, status TEXT NOT NULL, queued_ms INTEGER NOT NULL,
      issued_ms INTEGER NOT NULL, called_ms INTEGER, last_called_ms INTEGER, started_ms INTEGER,
      finished_ms INTEGER, counter_id INTEGER, staff TEXT, held INTEGER NOT NULL DEFAULT 0,
      recalls INTEGER NOT NULL DEFAULT 0, out_of_turn INTEGER NOT NULL DEFAULT 0,
      out_of_turn_reason TEXT, transferred_from TEXT, transferred_to TEXT)`);
    const insert =
      db.prepare(`INSERT INTO tickets (id, number, day, service_id, status, queued_ms, issued_ms)
      VALUES (?, ?, ?, ?, 'waiting', ?, ?)`);
    return new SqliteInsertBaseline(db, insert, cleanup);
  }

  /** One ticket-shaped row, committed. */
  readonly insert = async (): Promise<void> => {
    this.n += 1;
    const now = Date.now();
    this.insertStatement.run(
      randomBytes(9).toString('base64url'),
      `A${String(this.n).padStart(3, '0')}`,
      '2026-11-25',
      1,
      now,
      now,
    );
  };

  close(): void {
    this.db.close();
    this.cleanup();
  }
}
