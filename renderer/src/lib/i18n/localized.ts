import type { LocalizedText } from '../contract.ts';

/**
 * The text in `which` language. English is optional in what an office posts (service names,
 * steps, documents, fee notes, its own name): where it is empty, the Thai stands in.
 */
export function inLang(text: LocalizedText, which: 'th' | 'en'): string {
  if (which === 'th') return text.th;
  return text.en.trim() === '' ? text.th : text.en;
}
