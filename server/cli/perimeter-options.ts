import { readFileSync } from 'node:fs';
import type { KhiuOptions } from '../app.ts';
import { DEFAULT_ANONYMOUS_RATE } from '../api/anonymous-rate-limit.ts';
import { integerOption, UsageError } from './args.ts';

/** The flags `serve` and `start` share for what the server lets in (docs/security.md). */
export const PERIMETER_FLAGS = [
  'allowed-hosts',
  'tls-cert',
  'tls-key',
  'anonymous-rate',
  'anonymous-burst',
] as const;

/**
 * --allowed-hosts (or KHIU_ALLOWED_HOSTS) a comma-separated list of host names; --tls-cert and
 * --tls-key PEM files, both or neither; --anonymous-rate requests a second, with bursts of
 * --anonymous-burst, per address and anonymous endpoint.
 */
export function perimeterOptions(
  flags: Map<string, string>,
  env: NodeJS.ProcessEnv = process.env,
): Pick<KhiuOptions, 'allowedHosts' | 'tls' | 'anonymousRate'> {
  const options: Pick<KhiuOptions, 'allowedHosts' | 'tls' | 'anonymousRate'> = {};
  const hosts = flags.get('allowed-hosts') ?? env.KHIU_ALLOWED_HOSTS;
  if (hosts !== undefined) {
    const list = hosts
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    if (list.length === 0) throw new UsageError('--allowed-hosts needs at least one host name');
    for (const host of list)
      if (!/^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)$/.test(host))
        throw new UsageError(`--allowed-hosts: ${JSON.stringify(host)} is not a host name`);
    options.allowedHosts = list;
  }
  const cert = flags.get('tls-cert');
  const key = flags.get('tls-key');
  if ((cert === undefined) !== (key === undefined))
    throw new UsageError('--tls-cert and --tls-key go together');
  if (cert !== undefined && key !== undefined)
    options.tls = { cert: readPem(cert, 'tls-cert'), key: readPem(key, 'tls-key') };
  if (flags.has('anonymous-rate') || flags.has('anonymous-burst')) {
    options.anonymousRate = {
      perSecond: integerOption(
        flags,
        'anonymous-rate',
        DEFAULT_ANONYMOUS_RATE.perSecond,
        1,
        1_000_000,
      ),
      burst: integerOption(flags, 'anonymous-burst', DEFAULT_ANONYMOUS_RATE.burst, 1, 1_000_000),
    };
  }
  return options;
}

function readPem(file: string, flag: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new UsageError(`--${flag} ${file}: ${(error as Error).message}`);
  }
}
