import type { ClipPlayer } from './announcement-queue.ts';

const MANIFEST_URL = '/voice/th/clips.json';

/**
 * Plays the shipped (or office-recorded) clips through Web Audio. Works offline
 * and needs no operating-system speech voice. Buffers are fetched once and kept.
 */
export class WebAudioClipPlayer implements ClipPlayer {
  private readonly context = new AudioContext();
  private manifest: Promise<Record<string, string>> | null = null;
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();

  /** Browsers keep audio suspended until someone touches the page (unless the kiosk shell allows autoplay). */
  get suspended(): boolean {
    return this.context.state === 'suspended';
  }

  resume(): Promise<void> {
    return this.context.resume();
  }

  /** Loads every clip ahead of the first call, so the first announcement is not late. */
  async preload(): Promise<void> {
    const files = await this.files();
    await Promise.all(Object.keys(files).map((clip) => this.buffer(clip)));
  }

  async play(clip: string): Promise<void> {
    const buffer = await this.buffer(clip);
    if (this.context.state === 'suspended') await this.context.resume();
    await new Promise<void>((resolve) => {
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      source.onended = () => resolve();
      source.start();
    });
  }

  private files(): Promise<Record<string, string>> {
    this.manifest ??= fetch(MANIFEST_URL).then((r) => {
      if (!r.ok) throw new Error(`voice clip list ${MANIFEST_URL}: HTTP ${r.status}`);
      return r.json() as Promise<Record<string, string>>;
    });
    return this.manifest;
  }

  private buffer(clip: string): Promise<AudioBuffer> {
    let pending = this.buffers.get(clip);
    if (!pending) {
      pending = this.files().then(async (files) => {
        const file = files[clip];
        if (!file) throw new Error(`no voice clip named ${clip} in ${MANIFEST_URL}`);
        const response = await fetch(new URL(file, new URL(MANIFEST_URL, location.href)));
        if (!response.ok) throw new Error(`voice clip ${file}: HTTP ${response.status}`);
        return this.context.decodeAudioData(await response.arrayBuffer());
      });
      // A failed load is retried next time instead of being remembered forever.
      pending.catch(() => this.buffers.delete(clip));
      this.buffers.set(clip, pending);
    }
    return pending;
  }
}
