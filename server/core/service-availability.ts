import type { OfficeHours, UnavailableReason } from '../contract/contract.ts';
import type { CounterRecord } from './records.ts';
import { KhiuError } from './errors.ts';
import { issueDecision } from './office-hours.ts';

/*
 * Whether the kiosk issues a service's tickets now. A ticket nobody will serve is worse than
 * none: the citizen waits in the hall for a counter that is closed, or for an office that
 * closed an hour ago. Pure: the counters, the hours and the time are passed in.
 */

export interface Availability {
  /** null: tickets are issued now. */
  unavailable: UnavailableReason | null;
  /** counters_paused: what the paused counter said. */
  pauseReason: string | null;
  /** office_closed, service_closed_for_today: when the service's tickets are issued next. */
  opensAtMs: number | null;
}

type CounterState = Pick<CounterRecord, 'serviceIds' | 'status' | 'pauseReason'>;

const AVAILABLE: Availability = { unavailable: null, pauseReason: null, opensAtMs: null };

/**
 * Office hours first (at night every counter is closed too, and "opens Monday 08:30" is what
 * the citizen needs), then the service's last ticket, then whether an open counter serves it;
 * a paused counter's reason is told rather than "closed", since it will be back.
 */
export function serviceAvailability(
  hours: OfficeHours | null,
  counters: readonly CounterState[],
  serviceId: number,
  ms: number,
  timeZone: string,
): Availability {
  if (hours) {
    const decision = issueDecision(hours, serviceId, ms, timeZone);
    if (!decision.issuable)
      return { unavailable: decision.reason, pauseReason: null, opensAtMs: decision.opensAtMs };
  }
  let paused: CounterState | undefined;
  for (const counter of counters) {
    if (!counter.serviceIds.includes(serviceId)) continue;
    if (counter.status === 'open') return AVAILABLE;
    if (counter.status === 'paused') paused ??= counter;
  }
  return paused
    ? { unavailable: 'counters_paused', pauseReason: paused.pauseReason, opensAtMs: null }
    : { unavailable: 'counters_closed', pauseReason: null, opensAtMs: null };
}

/** POST /api/tickets's 409 for a service not issued now; `opensAt` is the office-local ISO time. */
export function unavailableError(
  serviceCode: string,
  availability: Availability,
  opensAt: string | null,
): KhiuError {
  const when = opensAt ? `tickets are issued again from ${opensAt}` : 'no opening is set ahead';
  switch (availability.unavailable) {
    case 'office_closed':
      return new KhiuError('office_closed', `the office is closed; ${when}`, 409);
    case 'service_closed_for_today':
      return new KhiuError(
        'service_closed_for_today',
        `the last ticket for service ${serviceCode} today has been issued; ${when}`,
        409,
      );
    case 'counters_paused':
      return new KhiuError(
        'service_unavailable',
        `service ${serviceCode} is unavailable: its counter is paused (${availability.pauseReason ?? ''})`,
        409,
      );
    default:
      return new KhiuError(
        'service_unavailable',
        `service ${serviceCode} is unavailable: every counter that serves it is closed`,
        409,
      );
  }
}
