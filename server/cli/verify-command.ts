import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { verifyLedger } from '../store/ledger-verification.ts';
import { checkDatabaseFile, DatabaseFileRefused } from '../store/database-file-check.ts';
import { LEDGER_HEAD_FILE } from '../store/ledger-head.ts';
import { DATABASE_FILE } from '../app.ts';
import { parseArgs, requireOption, UsageError } from './args.ts';
import type { Db } from '../store/database.ts';
import type { LedgerCheckpoint } from '../contract/contract.ts';
import {
  checkCheckpoints,
  checkpointMessage,
  parsePublishedCheckpoints,
  type CheckpointCheck,
} from '../core/checkpoint.ts';

/**
 * verify --data DIR [--checkpoints FILE]: exit 0 when the ledger and every table are intact
 * (and, with FILE, a saved copy of GET /api/ledger/checkpoints, when every checkpoint is signed
 * by its public key and the database still holds each day's head), 1 naming the first broken
 * place or day. Opens the database read-only: it never creates, migrates or writes anything,
 * so it can be run on a copy, on evidence, and beside the running server.
 */
export async function verifyCommand(argv: string[]): Promise<number> {
  const options = parseArgs(argv, ['data', 'checkpoints']);
  const dataDir = requireOption(options, 'data');
  const checkpointsFile = options.get('checkpoints');
  const saved = checkpointsFile === undefined ? null : readSavedCheckpoints(checkpointsFile);
  const file = join(dataDir, DATABASE_FILE);
  try {
    if (checkDatabaseFile(file) === 'absent') throw new UsageError(`no Khiu database at ${file}`);
  } catch (error) {
    // A damaged page is what integrity_check below names; an empty or foreign file is not ours.
    if (!(error instanceof DatabaseFileRefused) || error.reason !== 'corrupt') throw error;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = verifyLedger(db);
    const checked = saved && result.ok ? checkAgainst(db, result.length, saved) : undefined;
    process.stdout.write(
      `${JSON.stringify(checked ? { ...result, checkpoints: checked } : result)}\n`,
    );
    if (!result.ok) {
      process.stderr.write(
        `ledger BROKEN${result.brokenAt ? ` at entry ${result.brokenAt}` : ''}: ${result.problem}\n`,
      );
      return 1;
    }
    if (!existsSync(join(dataDir, LEDGER_HEAD_FILE)))
      process.stderr.write(
        `no ${LEDGER_HEAD_FILE} beside the database: deleted last entries could not be noticed\n`,
      );
    process.stderr.write(`ledger intact: ${result.length} entries, head ${result.headHash}\n`);
    if (!checked) return 0;
    if (!checked.ok) {
      process.stderr.write(`checkpoints BROKEN on ${checked.day}: ${checked.problem}\n`);
      return 1;
    }
    process.stderr.write(
      checked.lastDay
        ? `checkpoints hold: ${checked.checked} days, through ${checked.lastDay}\n`
        : 'checkpoints hold: the file lists no checkpoints yet\n',
    );
    return 0;
  } finally {
    db.close();
  }
}

interface SavedCheckpoints {
  publicKey: KeyObject;
  checkpoints: LedgerCheckpoint[];
}

/** The saved copy, or a one-line usage error naming what is wrong with the file. */
function readSavedCheckpoints(file: string): SavedCheckpoints {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason =
      error instanceof SyntaxError ? 'is not JSON' : `cannot be read (${(error as Error).message})`;
    throw new UsageError(`--checkpoints ${file} ${reason}`);
  }
  let published: ReturnType<typeof parsePublishedCheckpoints>;
  try {
    published = parsePublishedCheckpoints(value);
  } catch (error) {
    throw new UsageError(
      `--checkpoints ${file} ${(error as Error).message} (save GET /api/ledger/checkpoints as it is)`,
    );
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(published.publicKey);
  } catch {
    throw new UsageError(`--checkpoints ${file}: its publicKey is not a PEM public key`);
  }
  if (publicKey.asymmetricKeyType !== 'ed25519')
    throw new UsageError(`--checkpoints ${file}: its publicKey is not an Ed25519 key`);
  return { publicKey, checkpoints: published.checkpoints };
}

function checkAgainst(db: Db, length: number, saved: SavedCheckpoints): CheckpointCheck {
  const hashAt = db.prepare('SELECT hash FROM ledger WHERE seq = ?').pluck();
  return checkCheckpoints(
    saved.checkpoints,
    { length, hashAt: (seq) => hashAt.get(seq) as string },
    (checkpoint) =>
      verify(
        null,
        Buffer.from(checkpointMessage(checkpoint), 'utf8'),
        saved.publicKey,
        Buffer.from(checkpoint.signature, 'base64'),
      ),
  );
}
