import { describe, expect, it } from 'vitest';
import { perimeterOptions } from '../../server/cli/perimeter-options.ts';
import { parseArgs, UsageError } from '../../server/cli/args.ts';

const flags = (...argv: string[]) =>
  parseArgs(argv, ['allowed-hosts', 'tls-cert', 'tls-key', 'anonymous-rate', 'anonymous-burst']);

describe('serve’s security flags', () => {
  it('reads --allowed-hosts, or KHIU_ALLOWED_HOSTS when the flag is absent', () => {
    expect(perimeterOptions(flags('--allowed-hosts', 'khiu.office.lan, 192.168.1.10'), {})).toEqual(
      { allowedHosts: ['khiu.office.lan', '192.168.1.10'] },
    );
    expect(perimeterOptions(flags(), { KHIU_ALLOWED_HOSTS: 'khiu.lan,[fe80::1]' })).toEqual({
      allowedHosts: ['khiu.lan', '[fe80::1]'],
    });
    expect(perimeterOptions(flags(), {})).toEqual({});
  });

  it('refuses what is not a host name, half a TLS pair, and a rate that is not one', () => {
    expect(() => perimeterOptions(flags('--allowed-hosts', 'evil.example/path'), {})).toThrow(
      UsageError,
    );
    expect(() => perimeterOptions(flags('--allowed-hosts', ','), {})).toThrow(UsageError);
    expect(() => perimeterOptions(flags('--tls-cert', 'cert.pem'), {})).toThrow(/go together/);
    expect(() =>
      perimeterOptions(
        flags('--tls-cert', '/nonexistent.pem', '--tls-key', '/nonexistent.pem'),
        {},
      ),
    ).toThrow(/--tls-cert \/nonexistent.pem/);
    expect(() => perimeterOptions(flags('--anonymous-rate', '0'), {})).toThrow(UsageError);
  });

  it('raises the anonymous rate only when asked, keeping the default burst', () => {
    expect(perimeterOptions(flags('--anonymous-rate', '50'), {})).toEqual({
      anonymousRate: { perSecond: 50, burst: 20 },
    });
  });
});
