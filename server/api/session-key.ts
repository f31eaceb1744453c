import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SessionColumns } from '../store/user-store.ts';

export const SESSION_KEY_FILE = 'session.key';
const KEY_BYTES = 32;

/**
 * The secret that keys what the `sessions` table stores (migration 005), kept in
 * `session.key` beside the database and readable only by the server's account. Whoever can
 * write the database but not read this file cannot make a row that any cookie signs in
 * with, nor move a session to another user, counter or expiry. Deleting the file signs
 * everyone out.
 */
export class SessionKey {
  private constructor(private readonly secret: Buffer) {}

  /** The data directory's key, made (mode 0600) on first start. */
  static inDataDir(dataDir: string): SessionKey {
    const file = join(dataDir, SESSION_KEY_FILE);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return new SessionKey(createKeyFile(file));
    }
    if (!/^[0-9a-f]{64}\n?$/.test(text)) {
      throw new Error(
        `${file} is not a Khiu session key (64 hex digits); move it away to sign everyone out and start again`,
      );
    }
    keepPrivate(file);
    return new SessionKey(Buffer.from(text.trim(), 'hex'));
  }

  /** What the table stores for a cookie's token. */
  tokenHash(token: string): string {
    return this.mac(`token\n${token}`);
  }

  /** Binds a row's other columns to its token hash. */
  seal(columns: SessionColumns): string {
    return this.mac(
      `session\n${columns.tokenHash}\n${columns.userId}\n${columns.counterId ?? ''}\n` +
        `${columns.createdMs}\n${columns.expiresMs}`,
    );
  }

  /** Whether `seal` is this key's seal of `columns`, in constant time. */
  sealMatches(columns: SessionColumns, seal: string): boolean {
    const expected = Buffer.from(this.seal(columns), 'hex');
    const given = Buffer.from(seal, 'hex');
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private mac(text: string): string {
    return createHmac('sha256', this.secret).update(text).digest('hex');
  }
}

/** Written whole under another name, then renamed: a start killed half-way leaves no half key. */
function createKeyFile(file: string): Buffer {
  const secret = randomBytes(KEY_BYTES);
  const draft = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(draft, `${secret.toString('hex')}\n`, { mode: 0o600 });
    renameSync(draft, file);
  } finally {
    rmSync(draft, { force: true });
  }
  return secret;
}

/** A key copied in with looser permissions is narrowed (POSIX only: Windows has ACLs). */
function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}
