import { describe, expect, it } from 'vitest';
import {
  formatElapsed,
  stepProgress,
  timerLevel,
} from '../../renderer/src/lib/timer/step-timer.ts';

const MIN = 60_000;

describe('timer colour against the posted standard', () => {
  it('stays green below 80 % of the standard', () => {
    expect(timerLevel(7.9 * MIN, 10)).toBe('ok');
  });
  it('turns amber from 80 % up to the standard itself', () => {
    expect(timerLevel(8 * MIN, 10)).toBe('amber');
    expect(timerLevel(10 * MIN, 10)).toBe('amber');
  });
  it('turns red once over the standard', () => {
    expect(timerLevel(10 * MIN + 1, 10)).toBe('red');
  });
  it('never turns for a step posted with no standard time', () => {
    expect(timerLevel(60 * MIN, 0)).toBe('ok');
  });
});

describe('step progress', () => {
  const steps = [
    { order: 1, title: { th: 'รับคำขอ', en: 'Receive' }, minutes: 5, responsible: 'งานธุรการ' },
    { order: 2, title: { th: 'ตรวจ', en: 'Check' }, minutes: 10, responsible: 'นิติกร' },
    { order: 3, title: { th: 'ออกใบอนุญาต', en: 'Issue' }, minutes: 3, responsible: 'ปลัด' },
  ];

  it('times the current step against its own standard and keeps finished steps as they ended', () => {
    const t0 = 1_000_000;
    const progress = stepProgress(
      steps,
      [
        { order: 1, startedMs: t0, finishedMs: t0 + 6 * MIN },
        { order: 2, startedMs: t0 + 6 * MIN, finishedMs: null },
      ],
      t0 + 15 * MIN,
    );
    expect(progress.map((p) => [p.state, p.level])).toEqual([
      ['done', 'red'],
      ['current', 'amber'],
      ['next', 'ok'],
    ]);
    expect(progress[1]?.elapsedMs).toBe(9 * MIN);
  });

  it('formats timers as m:ss and h:mm:ss', () => {
    expect(formatElapsed(65_000)).toBe('1:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
  });
});
