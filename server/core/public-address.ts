/*
 * Where citizens' phones reach the office server: the address printed in every ticket's QR
 * (<publicBaseUrl>/t/<id>). A QR that points at loopback opens nothing on a phone, so the
 * server works out a default that can, and says loudly when it cannot.
 */

/**
 * Every character of the address is a byte on every ticket and a denser QR (a text ticket
 * should stay under 600 B; see hardware/agent/station-config.ts, which holds an agent's own
 * override to the same limit).
 */
export const MAX_PUBLIC_BASE_URL_LENGTH = 32;

/** Where the address came from: set under /admin, the machine's LAN address, or the listener itself. */
export type PublicAddressSource = 'setting' | 'lan' | 'listener';

export interface PublicAddress {
  /** The effective address, without a trailing slash; null while the server does not know how it is reached. */
  publicBaseUrl: string | null;
  source: PublicAddressSource | null;
  /** True when the effective address is loopback: no phone can open the QR. */
  loopback: boolean;
}

/** The socket the server listens on, as its command line started it. */
export interface Listener {
  scheme: 'http' | 'https';
  /** As given to listen(): 0.0.0.0 and :: mean every interface. */
  host: string;
  port: number;
}

/** One interface address, as os.networkInterfaces() lists it. */
export interface InterfaceAddress {
  address: string;
  family: string | number;
  internal: boolean;
}

export type NetworkInterfaces = Record<string, InterfaceAddress[] | undefined>;

const PATH_SEGMENT = /^[A-Za-z0-9._~-]+$/;

/** Why `value` cannot be the office's public address, or null when it can. */
export function publicBaseUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `not an absolute URL: "${value}"`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must be http:// or https://';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (url.search || value.includes('?')) return 'must have no ?query';
  if (url.hash || value.includes('#')) return 'must have no #fragment';
  const segments = url.pathname.split('/').filter((s) => s !== '');
  if (segments.some((s) => !PATH_SEGMENT.test(s)))
    return 'a path prefix may hold only A-Z a-z 0-9 . _ ~ - between slashes';
  if (segments.includes('t') || segments.includes('api'))
    return 'give the address the office answers on, not a page of it (no /t or /api)';
  const normal = normalisePublicBaseUrl(value);
  if (normal.length > MAX_PUBLIC_BASE_URL_LENGTH)
    return `at most ${MAX_PUBLIC_BASE_URL_LENGTH} characters (${normal} has ${normal.length}): it is printed in every QR`;
  return null;
}

/** The address as stored and printed: scheme and host in lower case, no default port, no trailing slash. */
export function normalisePublicBaseUrl(value: string): string {
  const url = new URL(value);
  return `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
}

const isLoopbackHost = (host: string): boolean => {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    bare === 'localhost' ||
    bare.endsWith('.localhost') ||
    bare === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(bare) ||
    /^::ffff:127\./.test(bare)
  );
};

/** True when the address names this machine only (127.0.0.0/8, ::1, localhost). */
export function isLoopbackBaseUrl(value: string): boolean {
  try {
    return isLoopbackHost(new URL(value).hostname);
  } catch {
    return false;
  }
}

/** The first IPv4 address of a network card (not loopback), in the order the system lists them. */
export function firstLanIpv4(interfaces: NetworkInterfaces): string | null {
  for (const addresses of Object.values(interfaces)) {
    for (const a of addresses ?? []) {
      // Node 18.0-18.3 gave the family as the number 4.
      if ((a.family === 'IPv4' || a.family === 4) && !a.internal) return a.address;
    }
  }
  return null;
}

const isWildcard = (host: string): boolean =>
  host === '0.0.0.0' || host === '::' || host === '[::]' || host === '';

const baseUrl = (scheme: string, host: string, port: number): string => {
  const inUrl = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  const defaultPort = (scheme === 'http' && port === 80) || (scheme === 'https' && port === 443);
  return `${scheme}://${inUrl}${defaultPort ? '' : `:${port}`}`;
};

/**
 * The address the QR carries. The office's setting when there is one; else, for a server
 * listening on every interface, the machine's LAN address with the server's port; else the
 * address it listens on (a server bound to loopback is reachable from nowhere else, so its
 * LAN address would be a QR that opens nothing, without the warning).
 */
export function effectivePublicAddress(
  setting: string | null,
  listener: Listener | null,
  interfaces: NetworkInterfaces,
): PublicAddress {
  const of = (url: string, source: PublicAddressSource): PublicAddress => ({
    publicBaseUrl: url,
    source,
    loopback: isLoopbackBaseUrl(url),
  });
  if (setting) return of(setting, 'setting');
  if (!listener) return { publicBaseUrl: null, source: null, loopback: false };
  if (isWildcard(listener.host)) {
    const lan = firstLanIpv4(interfaces);
    return lan
      ? of(baseUrl(listener.scheme, lan, listener.port), 'lan')
      : of(baseUrl(listener.scheme, '127.0.0.1', listener.port), 'listener');
  }
  return of(baseUrl(listener.scheme, listener.host, listener.port), 'listener');
}

/** The one line `serve` and `start` print when phones cannot open the tickets' QR; null when they can. */
export function publicAddressWarning(
  address: PublicAddress,
  interfaces: NetworkInterfaces,
): string | null {
  if (!address.loopback || address.publicBaseUrl === null) return null;
  const lan = firstLanIpv4(interfaces);
  const fix =
    address.source === 'setting'
      ? 'set the address phones use under /admin → Office'
      : lan
        ? `start with --host 0.0.0.0 (this machine's LAN address is ${lan}) or set the address phones use under /admin → Office`
        : 'this machine has no LAN address; connect it to the office network, or set the address phones use under /admin → Office';
  return `warning: ticket QR codes point at ${address.publicBaseUrl}, which no phone can open: ${fix}`;
}
