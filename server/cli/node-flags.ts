/**
 * The Node flags the office server and the device agent run with (`npm start`, `npm run khiu`,
 * the bench, Electron's host mode). package.json repeats them (docs/benchmarks.md has the
 * figures):
 * - a 4 MB young generation instead of V8's default 16-32 MB: the server's garbage is
 *   short-lived request objects, and the smaller nursery kept RSS after 100,000 tickets near
 *   130 MiB instead of 165 with no measurable throughput cost;
 * - `--optimize-for-size`: V8 grows the old generation less eagerly and runs its memory
 *   reducer. Without it, the garbage of one large answer (a day's `GET /api/tickets`, a
 *   `verify`) stayed resident as long as no full collection happened, which on a quiet server
 *   is indefinitely: about 70 MiB after 12,000 tickets' listing, 11 MiB with it; issue
 *   throughput was the same either way.
 */
export const SERVER_HEAP_FLAGS = ['--max-semi-space-size=4', '--optimize-for-size'] as const;

/**
 * The same flags for the TypeScript sources through tsx (the tests, `npm run dev`); the
 * compiled server in dist/ (`npm run build:server`) runs with SERVER_HEAP_FLAGS alone.
 */
export const SERVER_NODE_FLAGS = [...SERVER_HEAP_FLAGS, '--import', 'tsx'] as const;
