/*
 * Where a ticket's QR points. Kept apart from the QR encoder, so every screen that follows the
 * snapshot can set the address without carrying the encoder in its bundle.
 */

let publicBaseUrl: string | null = null;

/**
 * The office's address for phones (the snapshot's `publicBaseUrl`), so a QR drawn on a screen
 * opens where the printed one does, even on a kiosk that reached the server by loopback.
 */
export function setPublicBaseUrl(url: string | null | undefined): void {
  publicBaseUrl = url ?? null;
}

/** The public address of a ticket: what its QR opens. */
export function ticketUrl(ticketId: string, base = publicBaseUrl ?? location.origin): string {
  return `${base.replace(/\/+$/, '')}/t/${encodeURIComponent(ticketId)}`;
}
