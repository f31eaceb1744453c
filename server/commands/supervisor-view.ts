import type { DeviceStatus, SupervisorView } from '../contract/contract.ts';
import { standardMinutesOf } from '../core/records.ts';
import { startOfLocalDay, toLocalIso } from '../core/local-time.ts';
import type { OfficeContext } from './office-context.ts';

const MINUTE_MS = 60_000;

/**
 * The supervisor's picture of the hall now: who serves what and for how long
 * against the posted standard, how long the longest-waiting citizen of each
 * service has waited against its target, counters idle while people wait, and
 * devices that need a hand. Read-only.
 */
export function supervisorView(ctx: OfficeContext, devices: DeviceStatus[]): SupervisorView {
  const { store } = ctx;
  const now = ctx.now();
  const timeZone = ctx.config().timeZone;
  const today = ctx.calendar.day();
  const services = ctx.services();
  const waiting = new Map(store.tickets.waitingCounts(today).map((w) => [w.serviceId, w.waiting]));
  const active = new Map(store.tickets.active().map((t) => [t.counterId, t]));
  const startOfToday = startOfLocalDay(today, timeZone);

  const counters = ctx.counters().map((counter) => {
    const ticket = active.get(counter.id);
    const service = ticket && services.get(ticket.serviceId);
    // Serving time runs from the start; a called ticket not yet started counts from its call.
    const sinceMs = ticket
      ? (ticket.startedMs ?? ticket.lastCalledMs ?? ticket.calledMs ?? now)
      : now;
    const minutes = (now - sinceMs) / MINUTE_MS;
    const standardMinutes = service ? standardMinutesOf(service) : 0;
    const peopleWaiting = counter.serviceIds.some((id) => (waiting.get(id) ?? 0) > 0);
    return {
      counterId: counter.id,
      number: counter.number,
      name: counter.name,
      status: counter.status,
      staff:
        ticket?.staff ?? store.tickets.latestFinishedAt(counter.id, startOfToday)?.staff ?? null,
      ticket: ticket
        ? {
            id: ticket.id,
            number: ticket.number,
            serviceId: ticket.serviceId,
            status: ticket.status,
            since: toLocalIso(sinceMs, timeZone),
            minutes: Math.round(minutes * 10) / 10,
            standardMinutes,
            overStandard: ticket.status === 'serving' && minutes > standardMinutes,
          }
        : null,
      idleWhilePeopleWait: counter.status === 'open' && !ticket && peopleWaiting,
    };
  });

  const serviceRows = [...services.values()]
    .filter((s) => s.active || (waiting.get(s.id) ?? 0) > 0)
    .sort((a, b) => a.sortOrder - b.sortOrder)
    .map((s) => {
      const oldest = [
        store.tickets.oldestWaiting(today, [s.id], 'priority'),
        store.tickets.oldestWaiting(today, [s.id], 'normal'),
      ]
        .filter((candidate) => candidate !== null)
        .reduce((min, c) => Math.min(min, c.queuedMs), Infinity);
      const oldestWaitMinutes =
        oldest === Infinity ? null : Math.round(((now - oldest) / MINUTE_MS) * 10) / 10;
      return {
        serviceId: s.id,
        code: s.code,
        name: s.name,
        waiting: waiting.get(s.id) ?? 0,
        oldestWaitMinutes,
        targetWaitMinutes: s.targetWaitMinutes,
        overTarget: oldestWaitMinutes !== null && oldestWaitMinutes > s.targetWaitMinutes,
      };
    });

  return {
    at: toLocalIso(now, timeZone),
    counters,
    services: serviceRows,
    deviceAlerts: devices.filter((d) => d.state !== 'online' || d.stale),
  };
}
