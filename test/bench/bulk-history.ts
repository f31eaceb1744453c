/**
 * A year of office history in seconds, for the report benchmarks: the `tickets` and
 * `ratings` rows (and the `ticket_sequences` / `waiting_counts` rows) that issuing,
 * calling, recalling, starting, finishing, no-shows, transfers, day closes and
 * ratings leave behind, written directly with prepared statements instead of
 * playing each day through the commands. server/cli/seed-demo.ts does that, at
 * 2,000-3,000 tickets a second here, with a real queue: the default office's four
 * counters serve about a hundred tickets a day, so at 3,500 a day nearly all would
 * end cancelled.
 *
 * Times are drawn per ticket (wait around the service's target, service time around
 * its posted standard), not from a queue simulation: a busy office's thousands of
 * tickets a day are spread over the default office's four counters regardless of
 * how many a counter could serve. Reports only read the rows, so what matters is
 * that each row is one the commands could have left and that the figures come out
 * plausible.
 *
 * No ledger entries are written: reports do not read the ledger, and a million
 * hash-chained entries would cost more than the rows. `khiu verify` on such a
 * database reports every ticket and rating as unrecorded.
 */
import type { OutOfTurnReason, PriorityKind } from '../../server/contract/contract.ts';
import { OUT_OF_TURN_REASONS, PRIORITY_KINDS } from '../../server/contract/contract.ts';
import type { CounterRecord, ServiceRecord } from '../../server/core/records.ts';
import { standardMinutesOf } from '../../server/core/records.ts';
import { nextDay, startOfLocalDay } from '../../server/core/local-time.ts';
import { formatTicketNumber, type Lane } from '../../server/core/ticket-number.ts';
import { DEFAULT_OFFICE } from '../../server/core/default-office.ts';
import { DEFAULT_QUEUE_CONFIG } from '../../server/core/queue-rule.ts';
import { seededRandom } from '../../server/cli/seed-demo.ts';
import { openOffice } from '../../server/app.ts';

export interface BulkHistoryOptions {
  /** Ticket rows to write, transfer successors included. */
  tickets: number;
  seed?: number;
  /** First and last calendar day (office days are the weekdays between them). */
  firstDay?: string;
  lastDay?: string;
}

export interface BulkHistorySummary {
  firstDay: string;
  lastDay: string;
  officeDays: number;
  tickets: number;
  /** Tickets by final status; transfer successors counted under their own status. */
  done: number;
  noShow: number;
  cancelled: number;
  transferred: number;
  outOfTurn: number;
  recalls: number;
  ratings: number;
}

/**
 * Thirteen months: fiscal year 2569 (2025-10-01..2026-09-30) whole, and the month
 * before it, so a fiscal-year report also has a previous period with rows in it.
 */
export const BULK_FIRST_DAY = '2025-09-01';
export const BULK_LAST_DAY = '2026-09-30';

/** Counter staff usernames; each counter has a morning and an afternoon person. */
export const BULK_STAFF = ['somchai', 'malee', 'wichai', 'pranee', 'anan', 'kanya'] as const;

const MINUTE = 60_000;
const OPEN_MIN = 8 * 60 + 30; // 08:30, the kiosk starts issuing
const LAST_ISSUE_MIN = 16 * 60 + 30; // 16:30, the kiosk stops
const LAST_CALL_MIN = 18 * 60; // counters serve whoever is still in the hall until 18:00
const AFTERNOON_MIN = 12 * 60 + 30; // the afternoon person takes over the counter
const RATED_AFTER_MS = MINUTE;
const TRANSFER_SHARE = 0.03;
const SERVICE_WEIGHTS: Record<string, number> = { A: 30, C: 20, D: 15, F: 15, B: 10, E: 10 };
const WEEKDAY_WEIGHTS = [0, 1.2, 1.0, 1.0, 0.95, 0.9, 0]; // Sunday..Saturday
const MAX_ROWS = 1 << 24; // the id's last three bytes are the row's index

/** One citizen's visit to one service: an original ticket or a transfer successor. */
interface Visit {
  id: string;
  number: string;
  day: string;
  service: ServiceRecord;
  priority: PriorityKind | null;
  station: string;
  status: 'done' | 'no_show' | 'cancelled' | 'transferred';
  queuedMs: number;
  issuedMs: number;
  calledMs: number | null;
  lastCalledMs: number | null;
  startedMs: number | null;
  finishedMs: number | null;
  counterId: number | null;
  staff: string | null;
  recalls: number;
  outOfTurnReason: OutOfTurnReason | null;
  transferredFrom: string | null;
  printOutcome: 'printed' | 'failed' | null;
  printReports: number;
  /** Set for done tickets the citizen rated. */
  score: number | null;
  /** Creation order, the tie-breaker when two visits are issued in the same millisecond. */
  order: number;
}

/**
 * Opens (creating) the office in `dir`, sets it up as the default office (services
 * 1-6, counters 1-4) and writes `options.tickets` ticket rows over the office days
 * between firstDay and lastDay, in a few big transactions. The same seed gives the
 * same rows. Closes the database when done; the WAL is checkpointed into the file.
 */
export function writeBulkHistory(dir: string, options: BulkHistoryOptions): BulkHistorySummary {
  if (!Number.isInteger(options.tickets) || options.tickets < 0 || options.tickets >= MAX_ROWS)
    throw new RangeError(`tickets must be an integer in 0..${MAX_ROWS - 1}`);
  const { db, office } = openOffice(dir);
  try {
    office.admin.bootstrapOffice(DEFAULT_OFFICE, DEFAULT_QUEUE_CONFIG);
    const existing = (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n;
    if (existing > 0) throw new Error(`${dir} already has ${existing} tickets`);
    const config = office.ctx.config();
    const services = [...office.ctx.services().values()].filter((s) => s.active);
    const counters = office.ctx.counters();
    const generator = new HistoryGenerator(
      options.seed ?? 1,
      services,
      counters,
      config.timeZone,
      config.priority.prefix,
      config.recallLimit,
    );
    const firstDay = options.firstDay ?? BULK_FIRST_DAY;
    const lastDay = options.lastDay ?? BULK_LAST_DAY;
    const days = officeDays(firstDay, lastDay);
    if (days.length === 0) throw new RangeError(`no weekdays in ${firstDay}..${lastDay}`);
    const quotas = generator.dailyQuotas(days, options.tickets);
    // Ticket ids are random, so their unique index takes inserts all over; with SQLite's
    // 2 MB default cache most of them would miss. This connection is closed at the end,
    // so whoever opens the database next gets the server's default again.
    db.pragma('cache_size = -262144');

    const insertTicket =
      db.prepare(`INSERT INTO tickets (id, number, day, service_id, priority, station, status,
      queued_ms, issued_ms, called_ms, last_called_ms, started_ms, finished_ms, counter_id, staff,
      held, recalls, out_of_turn, out_of_turn_reason, transferred_from, transferred_to,
      print_outcome, print_reports)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, NULL, ?, ?)`);
    // As the transfer command does: the successor is inserted, then the original points at it
    // (tickets.transferred_to is a foreign key, so the original cannot name it earlier).
    const linkTransfer = db.prepare('UPDATE tickets SET transferred_to = ? WHERE id = ?');
    const insertRating = db.prepare(`INSERT INTO ratings (ticket_id, score, counter_id, staff,
      rated_ms) VALUES (?, ?, ?, ?, ?)`);
    const insertSequence = db.prepare(
      'INSERT INTO ticket_sequences (day, service_id, lane, last) VALUES (?, ?, ?, ?)',
    );
    // Every waiting ticket bumps its lane's count and its call takes it back off; after the
    // day closes the rows stay, at zero.
    const insertWaitingCount = db.prepare(
      'INSERT INTO waiting_counts (day, service_id, lane, waiting) VALUES (?, ?, ?, 0)',
    );

    const summary: BulkHistorySummary = {
      firstDay,
      lastDay,
      officeDays: days.length,
      tickets: 0,
      done: 0,
      noShow: 0,
      cancelled: 0,
      transferred: 0,
      outOfTurn: 0,
      recalls: 0,
      ratings: 0,
    };

    const writeDay = (day: string, quota: number): void => {
      const { visits, sequences } = generator.day(day, quota);
      const lanes = new Set<string>();
      for (const v of visits) {
        insertTicket.run(
          v.id,
          v.number,
          v.day,
          v.service.id,
          v.priority,
          v.station,
          v.status,
          v.queuedMs,
          v.issuedMs,
          v.calledMs,
          v.lastCalledMs,
          v.startedMs,
          v.finishedMs,
          v.counterId,
          v.staff,
          v.recalls,
          v.outOfTurnReason === null ? 0 : 1,
          v.outOfTurnReason,
          v.transferredFrom,
          v.printOutcome,
          v.printReports,
        );
        if (v.transferredFrom !== null) linkTransfer.run(v.id, v.transferredFrom);
        lanes.add(`${v.service.id}:${v.priority ? 'priority' : 'normal'}`);
        summary.tickets += 1;
        summary.recalls += v.recalls;
        if (v.outOfTurnReason !== null) summary.outOfTurn += 1;
        if (v.status === 'done') summary.done += 1;
        else if (v.status === 'no_show') summary.noShow += 1;
        else if (v.status === 'cancelled') summary.cancelled += 1;
        else summary.transferred += 1;
      }
      const rated = visits
        .filter((v) => v.score !== null)
        .sort((a, b) => a.finishedMs! - b.finishedMs! || a.order - b.order);
      for (const v of rated) {
        insertRating.run(v.id, v.score, v.counterId, v.staff, v.finishedMs! + RATED_AFTER_MS);
        summary.ratings += 1;
      }
      for (const [key, last] of sequences) {
        const [serviceId, lane] = key.split(':');
        insertSequence.run(day, Number(serviceId), lane, last);
      }
      for (const key of lanes) {
        const [serviceId, lane] = key.split(':');
        insertWaitingCount.run(day, Number(serviceId), lane);
      }
    };

    // One transaction per calendar month: a few big ones, each small enough for the WAL.
    const writeMonth = db.transaction((month: { day: string; quota: number }[]) => {
      for (const { day, quota } of month) writeDay(day, quota);
    });
    let month: { day: string; quota: number }[] = [];
    days.forEach((day, i) => {
      if (month.length > 0 && month[0]!.day.slice(0, 7) !== day.slice(0, 7)) {
        writeMonth(month);
        month = [];
      }
      month.push({ day, quota: quotas[i]! });
    });
    writeMonth(month);
    db.pragma('wal_checkpoint(TRUNCATE)');
    return summary;
  } finally {
    db.close();
  }
}

/** The weekdays from `first` to `last`, both included (public holidays are not skipped). */
export function officeDays(first: string, last: string): string[] {
  const days: string[] = [];
  for (let day = first; day <= last; day = nextDay(day)) {
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(day);
  }
  return days;
}

class HistoryGenerator {
  private readonly random: () => number;
  private readonly weights: number[];
  private readonly countersFor: Map<number, CounterRecord[]>;
  private rows = 0;
  private order = 0;

  constructor(
    seed: number,
    private readonly services: ServiceRecord[],
    private readonly counters: CounterRecord[],
    private readonly timeZone: string,
    private readonly priorityPrefix: string,
    private readonly recallLimit: number,
  ) {
    this.random = seededRandom(seed);
    this.weights = services.map((s) => SERVICE_WEIGHTS[s.code] ?? 10);
    this.countersFor = new Map(
      services.map((s) => [s.id, counters.filter((c) => c.serviceIds.includes(s.id))]),
    );
    for (const [serviceId, at] of this.countersFor) {
      if (at.length === 0) throw new Error(`no counter serves service ${serviceId}`);
    }
  }

  /** Splits `total` over the days: Mondays busiest, Fridays quietest, ±15 % day to day. */
  dailyQuotas(days: string[], total: number): number[] {
    const weights = days.map((day) => {
      const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
      return WEEKDAY_WEIGHTS[weekday]! * (0.85 + 0.3 * this.random());
    });
    const sum = weights.reduce((a, b) => a + b, 0);
    let cumulative = 0;
    let assigned = 0;
    return weights.map((w) => {
      cumulative += w;
      const upTo = Math.round((total * cumulative) / sum);
      const quota = upTo - assigned;
      assigned = upTo;
      return quota;
    });
  }

  /**
   * One office day of exactly `quota` ticket rows, in issue order (their seq order),
   * and the last number drawn per service and lane.
   */
  day(day: string, quota: number): { visits: Visit[]; sequences: Map<string, number> } {
    const midnight = startOfLocalDay(day, this.timeZone);
    const originals: { arrival: number; service: ServiceRecord; transfer: boolean }[] = [];
    let rows = 0;
    while (rows < quota) {
      const transfer = rows + 2 <= quota && this.random() < TRANSFER_SHARE;
      originals.push({
        arrival: midnight + Math.floor(this.arrivalMinute() * MINUTE),
        service: this.pick(this.services, this.weights),
        transfer,
      });
      rows += transfer ? 2 : 1;
    }
    originals.sort((a, b) => a.arrival - b.arrival);

    const sequences = new Map<string, number>();
    const visits: Visit[] = [];
    for (const { arrival, service, transfer } of originals) {
      const priority: PriorityKind | null =
        this.random() < 0.1 ? PRIORITY_KINDS[Math.floor(this.random() * 3)]! : null;
      const lane: Lane = priority ? 'priority' : 'normal';
      const key = `${service.id}:${lane}`;
      const n = (sequences.get(key) ?? 0) + 1;
      sequences.set(key, n);
      const print = this.printReport();
      const original = this.visit({
        day,
        midnight,
        service,
        priority,
        number: formatTicketNumber(service.code, lane, n, this.priorityPrefix),
        station: this.random() < 0.5 ? 'kiosk-1' : 'kiosk-2',
        queuedMs: arrival,
        issuedMs: arrival,
        transferredFrom: null,
        printOutcome: print.outcome,
        printReports: print.reports,
        transfer,
      });
      visits.push(original);
      if (transfer) {
        const others = this.services.filter((s) => s.id !== service.id);
        const to = this.pick(
          others,
          others.map((s) => SERVICE_WEIGHTS[s.code] ?? 10),
        );
        // The transfer command copies the ticket and resets its progress (NOT_YET_CALLED).
        const successor = this.visit({
          day,
          midnight,
          service: to,
          priority,
          number: original.number,
          station: original.station,
          queuedMs: original.queuedMs,
          issuedMs: original.finishedMs!,
          transferredFrom: original.id,
          printOutcome: original.printOutcome,
          printReports: original.printReports,
          transfer: false,
        });
        visits.push(successor);
      }
    }
    visits.sort((a, b) => a.issuedMs - b.issuedMs || a.order - b.order);
    return { visits, sequences };
  }

  /** The fate of one ticket from its issue to the day's close. */
  private visit(v: {
    day: string;
    midnight: number;
    service: ServiceRecord;
    priority: PriorityKind | null;
    number: string;
    station: string;
    queuedMs: number;
    issuedMs: number;
    transferredFrom: string | null;
    printOutcome: Visit['printOutcome'];
    printReports: number;
    transfer: boolean;
  }): Visit {
    const visit: Visit = {
      id: this.nextId(),
      number: v.number,
      day: v.day,
      service: v.service,
      priority: v.priority,
      station: v.station,
      status: 'cancelled',
      queuedMs: v.queuedMs,
      issuedMs: v.issuedMs,
      calledMs: null,
      lastCalledMs: null,
      startedMs: null,
      finishedMs: null,
      counterId: null,
      staff: null,
      recalls: 0,
      outOfTurnReason: null,
      transferredFrom: v.transferredFrom,
      printOutcome: v.printOutcome,
      printReports: v.printReports,
      score: null,
      order: (this.order += 1),
    };
    const lastCall = v.midnight + LAST_CALL_MIN * MINUTE;
    const issuedMinute = (v.issuedMs - v.midnight) / MINUTE;
    // Some citizens give up and cancel; late arrivals are sometimes still waiting at closing,
    // and the next day's first command cancels them (day_closed). Transfers are always served.
    const givesUp = this.random() < 0.015 || (issuedMinute > 16 * 60 && this.random() < 0.2);
    if (givesUp && !v.transfer) return visit;
    const calledMs = v.issuedMs + this.waitMinutes(v.service, v.priority, issuedMinute) * MINUTE;
    if (calledMs > lastCall && !v.transfer) return visit;

    const counters = this.countersFor.get(v.service.id)!;
    const counter = counters[Math.floor(this.random() * counters.length)]!;
    visit.calledMs = Math.round(calledMs);
    visit.counterId = counter.id;
    visit.staff = this.staffAt(counter, v.day, (calledMs - v.midnight) / MINUTE);
    if (this.random() < 0.01) {
      visit.outOfTurnReason =
        OUT_OF_TURN_REASONS[Math.floor(this.random() * OUT_OF_TURN_REASONS.length)]!;
    }
    // Recalls a minute or so apart; a no-show comes after at least one recall.
    const noShow = !v.transfer && this.random() < 0.05;
    const r = this.random();
    visit.recalls = noShow
      ? 1 + Math.floor(this.random() * this.recallLimit)
      : r < 0.06
        ? 1
        : r < 0.07
          ? 2
          : 0;
    let at = visit.calledMs;
    for (let i = 0; i < visit.recalls; i += 1) at += Math.round((1 + this.random() * 0.5) * MINUTE);
    visit.lastCalledMs = at;
    if (noShow) {
      visit.status = 'no_show';
      return visit;
    }
    visit.startedMs = at + Math.round((0.5 + this.random()) * MINUTE);
    if (v.transfer) {
      // Transferred while being served: the transfer ends this ticket's time at the counter.
      visit.status = 'transferred';
      visit.finishedMs = visit.startedMs + Math.round((2 + 3 * this.random()) * MINUTE);
      return visit;
    }
    visit.status = 'done';
    visit.finishedMs = visit.startedMs + Math.round(this.serviceMinutes(v.service) * MINUTE);
    if (this.random() < 0.6) visit.score = this.ratingScore();
    return visit;
  }

  /** Nearly every ticket printed; a few jammed and were reprinted, a very few failed or never reported. */
  private printReport(): { outcome: Visit['printOutcome']; reports: number } {
    const r = this.random();
    if (r < 0.993) return { outcome: 'printed', reports: 1 };
    if (r < 0.998) return { outcome: 'printed', reports: 2 };
    if (r < 0.999) return { outcome: 'failed', reports: 1 };
    return { outcome: null, reports: 0 };
  }

  /** 12 url-safe characters like the server's ids; the last 3 bytes (the row index) keep them unique. */
  private nextId(): string {
    const bytes = Buffer.allocUnsafe(9);
    bytes.writeUInt32BE(Math.floor(this.random() * 0x1_0000_0000), 0);
    bytes.writeUInt16BE(Math.floor(this.random() * 0x1_0000), 4);
    bytes.writeUIntBE(this.rows, 6, 3);
    this.rows += 1;
    return bytes.toString('base64url');
  }

  /** Minutes after midnight: two thirds in the 08:30-11:00 peak, the rest up to 16:30. */
  private arrivalMinute(): number {
    const minute =
      this.random() < 0.65
        ? OPEN_MIN + Math.abs(this.gaussian() * 0.45 + 0.8) * 60
        : OPEN_MIN + this.random() * (LAST_ISSUE_MIN - OPEN_MIN);
    return Math.min(minute, LAST_ISSUE_MIN - 1 / MINUTE); // the last ticket before 16:30
  }

  /** Log-normal around half the service's target wait, longer in the morning peak, shorter for priority. */
  private waitMinutes(service: ServiceRecord, priority: PriorityKind | null, at: number): number {
    const peak = at >= 9 * 60 && at < 11 * 60 ? 1.4 : 1;
    const lane = priority ? 0.5 : 1;
    return 0.5 + 0.5 * service.targetWaitMinutes * peak * lane * Math.exp(this.gaussian() * 0.6);
  }

  /** Around the posted standard: log-normal, median a little under it, a long tail. */
  private serviceMinutes(service: ServiceRecord): number {
    return Math.max(1, standardMinutesOf(service) * Math.exp(this.gaussian() * 0.35) * 0.95);
  }

  /** Each counter has a morning and an afternoon person, rotating day by day. */
  private staffAt(counter: CounterRecord, day: string, minute: number): string {
    const dayIndex = Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
    const shift = minute < AFTERNOON_MIN ? 0 : 2;
    return BULK_STAFF[(counter.number + dayIndex + shift) % BULK_STAFF.length]!;
  }

  private ratingScore(): number {
    const r = this.random();
    return r < 0.55 ? 5 : r < 0.85 ? 4 : r < 0.95 ? 3 : r < 0.98 ? 2 : 1;
  }

  private gaussian(): number {
    return Math.sqrt(-2 * Math.log(1 - this.random())) * Math.cos(2 * Math.PI * this.random());
  }

  private pick<T>(items: T[], itemWeights: number[]): T {
    const total = itemWeights.reduce((a, b) => a + b, 0);
    let r = this.random() * total;
    for (let i = 0; i < items.length; i += 1) {
      r -= itemWeights[i]!;
      if (r < 0) return items[i]!;
    }
    return items[items.length - 1]!;
  }
}
