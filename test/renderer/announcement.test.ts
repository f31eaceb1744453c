import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  announcementClips,
  announcementText,
  counterNumberClips,
  counterNumberWords,
  endingClips,
} from '../../renderer/src/lib/announce/phrase.ts';
import {
  AnnouncementQueue,
  type ClipPlayer,
} from '../../renderer/src/lib/announce/announcement-queue.ts';
import { allClipNames, clipText } from '../../renderer/src/lib/announce/clips.ts';

const VOICE = fileURLToPath(new URL('../../renderer/public/voice/th/', import.meta.url));

describe('the Thai call announcement', () => {
  it('reads "ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการที่ สาม ค่ะ": the number digit by digit, the counter as a number', () => {
    expect(announcementClips('A012', 3)).toEqual([
      'chime',
      'invite',
      'letter-a',
      'digit-0',
      'digit-1',
      'digit-2',
      'at-counter',
      'digit-3',
      'ending-kha',
    ]);
    expect(announcementText('A012', 3).th).toBe('ขอเชิญหมายเลข A 0 1 2 ที่ช่องบริการที่ 3 ค่ะ');
  });

  it('spells a priority number one character at a time and says counter 12 as สิบสอง', () => {
    expect(announcementClips('PC002', 12).slice(2)).toEqual([
      'letter-p',
      'letter-c',
      'digit-0',
      'digit-0',
      'digit-2',
      'at-counter',
      'word-sip',
      'digit-2',
      'ending-kha',
    ]);
  });

  it('ends with ครับ, or with nothing, as the office chooses, and the text says the same', () => {
    expect(announcementClips('B005', 4, 'khrap').at(-1)).toBe('ending-khrap');
    expect(announcementText('B005', 4, 'khrap').th).toBe('ขอเชิญหมายเลข B 0 0 5 ที่ช่องบริการที่ 4 ครับ');
    expect(announcementClips('B005', 4, 'none').at(-1)).toBe('digit-4');
    expect(announcementText('B005', 4, 'none').th).toBe('ขอเชิญหมายเลข B 0 0 5 ที่ช่องบริการที่ 4');
    expect(endingClips('kha')).toEqual(['ending-kha']);
    expect(endingClips('none')).toEqual([]);
  });

  it('speaks the same Thai words its clips say', () => {
    const spoken = announcementClips('A012', 12, 'kha')
      .slice(1)
      .map((clip) => clipText(clip))
      .join(' ');
    expect(spoken).toBe('ขอเชิญหมายเลข เอ ศูนย์ หนึ่ง สอง ที่ช่องบริการที่ สิบ สอง ค่ะ');
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

describe('a counter number in Thai words', () => {
  it.each([
    [1, 'หนึ่ง'],
    [9, 'เก้า'],
    [10, 'สิบ'],
    [11, 'สิบเอ็ด'],
    [12, 'สิบสอง'],
    [20, 'ยี่สิบ'],
    [21, 'ยี่สิบเอ็ด'],
    [35, 'สามสิบห้า'],
    [99, 'เก้าสิบเก้า'],
    [100, 'หนึ่งร้อย'],
    [101, 'หนึ่งร้อยเอ็ด'],
    [120, 'หนึ่งร้อยยี่สิบ'],
    [999, 'เก้าร้อยเก้าสิบเก้า'],
  ])('says %i as %s', (n, words) => {
    expect(counterNumberWords(n)).toBe(words);
  });

  it('is made of shipped clips only', () => {
    const known = new Set(allClipNames());
    for (let n = 1; n <= 999; n += 1) {
      for (const clip of counterNumberClips(n)) expect(known.has(clip), `${n}: ${clip}`).toBe(true);
    }
  });

  it('gives the clips of 21 as ยี่ สิบ เอ็ด', () => {
    expect(counterNumberClips(21)).toEqual(['word-yi', 'word-sip', 'word-et']);
  });

  it('refuses a number no counter can have', () => {
    expect(() => counterNumberClips(1000)).toThrow(RangeError);
    expect(() => counterNumberClips(2.5)).toThrow(RangeError);
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
    const queue = new AnnouncementQueue<string>(player, () => {}, 0);
    queue.enqueue('first', ['chime', 'invite']);
    queue.enqueue('second', ['chime', 'digit-1']);
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
    const queue = new AnnouncementQueue<string>(player, (clip) => failed.push(clip), 0);
    queue.enqueue('call', ['chime', 'invite', 'digit-1']);
    await queue.idle();
    expect(failed).toEqual(['invite']);
    expect(player.log).toContain('end digit-1');
  });

  it('tells the screen which call is read and which wait, in the order of the voice', async () => {
    const player = new TimedPlayer(2);
    const seen: string[] = [];
    const queue = new AnnouncementQueue<string>(player, () => {}, 0, {
      started: (call) => {
        seen.push(`show ${call}`);
      },
      finished: (call) => seen.push(`done ${call}`),
      waitingChanged: (waiting) => seen.push(`next [${waiting.join(',')}]`),
    });
    queue.enqueue('A001', ['chime', 'digit-1']);
    queue.enqueue('A002', ['chime', 'digit-2']);
    expect(queue.current).toBe('A001');
    expect(queue.waiting).toEqual(['A002']);
    await queue.idle();
    expect(queue.current).toBeNull();
    expect(seen).toEqual([
      'next [A001]',
      'next []',
      'show A001',
      'next [A002]',
      'done A001',
      'next []',
      'show A002',
      'done A002',
    ]);
    // The headline changes only once the first call's last clip has ended.
    const firstEnd = player.log.indexOf('end digit-1');
    expect(firstEnd).toBeLessThan(player.log.indexOf('start digit-2'));
  });

  it('waits for the screen to show a call before its first clip is played', async () => {
    const player = new TimedPlayer(1);
    let shown = false;
    const queue = new AnnouncementQueue<string>(player, () => {}, 0, {
      started: async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        shown = true;
        player.log.push('shown');
      },
    });
    queue.enqueue('A001', ['chime']);
    await queue.idle();
    expect(shown).toBe(true);
    expect(player.log).toEqual(['shown', 'start chime', 'end chime']);
  });

  it('asks for a call’s clips when its turn comes, so a setting changed meanwhile applies', async () => {
    const player = new TimedPlayer(2);
    let ending = 'ending-kha';
    const queue = new AnnouncementQueue<string>(player, () => {}, 0);
    queue.enqueue('A001', ['chime']);
    queue.enqueue('A002', () => ['chime', ending]);
    ending = 'ending-khrap';
    await queue.idle();
    expect(player.log).toContain('start ending-khrap');
    expect(player.log).not.toContain('start ending-kha');
  });
});
