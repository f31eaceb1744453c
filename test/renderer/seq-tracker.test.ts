import { describe, expect, it } from 'vitest';
import { SeqTracker } from '../../renderer/src/lib/realtime/seq-tracker.ts';

describe('SeqTracker', () => {
  it('ignores events until the first snapshot arrives', () => {
    expect(new SeqTracker().accept(5)).toBe('stale');
  });

  it('applies the event right after the snapshot and the ones that follow it', () => {
    const tracker = new SeqTracker();
    tracker.reset(10);
    expect(tracker.accept(11)).toBe('apply');
    expect(tracker.accept(12)).toBe('apply');
    expect(tracker.position).toBe(12);
  });

  it('drops events the snapshot already reflects', () => {
    const tracker = new SeqTracker();
    tracker.reset(10);
    expect(tracker.accept(10)).toBe('stale');
    expect(tracker.accept(3)).toBe('stale');
  });

  it('reports a gap when a seq is skipped, then continues from the new position', () => {
    const tracker = new SeqTracker();
    tracker.reset(10);
    expect(tracker.accept(13)).toBe('gap');
    expect(tracker.accept(14)).toBe('apply');
  });

  it('forgets its position when the connection drops, until the next snapshot', () => {
    const tracker = new SeqTracker();
    tracker.reset(10);
    tracker.clear();
    expect(tracker.accept(11)).toBe('stale');
    tracker.reset(20);
    expect(tracker.accept(21)).toBe('apply');
  });
});
