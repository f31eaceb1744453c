/**
 * The voice clip set: one name per sound, shipped as renderer/public/voice/th/<name>.ogg
 * and listed in voice/th/clips.json (name -> file). An office can record its own
 * voice: replace the files, or add e.g. invite.mp3 and point clips.json at it.
 */
export const PHRASE_CLIPS = {
  chime: { th: '', note: 'two-tone chime before every call' },
  invite: { th: 'ขอเชิญหมายเลข', note: '"please come, number"' },
  'at-counter': { th: 'ที่ช่องบริการ', note: '"at service counter"' },
} as const;

export const DIGIT_WORDS = [
  'ศูนย์',
  'หนึ่ง',
  'สอง',
  'สาม',
  'สี่',
  'ห้า',
  'หก',
  'เจ็ด',
  'แปด',
  'เก้า',
] as const;

/** How a Thai announcer says each Latin letter of a ticket code. */
export const LETTER_WORDS: Record<string, string> = {
  A: 'เอ',
  B: 'บี',
  C: 'ซี',
  D: 'ดี',
  E: 'อี',
  F: 'เอฟ',
  G: 'จี',
  H: 'เอช',
  I: 'ไอ',
  J: 'เจ',
  K: 'เค',
  L: 'แอล',
  M: 'เอ็ม',
  N: 'เอ็น',
  O: 'โอ',
  P: 'พี',
  Q: 'คิว',
  R: 'อาร์',
  S: 'เอส',
  T: 'ที',
  U: 'ยู',
  V: 'วี',
  W: 'ดับเบิลยู',
  X: 'เอ็กซ์',
  Y: 'วาย',
  Z: 'แซด',
};

export const digitClip = (digit: string): string => `digit-${digit}`;
export const letterClip = (letter: string): string => `letter-${letter.toLowerCase()}`;

/** Every clip name the announcer may ask for. */
export function allClipNames(): string[] {
  return [
    ...Object.keys(PHRASE_CLIPS),
    ...DIGIT_WORDS.map((_, d) => digitClip(String(d))),
    ...Object.keys(LETTER_WORDS).map(letterClip),
  ];
}

/** The spoken Thai of a clip (what the generator feeds espeak-ng). */
export function clipText(name: string): string {
  if (name in PHRASE_CLIPS) return PHRASE_CLIPS[name as keyof typeof PHRASE_CLIPS].th;
  const digit = /^digit-(\d)$/.exec(name);
  if (digit) return DIGIT_WORDS[Number(digit[1])] ?? '';
  const letter = /^letter-([a-z])$/.exec(name);
  if (letter) return LETTER_WORDS[letter[1]!.toUpperCase()] ?? '';
  return '';
}
