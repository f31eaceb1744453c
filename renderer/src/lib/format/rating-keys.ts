/**
 * USB button boxes that type a key per button. Out of the box most send 1-5 or
 * F1-F5 from left to right; which end is "very satisfied" depends on how the
 * office labelled the buttons, so the page says it: /rate/3?keys=5-best (the
 * default: key 5 / F5 is มากที่สุด) or ?keys=1-best (key 1 / F1 is มากที่สุด).
 */
export type KeyLayout = '5-best' | '1-best';

export function keyLayout(search: string): KeyLayout {
  return new URLSearchParams(search).get('keys') === '1-best' ? '1-best' : '5-best';
}

/** The score a key press means, or null for any other key. */
export function scoreForKey(key: string, layout: KeyLayout): number | null {
  const match = /^(?:F)?([1-5])$/.exec(key);
  if (!match) return null;
  const position = Number(match[1]);
  return layout === '5-best' ? position : 6 - position;
}
