/** Descriptive statistics for the reports. Empty input gives null, never NaN. */

/**
 * The p-quantiles (each 0..1) of `values` by linear interpolation between closest
 * ranks (numpy's default, Excel's PERCENTILE.INC). Selects instead of sorting, so a
 * year of waits costs a few passes, not a sort; reorders `values` in place.
 */
export function quantiles(values: Float64Array, ps: readonly number[]): (number | null)[] {
  const n = values.length;
  if (n === 0) return ps.map(() => null);
  const order = ps.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p);
  const result = new Array<number | null>(ps.length).fill(null);
  let from = 0;
  for (const { p, index } of order) {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    // Ranks below `from` are already in place from the previous (smaller) quantile.
    selectKth(values, lo, Math.max(from, 0), n - 1);
    from = lo;
    const below = values[lo]!;
    result[index] = lo + 1 < n ? below + (h - lo) * (minFrom(values, lo + 1) - below) : below;
  }
  return result;
}

/** One quantile; see `quantiles`. */
export function percentile(values: ArrayLike<number>, p: number): number | null {
  return quantiles(Float64Array.from(values), [p])[0]!;
}

/**
 * Moves the k-th smallest of a[left..right] to index k, smaller ones before it and
 * larger ones after (Hoare's quickselect with a median-of-three pivot).
 */
function selectKth(a: Float64Array, k: number, left: number, right: number): void {
  while (right > left) {
    const mid = (left + right) >>> 1;
    const pivot = medianOfThree(a[left]!, a[mid]!, a[right]!);
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i += 1;
      while (a[j]! > pivot) j -= 1;
      if (i <= j) {
        const swap = a[i]!;
        a[i] = a[j]!;
        a[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return; // between j and i every value equals the pivot
  }
}

const medianOfThree = (a: number, b: number, c: number): number =>
  Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));

function minFrom(a: Float64Array, start: number): number {
  let min = a[start]!;
  for (let i = start + 1; i < a.length; i += 1) if (a[i]! < min) min = a[i]!;
  return min;
}

export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i]!;
  return sum / values.length;
}

export function max(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let highest = values[0]!;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > highest) highest = values[i]!;
  return highest;
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
