import type { PublicTicketCalledEvent } from '../contract.ts';
import { AnnouncementQueue } from './announcement-queue.ts';
import { announcementClips } from './phrase.ts';
import { WebAudioClipPlayer } from './web-audio-player.ts';

/** The hall's voice: every call (and recall) is read out in turn. */
export class HallAnnouncer {
  readonly player = new WebAudioClipPlayer();
  private readonly queue: AnnouncementQueue;

  constructor(onClipError: (clip: string, error: unknown) => void) {
    this.queue = new AnnouncementQueue(this.player, onClipError);
  }

  announce(call: Pick<PublicTicketCalledEvent, 'ticket' | 'counter'>): void {
    this.queue.enqueue(announcementClips(call.ticket.number, call.counter.number));
  }

  get needsTouch(): boolean {
    return this.player.suspended;
  }
}
