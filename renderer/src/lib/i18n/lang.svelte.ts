import type { LocalizedText } from '../contract.ts';
import { inLang } from './localized.ts';

export type Lang = 'th' | 'en';

const STORAGE_KEY = 'khiu.lang';

function initialLang(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'th';
  } catch {
    // Storage can be disabled (kiosk profiles, private windows): Thai first.
    return 'th';
  }
}

/** The screen language; Thai first everywhere, English on request. */
export const lang = $state<{ current: Lang }>({ current: initialLang() });

export function setLang(next: Lang, remember = true): void {
  lang.current = next;
  document.documentElement.lang = next;
  if (!remember) return;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembering the choice is fine; the screen still switches.
  }
}

/** The text in the current language; an empty English shows the Thai (localized.ts). */
export function t(text: LocalizedText): string {
  return inLang(text, lang.current);
}
