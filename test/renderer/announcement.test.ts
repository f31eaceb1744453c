import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { announcementClips, announcementText } from '../../renderer/src/lib/announce/phrase.ts';
import {
  AnnouncementQueue,
  type ClipPlayer,
} from '../../renderer/src/lib/announce/announcement-queue.ts';
import { allClipNames } from '../../renderer/src/lib/announce/clips.ts';

const VOICE = fileURLToPath(new URL('../../renderer/public/voice/th/', import.meta.url));

describe('the Thai call announcement', () => {
  it('reads "ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการ 3" digit by digit after the chime', () => {
    expect(announcementClips('A012', 3)).toEqual([
      'chime',
      'invite',
      'letter-a',
      'digit-0',
      'digit-1',
      'digit-2',
      'at-counter',
      'digit-3',
    ]);
    expect(announcementText('A012', 3).th).toBe('ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการ 3');
  });

  it('spells a priority number and a two-digit counter one character at a time', () => {
    expect(announcementClips('PC002', 12).slice(2)).toEqual([
      'letter-p',
      'letter-c',
      'digit-0',
      'digit-0',
      'digit-2',
      'at-counter',
      'digit-1',
      'digit-2',
    ]);
  });

  it('ships a clip file for every clip the announcer can ask for', () => {
    const manifest = JSON.parse(readFileSync(`${VOICE}clips.json`, 'utf8')) as Record<
      string,
      string
    >;
    for (const name of allClipNames()) {
      expect(manifest[name], name).toBeDefined();
      expect(existsSync(VOICE + manifest[name]), manifest[name]).toBe(true);
    }
  });
});

/** Records what was played and when each clip ended, with a real delay per clip. */
class TimedPlayer implements ClipPlayer {
  readonly log: string[] = [];
  constructor(
    private readonly ms: number,
    private readonly broken = new Set<string>(),
  ) {}
  async play(clip: string): Promise<void> {
    this.log.push(`start ${clip}`);
    await new Promise((resolve) => setTimeout(resolve, this.ms));
    if (this.broken.has(clip)) throw new Error(`cannot decode ${clip}`);
    this.log.push(`end ${clip}`);
  }
}

describe('AnnouncementQueue', () => {
  it('plays a second call only after the first one has finished', async () => {
    const player = new TimedPlayer(5);
    const queue = new AnnouncementQueue(player, () => {}, 0);
    queue.enqueue(['chime', 'invite']);
    queue.enqueue(['chime', 'digit-1']);
    expect(queue.length).toBe(2);
    await queue.idle();
    expect(player.log).toEqual([
      'start chime',
      'end chime',
      'start invite',
      'end invite',
      'start chime',
      'end chime',
      'start digit-1',
      'end digit-1',
    ]);
  });

  it('reports a clip that fails and goes on with the rest of the call', async () => {
    const player = new TimedPlayer(1, new Set(['invite']));
    const failed: string[] = [];
    const queue = new AnnouncementQueue(player, (clip) => failed.push(clip), 0);
    queue.enqueue(['chime', 'invite', 'digit-1']);
    await queue.idle();
    expect(failed).toEqual(['invite']);
    expect(player.log).toContain('end digit-1');
  });
});
