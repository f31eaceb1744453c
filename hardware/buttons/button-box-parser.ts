import { HardwareError } from '../hardware-error.ts';

/*
 * A serial rating box sends one byte per button. Cheap boxes bounce (one
 * press, several bytes) and a citizen may lean on two buttons at once, so
 * after an accepted press every byte is ignored for a short while.
 */

export interface ButtonBoxConfig {
  /** The byte each score's button sends, score 1 (worst) .. 5 (best). */
  scoreBytes: Record<1 | 2 | 3 | 4 | 5, number>;
  debounceMs: number;
}

/** Boxes sold for Thai offices commonly send the ASCII digits '1'..'5'. */
export const DEFAULT_BUTTON_BOX: ButtonBoxConfig = {
  scoreBytes: { 1: 0x31, 2: 0x32, 3: 0x33, 4: 0x34, 5: 0x35 },
  debounceMs: 300,
};

export interface ButtonPress {
  score: 1 | 2 | 3 | 4 | 5;
  at: number;
}

export function validateButtonBoxConfig(config: ButtonBoxConfig): ButtonBoxConfig {
  const seen = new Map<number, number>();
  for (const score of [1, 2, 3, 4, 5] as const) {
    const b = config.scoreBytes[score];
    if (!Number.isInteger(b) || b < 0 || b > 255)
      throw new HardwareError(
        'invalid_button_config',
        `score ${score} needs a byte 0..255, got ${b}`,
      );
    if (seen.has(b))
      throw new HardwareError(
        'invalid_button_config',
        `scores ${seen.get(b)} and ${score} send the same byte 0x${b.toString(16)}`,
      );
    seen.set(b, score);
  }
  if (!(config.debounceMs >= 0))
    throw new HardwareError(
      'invalid_button_config',
      `debounceMs must be >= 0, got ${config.debounceMs}`,
    );
  return config;
}

export class ButtonBoxParser {
  private readonly scoreOf = new Map<number, 1 | 2 | 3 | 4 | 5>();
  private lastAccepted = -Infinity;

  constructor(private readonly config: ButtonBoxConfig = DEFAULT_BUTTON_BOX) {
    validateButtonBoxConfig(config);
    for (const score of [1, 2, 3, 4, 5] as const) this.scoreOf.set(config.scoreBytes[score], score);
  }

  /** The presses in `chunk`, received at `at` (ms). Bytes that are no button are ignored. */
  push(chunk: Uint8Array, at: number): ButtonPress[] {
    const presses: ButtonPress[] = [];
    for (const b of chunk) {
      const score = this.scoreOf.get(b);
      if (score === undefined) continue;
      if (at - this.lastAccepted < this.config.debounceMs) continue;
      this.lastAccepted = at;
      presses.push({ score, at });
    }
    return presses;
  }
}
