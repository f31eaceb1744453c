/*
 * A printer lays Thai out in cells: a consonant takes a cell, and the vowels
 * and tone marks written above or below it share that cell. Centring and
 * wrapping must count cells, not code points, or every Thai line with tone
 * marks lands off-centre.
 */

/** Marks that sit above or below the previous character and take no cell of their own. */
export function isThaiCombining(codePoint: number): boolean {
  return (
    codePoint === 0x0e31 || // mai han-akat
    (codePoint >= 0x0e34 && codePoint <= 0x0e3a) || // vowels above and below, phinthu
    (codePoint >= 0x0e47 && codePoint <= 0x0e4e) // maitaikhu, tone marks, thanthakhat, nikhahit, yamakkan
  );
}

export function containsThai(text: string): boolean {
  return /[\u0e00-\u0e7f]/.test(text);
}

/** The number of printer cells `text` occupies. */
export function displayCells(text: string): number {
  let cells = 0;
  for (const ch of text) if (!isThaiCombining(ch.codePointAt(0)!)) cells++;
  return cells;
}

/** Splits text into clusters: a spacing character with the marks stacked on it. */
export function clusters(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const last = out.length - 1;
    if (last >= 0 && isThaiCombining(ch.codePointAt(0)!)) out[last] += ch;
    else out.push(ch);
  }
  return out;
}

const LEADING_VOWELS = /^[\u0e40-\u0e44]/; // เ แ โ ใ ไ are written before the consonant they follow in speech
const FOLLOWING_SIGNS = /^[\u0e30\u0e32\u0e33\u0e45\u0e46\u0e2f]/; // ะ า ำ ๅ ๆ ฯ close the syllable before them

/** May a line break between these two clusters without tearing a syllable? */
function mayBreakBetween(before: string, after: string): boolean {
  if (before === ' ' || after === ' ') return true;
  if (LEADING_VOWELS.test(before)) return false;
  if (FOLLOWING_SIGNS.test(after)) return false;
  // Latin words and numbers only break at spaces.
  if (/[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after)) return false;
  return true;
}

/**
 * Wraps text into lines of at most `columns` cells. Breaks at spaces when it
 * can; Thai is written without spaces between words, so a long Thai run
 * breaks between clusters where that does not split a syllable's vowel off.
 */
export function wrapByCells(text: string, columns: number): string[] {
  if (columns < 1) throw new RangeError(`columns must be at least 1, got ${columns}`);
  const lines: string[] = [];
  let rest = clusters(text.trim());
  while (rest.length > 0) {
    if (rest.length <= columns) {
      lines.push(rest.join('').trimEnd());
      break;
    }
    // rest.length counts clusters, which is cells: each cluster takes exactly one cell.
    let cut = -1;
    for (let i = columns; i > 0; i--) {
      if (rest[i] === ' ') {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      for (let i = columns; i > 0; i--) {
        if (mayBreakBetween(rest[i - 1]!, rest[i]!)) {
          cut = i;
          break;
        }
      }
    }
    if (cut <= 0) cut = columns; // one unbreakable run wider than the paper: cut it hard
    lines.push(rest.slice(0, cut).join('').trimEnd());
    rest = rest.slice(cut);
    while (rest[0] === ' ') rest = rest.slice(1);
  }
  return lines;
}

/** Left padding, in cells, that centres `text` on a line of `columns` cells. */
export function centrePadding(text: string, columns: number): number {
  return Math.max(0, Math.floor((columns - displayCells(text)) / 2));
}
