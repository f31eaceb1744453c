import type { KhiuApi } from './khiu-api.ts';
import { createHttpApi } from './http-api.ts';

let current: KhiuApi | null = null;

/** The API every screen uses; the HTTP one unless a test installed another first. */
export function api(): KhiuApi {
  current ??= createHttpApi();
  return current;
}

/** Replace the API (tests, or a page pointed at another server). */
export function useApi(next: KhiuApi): void {
  current = next;
}

/** An id for one tap, so a retried request never issues two tickets or calls twice. */
export function newRequestId(): string {
  // randomUUID needs a secure context; counters on the office LAN load the page over plain http.
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
