import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';

/** One clip as the display hears it: decoded by Chromium's own decoder, as the hall plays it. */
export interface ClipLevels {
  name: string;
  durationS: number;
  rms: number;
  peak: number;
  /** Seconds of 20 ms frames louder than VOICED_FRAME_RMS: how long something is said. */
  voicedS: number;
}

export const FRAME_S = 0.02;
/** A frame this loud (RMS, full scale 1) carries voice; espeak-ng's pauses and blips stay under it. */
export const VOICED_FRAME_RMS = 0.03;

/** Serves `dir` (clips.json and the files it names) on 127.0.0.1 with a blank page to decode from. */
function serveDir(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === '/') {
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end('<!doctype html><title>clips</title>');
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(normalize(dir))) {
      res.writeHead(403).end();
      return;
    }
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200).end(body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Decodes every clip listed in `dir`/clips.json in Chromium and measures it. */
export async function measureClips(browser: Browser, dir: string): Promise<ClipLevels[]> {
  const manifest = JSON.parse(readFileSync(join(dir, 'clips.json'), 'utf8')) as Record<
    string,
    string
  >;
  const server = await serveDir(dir);
  const { port } = server.address() as AddressInfo;
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${port}/`);
    const decoded = await page.evaluate(async (files: Record<string, string>) => {
      const out: { name: string; rate: number; samples: number[] }[] = [];
      for (const [name, file] of Object.entries(files)) {
        const bytes = await (await fetch(`/${file}`)).arrayBuffer();
        const context = new OfflineAudioContext(1, 1, 16_000);
        const buffer = await context.decodeAudioData(bytes);
        out.push({ name, rate: buffer.sampleRate, samples: Array.from(buffer.getChannelData(0)) });
      }
      return out;
    }, manifest);
    return decoded.map(({ name, rate, samples }) => levels(name, rate, samples));
  } finally {
    await page.close();
    await new Promise((resolve) => server.close(resolve));
  }
}

function levels(name: string, rate: number, samples: number[]): ClipLevels {
  let sum = 0;
  let peak = 0;
  for (const s of samples) {
    sum += s * s;
    peak = Math.max(peak, Math.abs(s));
  }
  const frame = Math.round(rate * FRAME_S);
  let voicedFrames = 0;
  for (let start = 0; start + frame <= samples.length; start += frame) {
    let frameSum = 0;
    for (let i = start; i < start + frame; i += 1) frameSum += samples[i]! * samples[i]!;
    if (Math.sqrt(frameSum / frame) > VOICED_FRAME_RMS) voicedFrames += 1;
  }
  return {
    name,
    durationS: samples.length / rate,
    rms: Math.sqrt(sum / Math.max(1, samples.length)),
    peak,
    voicedS: voicedFrames * FRAME_S,
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A clip is a blip when it is far shorter, quieter or less voiced than the set's median clip. */
export const BLIP_FRACTION = { durationS: 0.6, rms: 0.5, voicedS: 0.5 } as const;

export function blips(set: ClipLevels[]): { clip: ClipLevels; why: string[] }[] {
  const medians = {
    durationS: median(set.map((c) => c.durationS)),
    rms: median(set.map((c) => c.rms)),
    voicedS: median(set.map((c) => c.voicedS)),
  };
  return set.flatMap((clip) => {
    const why = (Object.keys(BLIP_FRACTION) as (keyof typeof BLIP_FRACTION)[])
      .filter((key) => clip[key] < BLIP_FRACTION[key] * medians[key])
      .map(
        (key) =>
          `${key} ${clip[key].toFixed(3)} < ${BLIP_FRACTION[key]} × median ${medians[key].toFixed(3)}`,
      );
    return why.length > 0 ? [{ clip, why }] : [];
  });
}

export function table(set: ClipLevels[]): string {
  const rows = set.map(
    (c) =>
      `${c.name.padEnd(14)} ${c.durationS.toFixed(3)} s  rms ${c.rms.toFixed(3)}  peak ${c.peak.toFixed(2)}  voiced ${c.voicedS.toFixed(2)} s`,
  );
  return rows.join('\n');
}
