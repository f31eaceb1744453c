import type { AnnouncementEnding, PublicCallSummary } from '../contract.ts';
import { AnnouncementQueue, type AnnouncementHooks } from './announcement-queue.ts';
import { announcementClips } from './phrase.ts';
import { WebAudioClipPlayer } from './web-audio-player.ts';

/** A call as the hall announces it: what the board shows while it is read. */
export type HallCall = PublicCallSummary & { ending: AnnouncementEnding };

/**
 * The hall's voice: every call (and recall) is read out in turn, and the board is told
 * which call is being read and which wait, so the headline never runs ahead of the voice.
 */
export class HallAnnouncer {
  readonly player = new WebAudioClipPlayer();
  private readonly queue: AnnouncementQueue<HallCall>;
  /** The office's polite ending; a change applies from the next call to be read. */
  ending: AnnouncementEnding = 'kha';

  constructor(
    onClipError: (clip: string, error: unknown) => void,
    hooks: AnnouncementHooks<HallCall> = {},
  ) {
    this.queue = new AnnouncementQueue(this.player, onClipError, undefined, hooks);
  }

  announce(call: PublicCallSummary): void {
    const item: HallCall = { ...call, ending: this.ending };
    this.queue.enqueue(item, () => {
      // The ending is taken when the call's turn comes, so a call waiting behind others
      // is read (and shown) with the setting in force when it is read.
      item.ending = this.ending;
      return announcementClips(call.ticket.number, call.counter.number, item.ending);
    });
  }

  get busy(): boolean {
    return this.queue.length > 0;
  }

  get needsTouch(): boolean {
    return this.player.suspended;
  }
}
