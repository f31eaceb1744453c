/** The widest a tile's text block reads well at, against its height (a name on two lines and one line of figures). */
const TILE_ASPECT = 4;
const MAX_COLUMNS = 4;

/**
 * How many columns the kiosk lays its service tiles in, for `count` tiles in a grid of
 * `width` × `height` CSS pixels with `gap` between tiles: the choice whose tiles are the
 * largest at a readable shape, so 4 services on a portrait screen get one wide column and 16
 * on a landscape one get four. Rows follow (count ÷ columns, rounded up).
 */
export function tileColumns(count: number, width: number, height: number, gap: number): number {
  if (count <= 1 || width <= 0 || height <= 0) return 1;
  let best = 1;
  let bestScore = -Infinity;
  for (let columns = 1; columns <= Math.min(MAX_COLUMNS, count); columns += 1) {
    const rows = Math.ceil(count / columns);
    const tileWidth = (width - gap * (columns - 1)) / columns;
    const tileHeight = (height - gap * (rows - 1)) / rows;
    // The usable size of a tile: its height, or its width cut to the readable shape.
    const score = Math.min(tileHeight, tileWidth / TILE_ASPECT);
    if (score > bestScore + 0.5) {
      best = columns;
      bestScore = score;
    }
  }
  return best;
}
