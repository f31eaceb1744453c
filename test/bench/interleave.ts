/**
 * Runs the measured and the baseline workloads in alternating windows, so both
 * see the same share of whatever else this shared machine is doing.
 */
export async function interleave<T>(
  rounds: number,
  measured: () => Promise<T>,
  baseline: () => Promise<T>,
): Promise<{ measured: T[]; baseline: T[] }> {
  const result = { measured: [] as T[], baseline: [] as T[] };
  for (let round = 0; round < rounds; round += 1) {
    result.baseline.push(await baseline());
    result.measured.push(await measured());
  }
  return result;
}
