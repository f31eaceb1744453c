import type { RunningKhiu } from '../app.ts';
import type { NetworkInterfaces } from '../core/public-address.ts';
import { publicAddressWarning } from '../core/public-address.ts';

/**
 * Tells the office which socket it listens on, so the ticket QR's default address can be
 * worked out (the machine's LAN address when it listens on every interface), and gives the
 * one warning line to print when phones could not open that address; null when they can.
 */
export function announcePublicAddress(
  khiu: Pick<RunningKhiu, 'url' | 'office'>,
  host: string,
  interfaces?: () => NetworkInterfaces,
): string | null {
  const url = new URL(khiu.url);
  const scheme = url.protocol === 'https:' ? 'https' : 'http';
  const port = Number(url.port || (scheme === 'https' ? 443 : 80));
  const ctx = khiu.office.ctx;
  ctx.listeningAt({ scheme, host, port }, interfaces);
  return publicAddressWarning(ctx.publicAddress(), ctx.networkInterfaces());
}
