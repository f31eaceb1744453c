import encodeQR from 'qr';

/** An SVG QR code for a URL, drawn in the page (no network, no canvas). */
export function qrSvg(text: string): string {
  return encodeQR(text, 'svg', { ecc: 'medium', border: 2 });
}

export { ticketUrl } from './ticket-url.ts';
