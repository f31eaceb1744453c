/** Nearest-rank percentile (p in 0..100) of the samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** A one-line summary for stderr. */
export function describe(samples: readonly number[], unit = 'ms'): string {
  const f = (x: number) => x.toFixed(2);
  return `n=${samples.length} p50=${f(percentile(samples, 50))}${unit} p90=${f(percentile(samples, 90))}${unit} p99=${f(percentile(samples, 99))}${unit} max=${f(percentile(samples, 100))}${unit}`;
}
