import { execFileSync } from 'node:child_process';

/**
 * Runs SQL through the real `sqlite3` shell, as a person with the database file would (they
 * drop a trigger first when one is in the way); returns what the shell printed. Throws with
 * the shell's message when SQLite refuses.
 */
export function sqliteShell(file: string, sql: string): string {
  return execFileSync('sqlite3', [file, sql], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
