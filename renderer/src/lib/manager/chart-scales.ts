import { scaleLinear } from 'd3-scale';

/** A value axis from zero: where a value lands in pixels, and the round numbers to label. */
export interface ValueAxis {
  at(value: number): number;
  ticks: number[];
  max: number;
}

/**
 * Zero to at least `max`, extended to a round number (d3's nice), over `length`
 * pixels. An empty period (max 0) still gets an axis to 1, so nothing divides by zero.
 */
export function valueAxis(max: number, length: number, tickCount = 5): ValueAxis {
  const scale = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(tickCount)
    .range([0, length]);
  return {
    at: (value) => scale(value),
    ticks: scale.ticks(tickCount),
    max: scale.domain()[1]!,
  };
}

/** The largest of the figures, ignoring the missing ones. */
export function maxOf(values: Iterable<number | null | undefined>): number {
  let max = 0;
  for (const value of values) if (value !== null && value !== undefined && value > max) max = value;
  return max;
}

/**
 * An SVG path through the points; a missing value (a day with no calls has no
 * median wait) breaks the line instead of dropping it to zero.
 */
export function linePath(
  values: readonly (number | null)[],
  x: (index: number) => number,
  y: (value: number) => number,
): string {
  let path = '';
  let drawing = false;
  values.forEach((value, index) => {
    if (value === null) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${round(x(index))},${round(y(value))}`;
    drawing = true;
  });
  return path;
}

const round = (n: number): number => Math.round(n * 10) / 10;

/** Evenly spaced indexes to label on an axis of `count` positions: all of them when they fit. */
export function labelIndexes(count: number, room: number): number[] {
  if (count <= 0) return [];
  if (count <= room) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil(count / room);
  const indexes: number[] = [];
  for (let i = 0; i < count; i += step) indexes.push(i);
  return indexes;
}

const HEAT_LOW = '#eef2fa';
const HEAT_HIGH = '#0b3d91';

/** A heatmap cell's fill: pale for few arrivals, the brand blue for the busiest hour. */
export function heatFill(count: number, max: number): string {
  if (count <= 0) return '#ffffff';
  return scaleLinear<string>()
    .domain([0, max > 0 ? max : 1])
    .range([HEAT_LOW, HEAT_HIGH])(count);
}

/** Dark cells carry white numbers, so the count stays readable (and printable). */
export function heatTextIsLight(count: number, max: number): boolean {
  return max > 0 && count / max > 0.5;
}

/**
 * The hours the heatmap shows: office hours (08–16) and any hour with arrivals,
 * so an early queue or a late evening is not hidden and empty nights are.
 */
export function heatmapHours(heatmap: readonly (readonly number[])[]): number[] {
  let first = 8;
  let last = 16;
  for (const row of heatmap) {
    row.forEach((count, hour) => {
      if (count > 0) {
        first = Math.min(first, hour);
        last = Math.max(last, hour);
      }
    });
  }
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Thai vowel and tone marks above or below a consonant take no width of their own. */
const ZERO_WIDTH_THAI = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/u;

/**
 * SVG text does not wrap: a label longer than its room (estimated at `charPx` a
 * character) is cut with an ellipsis, and the full text goes in the element's title.
 */
export function clipLabel(text: string, roomPx: number, charPx: number): string {
  const chars = [...text];
  let width = 0;
  for (let i = 0; i < chars.length; i += 1) {
    if (!ZERO_WIDTH_THAI.test(chars[i]!)) width += charPx;
    if (width > roomPx) return `${chars.slice(0, Math.max(0, i - 1)).join('')}…`;
  }
  return text;
}

/** Chart colours as values, not CSS variables: SVG presentation attributes do not take var(). */
export const CHART_COLORS = {
  main: '#0b3d91',
  light: '#8fa8d6',
  previous: '#8a8f98',
  target: '#a50e0e',
  grid: '#d5d9e0',
} as const;
