/*
 * The phone's own alert when its ticket is called: a short two-tone beep and a vibration.
 * Phones keep sound off until the person touches the page, so the page offers a button that
 * unlocks it, and says so when the browser still refuses.
 */

/** Long, short, long: felt in a pocket, and unlike a message notification. */
export const CALL_VIBRATION_MS = [400, 150, 400, 150, 800];

/** The beep: two tones, as the hall chime, each this long. */
const TONE_HZ = [880, 660];
const TONE_SECONDS = 0.35;

export type SoundState = 'off' | 'on' | 'blocked' | 'unsupported';

export class CallAlert {
  /** off: not unlocked yet; on: will sound; blocked: the browser refused; unsupported: no Web Audio. */
  sound = $state<SoundState>('off');
  /** The last vibration: null until one was asked for; false when the browser refused it. */
  vibrated = $state<boolean | null>(null);
  private context: AudioContext | null = null;

  constructor() {
    if (typeof AudioContext === 'undefined') this.sound = 'unsupported';
  }

  /** From a tap: makes (or resumes) the audio context while the browser allows it, and plays a test tone. */
  async unlock(): Promise<void> {
    if (this.sound === 'unsupported') return;
    try {
      this.context ??= new AudioContext();
      if (this.context.state !== 'running') await this.context.resume();
    } catch {
      // Reported below: the state says whether it runs.
    }
    this.sound = this.context?.state === 'running' ? 'on' : 'blocked';
    if (this.sound === 'on') this.tone(0.15);
  }

  /** The ticket was called: beep where sound is unlocked, and vibrate where the phone allows. */
  alert(): void {
    if (this.context && this.context.state === 'running') this.tone(TONE_SECONDS);
    else if (this.sound === 'on') this.sound = 'blocked';
    if (typeof navigator.vibrate === 'function') {
      try {
        this.vibrated = navigator.vibrate(CALL_VIBRATION_MS);
      } catch {
        this.vibrated = false;
      }
    } else {
      this.vibrated = false;
    }
  }

  private tone(seconds: number): void {
    const ctx = this.context!;
    const start = ctx.currentTime + 0.02;
    TONE_HZ.forEach((hz, i) => {
      const oscillator = ctx.createOscillator();
      const gain = ctx.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = hz;
      const at = start + i * seconds;
      // A short fade in and out, so the beep does not click.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.6, at + 0.02);
      gain.gain.linearRampToValueAtTime(0, at + seconds);
      oscillator.connect(gain).connect(ctx.destination);
      oscillator.start(at);
      oscillator.stop(at + seconds);
    });
  }
}

/**
 * A key for one call of the ticket, null while it is not being called: a first call and each
 * recall change it, and a return from hold comes after a null, so each of them alerts once
 * while a refresh of the same call does not.
 */
export function callKey(ticket: {
  status: string;
  held: boolean;
  calledAt: string | null;
  recalls: number;
}): string | null {
  if (ticket.status !== 'called' || ticket.held || ticket.calledAt === null) return null;
  return `${ticket.calledAt}#${ticket.recalls}`;
}
