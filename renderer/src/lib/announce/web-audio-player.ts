import type { ClipPlayer } from './announcement-queue.ts';

const MANIFEST_URL = '/voice/th/clips.json';
/** How long after a clip's own length its end is taken as given when the output never says so. */
const END_GRACE_MS = 250;

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

  /**
   * Resolves when the clip has ended. An output that does not run (sound still locked until
   * a touch, no sound device) never reports the end, and the board waits on it: the clip's
   * decoded length then ends it, and the source is stopped so it cannot sound late over the next.
   */
  async play(clip: string): Promise<void> {
    const buffer = await this.buffer(clip);
    if (this.context.state === 'suspended') {
      // Without a touch this stays pending; the call goes on (silently) by the clip's length.
      this.context.resume().catch(() => undefined);
    }
    await new Promise<void>((resolve) => {
      const source = this.context.createBufferSource();
      source.buffer = buffer;
      source.connect(this.context.destination);
      let done = false;
      const finish = (byLength: boolean) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        if (byLength) {
          source.onended = null;
          source.stop();
        }
        source.disconnect();
        resolve();
      };
      source.onended = () => finish(false);
      const timer = setTimeout(() => finish(true), buffer.duration * 1000 + END_GRACE_MS);
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
