/** Taps in a row that open the staff exit. */
export const EXIT_TAPS = 5;
/** The corner's size in CSS pixels: big enough for a finger, too small to hit by chance. */
export const EXIT_CORNER_PX = 60;
/** All the taps within this time; a citizen's stray touches minutes apart never add up. */
export const EXIT_TAPS_WITHIN_MS = 3_000;

/**
 * The staff's hidden way out of kiosk mode starts with five taps in the top-left corner within
 * three seconds, with no tap elsewhere between them. No page of Khiu puts a control there,
 * so a citizen tapping buttons never gets there, and even then a password follows.
 */
export class CornerTaps {
  private taps: number[] = [];

  /** Records a tap at (x, y) at `timeMs`; true when it completes the sequence. */
  tap(x: number, y: number, timeMs: number): boolean {
    if (x > EXIT_CORNER_PX || y > EXIT_CORNER_PX || x < 0 || y < 0) {
      this.taps = [];
      return false;
    }
    this.taps = [...this.taps.filter((t) => t > timeMs - EXIT_TAPS_WITHIN_MS), timeMs];
    if (this.taps.length < EXIT_TAPS) return false;
    this.taps = [];
    return true;
  }
}
