import type { Office } from '../commands/office.ts';
import type { ManualClock } from '../core/clock.ts';
import type { Actor, CounterRecord, ServiceRecord } from '../core/records.ts';
import type { OutOfTurnReason, PriorityKind } from '../contract/contract.ts';
import { OUT_OF_TURN_REASONS, PRIORITY_KINDS } from '../contract/contract.ts';
import { standardMinutesOf } from '../core/records.ts';
import { nextDay, startOfLocalDay } from '../core/local-time.ts';

/** A small seeded PRNG (mulberry32), so a demo history can be made again exactly. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoOptions {
  firstDay: string;
  days: number;
  perDay: number;
  seed: number;
  staff: string[];
}

export interface DemoSummary {
  days: number;
  tickets: number;
  done: number;
  noShows: number;
  transfers: number;
  outOfTurn: number;
  ratings: number;
}

const MINUTE = 60_000;
const OPEN_MIN = 8 * 60 + 30; // 08:30
// Counters serve whoever is still in the hall after 16:30 (as offices do), up to 18:00.
const LAST_CALL_MIN = 18 * 60; // 18:00

/**
 * Plays whole office days through the real commands with a moving clock:
 * arrivals peak in the morning, counters call the longest-waiting ticket, service
 * times scatter around the posted standard, and some citizens do not come, get
 * transferred, are called out of turn, or rate the service.
 */
export function playDemoDays(
  office: Office,
  clock: ManualClock,
  options: DemoOptions,
): DemoSummary {
  const random = seededRandom(options.seed);
  const tz = office.ctx.config().timeZone;
  const services = office.ctx.store.services.all().filter((s) => s.active);
  const counters = office.ctx.store.counters.all();
  const weights = services.map((s) => ({ A: 30, C: 20, D: 15, F: 15, B: 10, E: 10 })[s.code] ?? 10);
  const summary: DemoSummary = {
    days: 0,
    tickets: 0,
    done: 0,
    noShows: 0,
    transfers: 0,
    outOfTurn: 0,
    ratings: 0,
  };

  let day = options.firstDay;
  for (let played = 0; played < options.days; day = nextDay(day)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    playDay(startOfLocalDay(day, tz));
    played += 1;
    summary.days += 1;
  }
  return summary;

  function playDay(midnight: number): void {
    const arrivals = Array.from(
      { length: options.perDay },
      () => midnight + arrivalMinute() * MINUTE,
    ).sort((a, b) => a - b);
    const staffAt = new Map(
      counters.map((c, i) => [c.id, staffActor(options.staff[i % options.staff.length]!)]),
    );
    const freeAt = new Map(
      counters.map((c) => [c.id, midnight + (OPEN_MIN + random() * 10) * MINUTE]),
    );
    const closing = midnight + LAST_CALL_MIN * MINUTE;
    let next = 0;
    for (;;) {
      const [counterId, counterFree] = [...freeAt].reduce((a, b) => (b[1] < a[1] ? b : a));
      const arrival = arrivals[next];
      if (arrival !== undefined && arrival <= counterFree) {
        clock.set(arrival);
        const service = pick(services, weights);
        const priority: PriorityKind | null =
          random() < 0.1 ? PRIORITY_KINDS[Math.floor(random() * 3)]! : null;
        office.tickets.issue(service.id, priority, { kind: 'station', station: 'kiosk-1' });
        summary.tickets += 1;
        next += 1;
        continue;
      }
      if (counterFree > closing) {
        if (arrival === undefined) break;
        next += 1; // arrives after the last call: still gets a ticket, which the day's close cancels
        clock.set(arrival);
        office.tickets.issue(pick(services, weights).id, null, {
          kind: 'station',
          station: 'kiosk-1',
        });
        summary.tickets += 1;
        continue;
      }
      clock.set(counterFree);
      const counter = counters.find((c) => c.id === counterId)!;
      const busyUntil = serveOne(counter, staffAt.get(counterId)!);
      // An idle counter looks again when the next citizen arrives.
      freeAt.set(
        counterId,
        busyUntil ?? Math.max(counterFree + MINUTE, arrival ?? closing + MINUTE),
      );
      if (busyUntil === null && arrival === undefined) freeAt.set(counterId, closing + MINUTE);
    }
  }

  /** Serves the counter's next ticket; returns when the counter is free again, or null if nobody waited. */
  function serveOne(counter: CounterRecord, staff: Actor): number | null {
    let ticket;
    if (random() < 0.01) {
      const line = office.views.waitingAtCounter(counter.id).filter((t) => !t.held);
      const chosen = line[Math.min(line.length - 1, 1 + Math.floor(random() * 3))];
      if (chosen) {
        const reason: OutOfTurnReason =
          OUT_OF_TURN_REASONS[Math.floor(random() * OUT_OF_TURN_REASONS.length)]!;
        ticket = office.tickets.callOutOfTurn(chosen.id, counter.id, reason, staff);
        if (ticket.outOfTurn) summary.outOfTurn += 1;
      }
    }
    ticket ??= office.tickets.callNext(counter.id, staff);
    if (!ticket) return null;
    if (random() < 0.06) {
      clock.advance(MINUTE);
      office.tickets.recall(ticket.id, staff);
      clock.advance(MINUTE);
      office.tickets.noShow(ticket.id, staff);
      summary.noShows += 1;
      return clock.now() + 0.5 * MINUTE;
    }
    clock.advance((0.5 + random()) * MINUTE);
    office.tickets.start(ticket.id, staff);
    const service = services.find((s) => s.id === ticket.serviceId)!;
    if (random() < 0.03) {
      clock.advance(3 * MINUTE);
      const others = services.filter((s) => s.id !== service.id);
      office.tickets.transfer(
        ticket.id,
        pick(
          others,
          others.map(() => 1),
        ).id,
        staff,
      );
      summary.transfers += 1;
      return clock.now() + MINUTE;
    }
    clock.advance(serviceMinutes(service) * MINUTE);
    office.tickets.finish(ticket.id, staff);
    summary.done += 1;
    if (random() < 0.7) {
      clock.advance(0.3 * MINUTE);
      office.feedback.rate(ticket.id, ratingScore(), {
        kind: 'station',
        station: `rating-${counter.number}`,
      });
      summary.ratings += 1;
    }
    return clock.now() + (0.5 + random()) * MINUTE;
  }

  /** Minutes after midnight: two thirds in the 08:30-11:00 peak, the rest spread to 15:45. */
  function arrivalMinute(): number {
    if (random() < 0.65) return OPEN_MIN + Math.abs(gaussian() * 0.45 + 0.8) * 60;
    return OPEN_MIN + random() * (15 * 60 + 45 - OPEN_MIN);
  }

  /** Around the posted standard: log-normal, median about the standard, a long tail. */
  function serviceMinutes(service: ServiceRecord): number {
    return Math.max(1, standardMinutesOf(service) * Math.exp(gaussian() * 0.35) * 0.95);
  }

  function ratingScore(): number {
    const r = random();
    return r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
  }

  function gaussian(): number {
    return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  }

  function pick<T>(items: T[], itemWeights: number[]): T {
    const total = itemWeights.reduce((a, b) => a + b, 0);
    let r = random() * total;
    for (let i = 0; i < items.length; i += 1) {
      r -= itemWeights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}

const staffActor = (username: string): Actor => ({ kind: 'user', username, role: 'staff' });
