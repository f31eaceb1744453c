/**
 * The voice clip set: one name per sound, shipped as renderer/public/voice/th/<name>.ogg
 * and listed in voice/th/clips.json (name -> file). An office can record its own
 * voice: replace the files, or add e.g. invite.mp3 and point clips.json at it.
 *
 * Each clip has its Thai words and the espeak-ng phonemes the shipped set is made from.
 * espeak-ng's Thai spelling rules drop long vowels and vowels under tone marks (สี่ comes
 * out as "s", บี as "b"), so the generator speaks phonemes, never the Thai spelling.
 * Phonemes: aspirated kh ph th ch, tS for จ, ? for the glottal onset of อ, N for ง, long
 * vowels with ":" (a: i: u: e: E: o: O: @:), ue for อึ; the digit after a syllable is its
 * tone in espeak-ng's Thai voice: 1 rising, 2 low, 3 mid, 4 high, 5 falling.
 */
export interface ClipWords {
  th: string;
  phonemes: string;
}

export const PHRASE_CLIPS: Record<string, ClipWords> = {
  invite: { th: 'ขอเชิญหมายเลข', phonemes: "kh'O:1 ch'@:n3 m'a:j1 l'e:k5" },
  'at-counter': { th: 'ที่ช่องบริการที่', phonemes: "th'i:5 ch'ON5 bO:3 r'i4 k'a:n3 th'i:5" },
};

export const DIGIT_WORDS: readonly ClipWords[] = [
  { th: 'ศูนย์', phonemes: "s'u:n1" },
  { th: 'หนึ่ง', phonemes: "n'ueN2" },
  { th: 'สอง', phonemes: "s'O:N1" },
  { th: 'สาม', phonemes: "s'a:m1" },
  { th: 'สี่', phonemes: "s'i:2" },
  { th: 'ห้า', phonemes: "h'a:5" },
  { th: 'หก', phonemes: "h'ok2" },
  { th: 'เจ็ด', phonemes: "tS'et2" },
  { th: 'แปด', phonemes: "p'E:t2" },
  { th: 'เก้า', phonemes: "k'aw5" },
];

/** The words a counter number needs beyond the digits: 12 สิบ-สอง, 21 ยี่-สิบ-เอ็ด, 105 หนึ่ง-ร้อย-ห้า. */
export const NUMBER_WORDS: Record<string, ClipWords> = {
  'word-sip': { th: 'สิบ', phonemes: "s'ip2" },
  'word-yi': { th: 'ยี่', phonemes: "j'i:5" },
  'word-et': { th: 'เอ็ด', phonemes: "?'et2" },
  'word-roi': { th: 'ร้อย', phonemes: "r'O:j4" },
};

/** The polite particle at the end of a call, as the office chooses its announcer to speak. */
export const ENDING_WORDS: Record<string, ClipWords> = {
  'ending-kha': { th: 'ค่ะ', phonemes: "kh'a5" },
  'ending-khrap': { th: 'ครับ', phonemes: "khr'ap4" },
};

/** How a Thai announcer says each Latin letter of a ticket code (the office may record its own). */
export const LETTER_WORDS: Record<string, ClipWords> = {
  A: { th: 'เอ', phonemes: "?'e:3" },
  B: { th: 'บี', phonemes: "b'i:3" },
  C: { th: 'ซี', phonemes: "s'i:3" },
  D: { th: 'ดี', phonemes: "d'i:3" },
  E: { th: 'อี', phonemes: "?'i:3" },
  F: { th: 'เอฟ', phonemes: "?'e:f4" },
  G: { th: 'จี', phonemes: "tS'i:3" },
  H: { th: 'เอช', phonemes: "?'e:tS4" },
  I: { th: 'ไอ', phonemes: "?'aj3" },
  J: { th: 'เจ', phonemes: "tS'e:3" },
  K: { th: 'เค', phonemes: "kh'e:3" },
  L: { th: 'แอล', phonemes: "?'E:l3" },
  M: { th: 'เอ็ม', phonemes: "?'em3" },
  N: { th: 'เอ็น', phonemes: "?'en3" },
  O: { th: 'โอ', phonemes: "?'o:3" },
  P: { th: 'พี', phonemes: "ph'i:3" },
  Q: { th: 'คิว', phonemes: "kh'iw3" },
  R: { th: 'อาร์', phonemes: "?'a:3" },
  S: { th: 'เอส', phonemes: "?'e:s4" },
  T: { th: 'ที', phonemes: "th'i:3" },
  U: { th: 'ยู', phonemes: "j'u:3" },
  V: { th: 'วี', phonemes: "w'i:3" },
  W: { th: 'ดับเบิลยู', phonemes: "d'ap4 b@n3 j'u:3" },
  X: { th: 'เอ็กซ์', phonemes: "?'ek4" },
  Y: { th: 'วาย', phonemes: "w'a:j3" },
  Z: { th: 'แซด', phonemes: "s'E:t4" },
};

export const digitClip = (digit: string): string => `digit-${digit}`;
export const letterClip = (letter: string): string => `letter-${letter.toLowerCase()}`;

/** Every clip name the announcer may ask for. */
export function allClipNames(): string[] {
  return [
    'chime',
    ...Object.keys(PHRASE_CLIPS),
    ...DIGIT_WORDS.map((_, d) => digitClip(String(d))),
    ...Object.keys(NUMBER_WORDS),
    ...Object.keys(ENDING_WORDS),
    ...Object.keys(LETTER_WORDS).map(letterClip),
  ];
}

/** The words of a spoken clip (what it says and how the generator says it); null for the chime. */
export function clipWords(name: string): ClipWords | null {
  const fixed = PHRASE_CLIPS[name] ?? NUMBER_WORDS[name] ?? ENDING_WORDS[name];
  if (fixed) return fixed;
  const digit = /^digit-(\d)$/.exec(name);
  if (digit) return DIGIT_WORDS[Number(digit[1])] ?? null;
  const letter = /^letter-([a-z])$/.exec(name);
  if (letter) return LETTER_WORDS[letter[1]!.toUpperCase()] ?? null;
  return null;
}

/** The spoken Thai of a clip ('' for the chime and unknown names). */
export function clipText(name: string): string {
  return clipWords(name)?.th ?? '';
}
