/**
 * Whether someone waiting since `sinceMs` has waited longer than the service's posted target
 * wait at `nowMs`. The waiting list and the hall display colour such waits, so a backlog is
 * seen before a citizen has to complain about it. A target of 0 or less means none is posted.
 */
export function pastTargetWait(sinceMs: number, targetWaitMinutes: number, nowMs: number): boolean {
  if (!(targetWaitMinutes > 0)) return false;
  return nowMs - sinceMs > targetWaitMinutes * 60_000;
}
