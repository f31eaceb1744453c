import type { LocalizedText, SatisfactionFigures } from '../contract/contract.ts';
import { pct, round } from './statistics.ts';

/** The five-level interpretation Thai survey reports give a mean score (lower bounds). */
const BANDS: { min: number; text: LocalizedText }[] = [
  { min: 4.21, text: { th: 'มากที่สุด', en: 'Highest' } },
  { min: 3.41, text: { th: 'มาก', en: 'High' } },
  { min: 2.61, text: { th: 'ปานกลาง', en: 'Moderate' } },
  { min: 1.81, text: { th: 'น้อย', en: 'Low' } },
  { min: 1.0, text: { th: 'น้อยที่สุด', en: 'Lowest' } },
];

/** The band of a mean as printed (rounded to two decimals), so 4.205 reads 4.21 มากที่สุด. */
export function satisfactionBand(mean: number | null): LocalizedText | null {
  if (mean === null) return null;
  const printed = Math.round(mean * 100) / 100;
  return BANDS.find((band) => printed >= band.min)?.text ?? null;
}

/** Counts at levels 1..5 into the published figures; `served` gives the response rate. */
export function satisfactionFigures(
  counts: [number, number, number, number, number],
  served: number,
  targetPct: number,
): SatisfactionFigures {
  const n = counts.reduce((a, b) => a + b, 0);
  let sum = 0;
  counts.forEach((count, i) => (sum += count * (i + 1)));
  const mean = n === 0 ? null : sum / n;
  let squares = 0;
  if (mean !== null) counts.forEach((count, i) => (squares += count * (i + 1 - mean) ** 2));
  const sd = n < 2 ? null : Math.sqrt(squares / (n - 1));
  const satisfiedPct = round(pct(counts[3] + counts[4], n), 1);
  return {
    counts: [...counts],
    n,
    mean: round(mean, 2),
    sd: round(sd, 2),
    band: satisfactionBand(mean),
    satisfiedPct,
    meanScorePct: round(mean === null ? null : (mean / 5) * 100, 1),
    responseRatePct: round(pct(n, served), 1),
    targetPct,
    targetMet: satisfiedPct === null ? null : satisfiedPct >= targetPct,
  };
}
