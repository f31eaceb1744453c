import type { AllowedHosts } from './allowed-hosts.ts';
import type { AnonymousRateLimit } from './anonymous-rate-limit.ts';

/**
 * What the office server checks before any route runs (docs/security.md): the Host it is
 * reached by, where a state-changing request comes from and what it declares, and how often
 * one address calls the anonymous endpoints. The HTTP server and socket.io share it.
 */
export interface Perimeter {
  /** The scheme this server answers on; a same-origin `Origin` carries it. */
  scheme: 'http' | 'https';
  allowedHosts: AllowedHosts;
  anonymousRate: AnonymousRateLimit;
}
