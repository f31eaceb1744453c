import type { LocalizedText, PriorityKind } from '../contract/contract.ts';
import { PRIORITY_KINDS, OUT_OF_TURN_REASONS } from '../contract/contract.ts';
import type { QueueRule } from '../contract/contract.ts';

/** The published calling rule; stored in settings, readable by anyone. */
export interface QueueConfig {
  timeZone: string;
  priority: { prefix: string; everyNormal: number };
  recallLimit: number;
}

export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  timeZone: 'Asia/Bangkok',
  priority: { prefix: 'P', everyNormal: 3 },
  recallLimit: 3,
};

export interface WaitingCandidate {
  id: string;
  queuedMs: number;
  seq: number;
  priority: PriorityKind | null;
}

export type PickReason = 'longest_waiting' | 'priority_turn';

export interface PickInput {
  oldestNormal: WaitingCandidate | null;
  oldestPriority: WaitingCandidate | null;
  /** Normal tickets the office has called today since its last priority call. */
  normalsSinceLastPriority: number;
  everyNormal: number;
}

const waitedLonger = (a: WaitingCandidate, b: WaitingCandidate): boolean =>
  a.queuedMs < b.queuedMs || (a.queuedMs === b.queuedMs && a.seq < b.seq);

/**
 * Chooses the next ticket for a counter: the longest-waiting ticket among its
 * services, except that a waiting priority ticket goes first once the office has
 * called `everyNormal` normal tickets since the last priority one.
 */
export function pickNext(
  input: PickInput,
): { ticket: WaitingCandidate; reason: PickReason } | null {
  const { oldestNormal, oldestPriority } = input;
  if (!oldestPriority)
    return oldestNormal ? { ticket: oldestNormal, reason: 'longest_waiting' } : null;
  if (!oldestNormal) return { ticket: oldestPriority, reason: 'longest_waiting' };
  if (waitedLonger(oldestPriority, oldestNormal)) {
    return { ticket: oldestPriority, reason: 'longest_waiting' };
  }
  if (input.normalsSinceLastPriority >= input.everyNormal) {
    return { ticket: oldestPriority, reason: 'priority_turn' };
  }
  return { ticket: oldestNormal, reason: 'longest_waiting' };
}

/** The rule in words, as posted in the hall and on the web. */
export function describeQueueRule(config: QueueConfig): LocalizedText {
  const n = config.priority.everyNormal;
  const plural = (count: number, one: string, many: string) =>
    `${count} ${count === 1 ? one : many}`;
  return {
    th:
      `เรียกตามลำดับผู้ที่รอนานที่สุดก่อน (ใครมาก่อนได้ก่อน) ในบริการของแต่ละช่อง ` +
      `ผู้สูงอายุ คนพิการ และหญิงตั้งครรภ์ได้รับบัตรคิวช่องทางพิเศษ (${config.priority.prefix}) ` +
      `ซึ่งจะถูกเรียก 1 คิว ทุกครั้งที่เรียกคิวปกติครบ ${n} คิว ` +
      `เรียกซ้ำได้ไม่เกิน ${config.recallLimit} ครั้ง จากนั้นถือว่าไม่มาแสดงตน ` +
      `การเรียกนอกลำดับต้องระบุเหตุผลและถูกบันทึกเปิดเผยทุกครั้ง`,
    en:
      `Each counter calls the longest-waiting ticket among its services (first come, first served). ` +
      `Elderly, disabled and pregnant citizens get a priority ticket (${config.priority.prefix}); ` +
      `one priority ticket is called after every ${plural(n, 'normal call', 'normal calls')}. ` +
      `A ticket is recalled at most ${plural(config.recallLimit, 'time', 'times')}, then recorded as a no-show. ` +
      `Any call out of turn needs a reason code and is recorded and published.`,
  };
}

export function publishedRule(config: QueueConfig): QueueRule {
  return {
    priority: {
      prefix: config.priority.prefix,
      kinds: PRIORITY_KINDS,
      everyNormal: config.priority.everyNormal,
    },
    recallLimit: config.recallLimit,
    outOfTurnReasons: OUT_OF_TURN_REASONS,
    timeZone: config.timeZone,
    description: describeQueueRule(config),
  };
}
