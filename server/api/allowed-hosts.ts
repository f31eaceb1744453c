import { hostname as machineName, networkInterfaces } from 'node:os';
import { KhiuError } from '../core/errors.ts';

/** Local agents, the Electron shell and the PDF printer talk to the server over loopback. */
const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]', '']);
/** Interface addresses change (DHCP, a cable plugged in); read them again at most this often. */
const INTERFACES_TTL_MS = 10_000;

/**
 * The names a browser may use to reach this server (the `Host` header). A DNS-rebinding page
 * (evil.example resolving first to its own server, then to the office server's address) runs
 * in a victim's browser as "same origin" with the office server, but its requests still say
 * `Host: evil.example`; refusing unknown names is what stops it.
 */
export class AllowedHosts {
  private interfaces: { names: Set<string>; atMs: number } | null = null;

  private constructor(
    private readonly fixed: Set<string>,
    private readonly withInterfaces: boolean,
  ) {}

  /**
   * `configured` (--allowed-hosts, KHIU_ALLOWED_HOSTS) replaces the default, which is the
   * listening address (every interface's address when bound to 0.0.0.0 or ::) and the
   * machine's names; loopback names are always allowed.
   */
  static forListener(listenHost: string, configured?: readonly string[]): AllowedHosts {
    const names = new Set(LOOPBACK);
    if (configured && configured.length > 0) {
      for (const name of configured) names.add(normalizeHostName(name));
      return new AllowedHosts(names, false);
    }
    const machine = machineName().toLowerCase();
    names.add(machine);
    names.add(machine.endsWith('.local') ? machine.slice(0, -'.local'.length) : `${machine}.local`);
    const wildcard = WILDCARDS.has(listenHost);
    if (!wildcard) names.add(normalizeHostName(listenHost));
    return new AllowedHosts(names, wildcard);
  }

  /** Whether a request's `Host` header names this server. */
  allows(hostHeader: string | undefined): boolean {
    if (!hostHeader) return false;
    const name = hostNameOf(hostHeader);
    if (name === null) return false;
    if (this.fixed.has(name)) return true;
    return this.withInterfaces && this.interfaceNames().has(name);
  }

  /** Throws 421 host_not_allowed for a Host this server does not answer to. */
  check(hostHeader: string | undefined): void {
    if (this.allows(hostHeader)) return;
    throw new KhiuError(
      'host_not_allowed',
      `this server does not answer to the host name ${JSON.stringify(hostHeader ?? '')}; add it with --allowed-hosts`,
      421,
    );
  }

  private interfaceNames(): Set<string> {
    const now = Date.now();
    if (this.interfaces && now - this.interfaces.atMs < INTERFACES_TTL_MS)
      return this.interfaces.names;
    const names = new Set<string>();
    for (const list of Object.values(networkInterfaces())) {
      for (const info of list ?? []) names.add(normalizeHostName(info.address));
    }
    this.interfaces = { names, atMs: now };
    return names;
  }
}

/** `Example.LAN.` → `example.lan`; an IPv6 address in brackets, without a zone. */
export function normalizeHostName(name: string): string {
  let n = name.trim().toLowerCase().replace(/\.$/, '');
  if (n.startsWith('[') && n.endsWith(']')) n = n.slice(1, -1);
  if (n.includes(':')) return `[${n.replace(/%.*$/, '')}]`;
  return n;
}

/** The host name of a `Host` header (`name:port`, `[v6]:port`), or null when it is not one. */
function hostNameOf(header: string): string | null {
  const trimmed = header.trim();
  if (trimmed.startsWith('[')) {
    const end = trimmed.indexOf(']');
    if (end < 0) return null;
    const rest = trimmed.slice(end + 1);
    if (rest !== '' && !/^:\d{1,5}$/.test(rest)) return null;
    return normalizeHostName(trimmed.slice(0, end + 1));
  }
  const match = /^([^:\s/@]+)(?::\d{1,5})?$/.exec(trimmed);
  return match ? normalizeHostName(match[1]!) : null;
}
