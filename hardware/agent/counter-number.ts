import type { PublicSnapshot } from '../../server/contract/contract.ts';

/**
 * The number a counter's board shows, read from a snapshot: the ticket the
 * counter is busy with, or else the last one it called today. A board keeps
 * the last number between citizens (a late citizen still sees it), so a
 * repaint after a reconnect must not blank a board the live events left lit.
 */
export function counterNumberIn(snapshot: PublicSnapshot, counterId: number): string {
  const serving = snapshot.nowServing.find((n) => n.counterId === counterId)?.ticket;
  if (serving) return serving.number;
  // latestCalls is newest first.
  return snapshot.latestCalls.find((c) => c.counter.id === counterId)?.ticket.number ?? '';
}
