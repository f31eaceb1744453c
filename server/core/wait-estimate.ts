/**
 * Estimated wait from the posted standard time: the people ahead share the open
 * counters that serve the service. null when no open counter serves it.
 */
export function estimateWaitMinutes(
  ahead: number,
  standardMinutes: number,
  openCounters: number,
): number | null {
  if (openCounters <= 0) return null;
  return Math.ceil((ahead * standardMinutes) / openCounters);
}
