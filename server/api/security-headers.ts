/**
 * The headers every answer of the office server carries: API, screens, and socket.io's own
 * HTTP answers. The screens are Vite bundles served from this origin, so the policy allows
 * only this origin's scripts, styles, fonts and clips, and no inline script at all: a string
 * that slips past the screens' escaping still cannot run. `img-src data:` is for the QR codes
 * the screens draw as data URLs.
 *
 * `style-src` has no 'unsafe-inline': Svelte 5 sets `style="..."` and `style:` values through
 * the CSSOM (`element.style`), which CSP does not govern, and Vite emits every stylesheet
 * as a file (test/e2e/content-security-policy.test.ts loads every screen in Chromium and
 * fails on any violation).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "style-src 'self'",
  "font-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  // No other window keeps a handle on ours, and no other origin may embed our answers.
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** Sets the headers before anything is written; a later writeHead merges them in. */
export function applySecurityHeaders(res: {
  setHeader(name: string, value: string): unknown;
}): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}
