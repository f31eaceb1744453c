import { HardwareError } from '../hardware-error.ts';

/** Reads `--name value` pairs; anything unexpected is an error, not a silent default. */
export function parseFlags(args: string[], known: readonly string[]): Map<string, string> {
  const flags = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--'))
      throw new HardwareError('invalid_arguments', `unexpected argument "${arg}"`);
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (!known.includes(name))
      throw new HardwareError(
        'invalid_arguments',
        `unknown option --${name}; known: ${known.map((k) => `--${k}`).join(', ')}`,
      );
    const value = inline ?? args[++i];
    if (value === undefined)
      throw new HardwareError('invalid_arguments', `--${name} needs a value`);
    flags.set(name, value);
  }
  return flags;
}

export function required(flags: Map<string, string>, name: string): string {
  const v = flags.get(name);
  if (v === undefined) throw new HardwareError('invalid_arguments', `--${name} is required`);
  return v;
}

export function integer(
  flags: Map<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = flags.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new HardwareError(
      'invalid_arguments',
      `--${name} must be a whole number ${min}..${max}, got "${raw}"`,
    );
  return n;
}
