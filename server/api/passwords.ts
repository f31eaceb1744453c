import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { invalid } from '../core/errors.ts';

const PARAMS = { N: 16384, r: 8, p: 1 } as const;
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    ),
  );
}

/**
 * The shortest password the office accepts, for the first admin (KHIU_ADMIN_PASSWORD) and
 * every password set through the API. Sign-in is limited to a few guesses per name per
 * 15 minutes, so length, not composition rules, is what keeps a guessed password out.
 */
export const MIN_PASSWORD_LENGTH = 10;

/** Why `password` is too short, or null. Characters are counted as code points after NFC, as scrypt sees them. */
export function passwordTooShort(password: string): string | null {
  const length = [...password.normalize('NFC')].length;
  return length >= MIN_PASSWORD_LENGTH
    ? null
    : `a password needs at least ${MIN_PASSWORD_LENGTH} characters; this one has ${length}`;
}

/** Throws 400 password_too_short for a password set through the API. */
export function assertPasswordLength(password: string): void {
  const problem = passwordTooShort(password);
  if (problem) throw invalid('password_too_short', problem);
}

/** scrypt$N$r$p$salt$key, salt and key in base64. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash to check unknown usernames against, so a wrong name costs as long as a wrong password. */
export const DUMMY_HASH = `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

/** A readable random password for the first admin: 4 groups of 4 from an unambiguous alphabet. */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRTUVWXYZ2346789';
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
