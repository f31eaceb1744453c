import encodeQR from 'qr';

/** An SVG QR code for a URL, drawn in the page (no network, no canvas). */
export function qrSvg(text: string): string {
  return encodeQR(text, 'svg', { ecc: 'medium', border: 2 });
}

/** The public address of a ticket: what its QR opens. */
export function ticketUrl(ticketId: string, origin = location.origin): string {
  return new URL(`/t/${encodeURIComponent(ticketId)}`, origin).href;
}
