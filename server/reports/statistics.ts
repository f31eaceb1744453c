/** Descriptive statistics for the reports. Empty input gives null, never NaN. */

/**
 * The p-th quantile (0..1) of ascending `sorted` values, by linear interpolation
 * between closest ranks (numpy's default, Excel's PERCENTILE.INC).
 */
export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i]!;
  return sum / values.length;
}

/** Ascending copy, as a typed array: numeric sort without a comparator. */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Percentage of `part` in `whole`; null when there is no whole. */
export function pct(part: number, whole: number): number | null {
  return whole === 0 ? null : (part / whole) * 100;
}

/** Rounds for the published figures; null stays null. */
export function round(value: number | null, decimals: number): number | null {
  if (value === null) return null;
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
