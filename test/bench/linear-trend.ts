/** A point of a series: x (here tickets issued so far) and y (here RSS in MiB). */
export interface Point {
  x: number;
  y: number;
}

/**
 * The least-squares slope of y over x. RSS read once a second swings by several MiB as
 * garbage is collected and buffers come and go; the slope through every reading of a run
 * says whether it grows, where the difference of two short windows mostly says where the
 * swing was at each end.
 */
export function slope(points: readonly Point[]): number {
  if (points.length < 2) throw new Error('a slope needs two points at least');
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p.x, 0) / n;
  const meanY = points.reduce((sum, p) => sum + p.y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const { x, y } of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  if (variance === 0) throw new Error('a slope needs points at two x values at least');
  return covariance / variance;
}
