/**
 * The Node flags the office server runs with (`npm start`, `npm run khiu`, the
 * bench, Electron's host mode). A 4 MB young generation instead of V8's default
 * 16-32 MB: the server's garbage is short-lived request objects, and the smaller
 * nursery kept RSS after 100,000 tickets near 130 MiB instead of 165 with no
 * measurable throughput cost (docs/benchmarks.md). package.json repeats them.
 */
export const SERVER_NODE_FLAGS = ['--max-semi-space-size=4', '--import', 'tsx'] as const;
