import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../e2e/chromium.ts';
import { blips, measureClips, table, type ClipLevels } from './measure-clips.ts';
import { allClipNames } from '../../renderer/src/lib/announce/clips.ts';

/** The shipped set; KHIU_VOICE_DIR measures another (an office's own recordings, an older set). */
const VOICE =
  process.env.KHIU_VOICE_DIR ??
  fileURLToPath(new URL('../../renderer/public/voice/th/', import.meta.url));

let browser: Browser;
let set: ClipLevels[];

beforeAll(async () => {
  browser = await launchChromium();
  set = await measureClips(browser, VOICE);
  if (process.env.KHIU_VOICE_TABLE) process.stdout.write(`${table(set)}\n`);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('the hall voice clips, decoded as the display decodes them', () => {
  it('decodes every clip the announcer can ask for', () => {
    const measured = new Set(set.map((c) => c.name));
    for (const name of allClipNames()) expect(measured.has(name), name).toBe(true);
  });

  it('has no blip: every clip is near the set in length, loudness and voiced time', () => {
    const found = blips(set).map(({ clip, why }) => `${clip.name}: ${why.join('; ')}`);
    expect(found, table(set)).toEqual([]);
  });

  it('carries a vowel in every clip: at least 0.15 s of voiced frames', () => {
    const short = set.filter((c) => c.voicedS < 0.15).map((c) => `${c.name} ${c.voicedS} s`);
    expect(short).toEqual([]);
  });
});
