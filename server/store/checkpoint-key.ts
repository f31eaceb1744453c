import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  type KeyObject,
} from 'node:crypto';
import { chmodSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const CHECKPOINT_KEY_FILE = 'checkpoint.key';

/** What start-up knows of the checkpoints already signed, to hold the key against them. */
export interface SignedSeries {
  count: number;
  lastDay: string | null;
  /** The PEM of the key that signed the last checkpoint. */
  publicKey: string | null;
}

/** Start-up refuses to sign with a key other than the one the published checkpoints name. */
export class CheckpointKeyRefused extends Error {}

/**
 * The office's Ed25519 key for its daily checkpoints: `checkpoint.key` beside the database,
 * PKCS#8 PEM, mode 0600, made on first start. The key is the office's signature on its
 * history: a new key would make every checkpoint saved outside the office uncheckable against
 * what the server publishes next, so a key that is missing or replaced while the database
 * holds checkpoints is refused at start rather than silently made again. Starting a new series
 * (the key is lost for good) is a deliberate act: `newSeries`.
 */
export class CheckpointKey {
  readonly publicKeyPem: string;

  private constructor(private readonly privateKey: KeyObject) {
    this.publicKeyPem = createPublicKey(privateKey).export({
      type: 'spki',
      format: 'pem',
    }) as string;
  }

  /** The data directory's key; `series` is what the database already holds. */
  static inDataDir(dataDir: string, series: SignedSeries, newSeries = false): CheckpointKey {
    const file = join(dataDir, CHECKPOINT_KEY_FILE);
    let text: string | null;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      text = null;
    }
    if (text === null) {
      if (series.count > 0 && !newSeries) {
        throw new CheckpointKeyRefused(
          `${file} is missing but the database holds ${series.count} signed checkpoints (the last of ${series.lastDay}); ` +
            'restore checkpoint.key from the backup of the data directory (if it is lost for good, ' +
            'start once with KHIU_NEW_CHECKPOINT_KEY=1 to begin a new series under a new key)',
        );
      }
      return new CheckpointKey(createKeyFile(file));
    }
    let privateKey: KeyObject | null;
    try {
      privateKey = createPrivateKey(text);
    } catch {
      privateKey = null;
    }
    if (privateKey?.asymmetricKeyType !== 'ed25519') {
      throw new CheckpointKeyRefused(
        `${file} is not an Ed25519 private key (PKCS#8 PEM); restore it from the backup of the data directory`,
      );
    }
    keepPrivate(file);
    const key = new CheckpointKey(privateKey);
    if (series.publicKey !== null && series.publicKey !== key.publicKeyPem && !newSeries) {
      throw new CheckpointKeyRefused(
        `${file} is not the key that signed the database's checkpoints (the last of ${series.lastDay}); ` +
          'restore the office key (or start once with KHIU_NEW_CHECKPOINT_KEY=1 to begin a new series under this key)',
      );
    }
    return key;
  }

  /** Base64 Ed25519 signature of the UTF-8 bytes of `message`. */
  sign(message: string): string {
    return sign(null, Buffer.from(message, 'utf8'), this.privateKey).toString('base64');
  }
}

/** Written whole under another name, then renamed: a start killed half-way leaves no half key. */
function createKeyFile(file: string): KeyObject {
  const { privateKey } = generateKeyPairSync('ed25519');
  const draft = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(draft, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(draft, file);
  } finally {
    rmSync(draft, { force: true });
  }
  return privateKey;
}

/** A key copied in with looser permissions is narrowed (POSIX only: Windows has ACLs). */
function keepPrivate(file: string): void {
  if (process.platform === 'win32') return;
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}
