/**
 * Generates the shipped Thai voice clip set with Debian's espeak-ng (Thai voice)
 * and sox: 16 kHz mono Ogg Vorbis, silence trimmed, peaks levelled, so the whole set
 * stays small and every clip is as loud as the next.
 *
 * espeak-ng is given each clip's phonemes (`[[...]]`, see clips.ts), not its Thai
 * spelling: its Thai rules drop the vowel of สี่, ห้า, บี, ที ... and leave a blip.
 * test/voice/clip-levels.test.ts measures every shipped clip and fails on a blip.
 *
 *   apt-get install -y espeak-ng sox libsox-fmt-all
 *   npx tsx scripts/voice/generate-clips.ts
 *
 * An office that records its own voice replaces files in renderer/public/voice/th/
 * (same names) or points voice/th/clips.json at its own files; see docs/stations.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allClipNames, clipWords } from '../../renderer/src/lib/announce/clips.ts';

const OUT = fileURLToPath(new URL('../../renderer/public/voice/th/', import.meta.url));
/** Words per minute: a little slower than espeak's default, for a hall with echo. */
const SPEED = '140';
const SOX_OUT = ['-r', '16000', '-c', '1', '-C', '0'];
/** Trim leading and trailing silence so digits follow each other without gaps; level the peak. */
const TRIM = [
  'silence',
  '1',
  '0.02',
  '0.5%',
  'reverse',
  'silence',
  '1',
  '0.02',
  '0.5%',
  'reverse',
  'pad',
  '0',
  '0.08',
  'norm',
  '-3',
];

const work = mkdtempSync(join(tmpdir(), 'khiu-voice-'));
const manifest: Record<string, string> = {};
let total = 0;
try {
  for (const name of allClipNames()) {
    const file = `${name}.ogg`;
    const out = join(OUT, file);
    if (name === 'chime') {
      // Two falling tones (E6, C6), the familiar "ding-dong" of a service hall.
      execFileSync('sox', [
        '-n',
        ...SOX_OUT,
        join(work, 'ding.ogg'),
        'synth',
        '0.45',
        'sine',
        '1318.5',
        'fade',
        'l',
        '0',
        '0.45',
        '0.4',
        'vol',
        '0.5',
      ]);
      execFileSync('sox', [
        '-n',
        ...SOX_OUT,
        join(work, 'dong.ogg'),
        'synth',
        '0.8',
        'sine',
        '1046.5',
        'fade',
        'l',
        '0',
        '0.8',
        '0.75',
        'vol',
        '0.5',
      ]);
      execFileSync('sox', [join(work, 'ding.ogg'), join(work, 'dong.ogg'), ...SOX_OUT, out]);
    } else {
      const words = clipWords(name);
      if (!words) throw new Error(`no words for clip ${name}`);
      const wav = join(work, `${name}.wav`);
      execFileSync('espeak-ng', ['-v', 'th', '-s', SPEED, '-w', wav, `[[${words.phonemes}]]`]);
      execFileSync('sox', [wav, ...SOX_OUT, out, ...TRIM]);
    }
    manifest[name] = file;
    total += statSync(out).size;
  }
  writeFileSync(join(OUT, 'clips.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stderr.write(
    `${Object.keys(manifest).length} clips, ${(total / 1024).toFixed(1)} KB in ${OUT}\n`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
