/**
 * The managers' reports over a year of history: a weekly and a fiscal-year report
 * built by the report engine (server/reports/reports.ts) from 1,000,000 tickets with
 * their ratings, and the weekly report printed to PDF. Each against a baseline
 * measured in the same run: the bare SQL scan of the same rows, and the same printer
 * printing an empty week.
 *
 * The measuring runs in a child process started with the server's Node flags
 * (server/cli/node-flags.ts), so the report is built with the young generation it
 * gets in the office server, and a year's rows never share the bench's heap.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import type { Report, ReportRange } from '../../server/contract/contract.ts';
import type { ReportRequest } from '../../server/reports/report-period.ts';
import type { Reports } from '../../server/reports/reports.ts';
import { SERVER_NODE_FLAGS } from '../../server/cli/node-flags.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import type { Figure } from './figure.ts';
import { note, printFigure } from './figure.ts';
import { percentile } from './percentile.ts';
import { machineLoad } from './machine-load.ts';

const TICKETS = 1_000_000;
const SEED = 2569;
const WARMUPS = 1;
const RUNS = 5;
/** A Monday in the middle of the history (2025-09-01..2026-09-30), with a full week before it. */
const WEEK = '2026-03-02';
/** A Monday long before the history: the smallest report there is. */
const EMPTY_WEEK = '2024-01-01';
/** 2025-10-01..2026-09-30; the month before it is in the history too, as its previous period. */
const FISCAL_YEAR = 2569;

const DATA_DIR_ENV = 'KHIU_REPORT_BENCH_DIR';
const THIS_FILE = fileURLToPath(import.meta.url);

/**
 * Runs the report benches in a child process and yields each figure as soon as the
 * child prints it. The data directory is made (and removed) here, so a crashed child
 * leaves nothing behind.
 */
export async function* reportFigures(): AsyncGenerator<Figure> {
  const { dir, cleanup } = makeTempDir('khiu-bench-reports-');
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, THIS_FILE], {
    env: { ...process.env, [DATA_DIR_ENV]: dir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code, signal) => resolve(signal ? -1 : code));
    });
    exited.catch(() => undefined); // awaited below; a failed spawn must not go unhandled meanwhile
    for await (const line of createInterface({ input: child.stdout })) {
      const figure = parseFigure(line);
      if (figure) yield figure;
      else if (line.trim()) note(`reports (stdout): ${line}`);
    }
    const code = await exited;
    if (code !== 0) throw new Error(`the report bench process exited with ${code}`);
  } finally {
    // Stopped early (the caller stopped asking, or reading failed): the child goes too.
    if (child.exitCode === null && child.signalCode === null) {
      child.kill();
      await new Promise((resolve) => child.once('exit', resolve));
    }
    cleanup();
  }
}

function parseFigure(line: string): Figure | null {
  try {
    const row = JSON.parse(line) as Partial<Figure> | null;
    return typeof row?.name === 'string' &&
      typeof row.value === 'number' &&
      typeof row.unit === 'string' &&
      typeof row.baseline === 'number'
      ? (row as Figure)
      : null;
  } catch {
    return null;
  }
}

/** What the child does: write the history, then measure, printing each figure when it is ready. */
async function measureReports(dir: string, emit: (figure: Figure) => void): Promise<void> {
  // Imported here, in the child only: the bench process itself never loads the server or vite.
  const [{ writeBulkHistory }, { openOffice }, { Reports }] = await Promise.all([
    import('./bulk-history.ts'),
    import('../../server/app.ts'),
    import('../../server/reports/reports.ts'),
  ]);
  let begin = performance.now();
  const summary = writeBulkHistory(dir, { tickets: TICKETS, seed: SEED });
  note(
    `reports: wrote ${summary.tickets.toLocaleString('en')} tickets (${summary.done} done, ` +
      `${summary.noShow} no-show, ${summary.cancelled} cancelled, ${summary.transferred} transferred, ` +
      `${summary.outOfTurn} out of turn) and ${summary.ratings} ratings over ${summary.officeDays} ` +
      `office days ${summary.firstDay}..${summary.lastDay} in ` +
      `${((performance.now() - begin) / 1000).toFixed(1)} s, straight into tickets and ratings: ` +
      `no ledger entries, so khiu verify would report these rows as unrecorded`,
  );

  const { db, office } = openOffice(dir);
  try {
    const reports = new Reports(office.ctx);
    const scan = new BareScan(db);

    emit(compareBuild('report_weekly_ms', reports, scan, { kind: 'weekly', start: WEEK }));
    emit(
      compareBuild('report_fiscal_year_ms', reports, scan, {
        kind: 'fiscal-year',
        fiscalYear: FISCAL_YEAR,
      }),
    );

    note(`report_pdf_ms: building the renderer (cached by its sources) (${machineLoad()})`);
    begin = performance.now();
    const [{ ReportPdfPrinter }, { builtRenderer }] = await Promise.all([
      import('../../server/reports/export/report-pdf.ts'),
      import('../e2e/renderer-build.ts'),
    ]);
    const staticDir = await builtRenderer();
    note(`report_pdf_ms: renderer ready in ${((performance.now() - begin) / 1000).toFixed(1)} s`);
    const printer = new ReportPdfPrinter({ staticDir, log: () => {} });
    try {
      const weekly = reports.build({ kind: 'weekly', start: WEEK });
      const empty = reports.build({ kind: 'weekly', start: EMPTY_WEEK });
      if (empty.totals.issued !== 0 || empty.previous.totals.issued !== 0)
        throw new Error(`the week of ${EMPTY_WEEK} was meant to be empty`);
      note(`report_pdf_ms: starting (${machineLoad()})`);
      const printed = new Map<Report, { bytes: number; pages: number }>();
      const print = async (report: Report) => {
        const pdf = await printer.print(report);
        if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-')
          throw new Error(`the printer returned something that is not a PDF`);
        printed.set(report, { bytes: pdf.length, pages: pageCount(pdf) });
      };
      const runs = await alternate({ weekly: () => print(weekly), empty: () => print(empty) });
      const [week, none] = [printed.get(weekly)!, printed.get(empty)!];
      // A print page that draws nothing still makes a PDF, fast; that would time an empty page.
      if (week.pages <= none.pages) {
        throw new Error(
          `the weekly report printed to ${week.pages} pages (${week.bytes} bytes), no more than the ` +
            `empty week's ${none.pages} (${none.bytes} bytes): the print page did not draw the report`,
        );
      }
      note(
        `report_pdf_ms: median of ${RUNS} prints after ${WARMUPS} warm-up (which also starts Chromium), ` +
          `alternating with the baseline; the weekly report ${list(runs.weekly)} ms ` +
          `(${week.pages} pages, ${week.bytes} bytes), the empty week ${list(runs.empty)} ms ` +
          `(${none.pages} pages, ${none.bytes} bytes)`,
      );
      emit({
        name: 'report_pdf_ms',
        value: median(runs.weekly),
        unit: 'ms',
        baseline: median(runs.empty),
      });
    } finally {
      await printer.close();
    }
  } finally {
    db.close();
  }
}

/**
 * One report against the bare scan of its own days, both timed in turn. The report
 * also reads its previous period; the scan of both is timed too, for the note.
 */
function compareBuild(
  name: string,
  reports: Reports,
  scan: BareScan,
  request: ReportRequest,
): Figure {
  note(`${name}: starting (${machineLoad()})`);
  const coldBegin = performance.now();
  const report = reports.build(request);
  const cold = performance.now() - coldBegin;
  const { range } = report;
  const previous = report.previous.range;
  const rows = scan.rows(range);
  if (rows === 0) throw new Error(`${name}: no tickets on ${range.from}..${range.to}`);
  if (report.totals.issued !== rows) {
    note(
      `${name}: WARNING the report counts ${report.totals.issued} tickets issued on ` +
        `${range.from}..${range.to}, the scan reads ${rows}: the baseline is not the same rows`,
    );
  }
  const times = alternateSync({
    report: () => reports.build(request),
    scan: () => scan.rows(range),
    scanWithPrevious: () => scan.rows(range) + scan.rows(previous),
  });
  const describe = (label: string, t: Samples) =>
    `${label} ${list(t.wall)} ms (median ${median(t.wall).toFixed(1)}, CPU ${median(t.cpu).toFixed(1)})`;
  note(
    `${name}: ${range.from}..${range.to}, ${rows} tickets (previous period ` +
      `${previous.from}..${previous.to}: ${scan.rows(previous)}); the first build ` +
      `${cold.toFixed(1)} ms, then ${WARMUPS} more warm-up and ${RUNS} runs each, alternating: ` +
      `${describe('report', times.report)}; ${describe('bare scan', times.scan)}; ` +
      `${describe('bare scan of both periods', times.scanWithPrevious)}`,
  );
  return { name, value: median(times.report.wall), unit: 'ms', baseline: median(times.scan.wall) };
}

/**
 * The floor under a report: the rows it reads (a range of days' tickets with their
 * ratings, the columns the report store selects) stepped through as raw arrays,
 * nothing computed.
 */
class BareScan {
  private readonly statement: Database.Statement;

  constructor(db: Database.Database) {
    this.statement = db
      .prepare(
        `SELECT t.id, t.number, t.day, t.service_id, t.status, t.issued_ms, t.called_ms,
        t.started_ms, t.finished_ms, t.counter_id, t.staff, t.recalls, t.out_of_turn,
        t.out_of_turn_reason, t.transferred_from IS NOT NULL, r.score, r.counter_id, r.staff
        FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id WHERE t.day BETWEEN ? AND ?`,
      )
      .raw(true);
  }

  rows(range: ReportRange): number {
    let n = 0;
    for (const row of this.statement.iterate(range.from, range.to)) if (row) n += 1;
    return n;
  }
}

/** Wall-clock and this process's CPU milliseconds of each run. */
interface Samples {
  wall: number[];
  cpu: number[];
}

/**
 * Runs each function in turn, WARMUPS + RUNS rounds, so all see the same share of
 * the machine. CPU time is kept too: on this shared machine wall time also counts
 * the moments another process had the core.
 */
function alternateSync<K extends string>(work: Record<K, () => unknown>): Record<K, Samples> {
  const keys = Object.keys(work) as K[];
  const times = Object.fromEntries(
    keys.map((k): [K, Samples] => [k, { wall: [], cpu: [] }]),
  ) as Record<K, Samples>;
  for (let round = 0; round < WARMUPS + RUNS; round += 1) {
    for (const key of keys) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      work[key]();
      const wall = performance.now() - start;
      const cpu = process.cpuUsage(cpuStart);
      if (round >= WARMUPS) {
        times[key].wall.push(wall);
        times[key].cpu.push((cpu.user + cpu.system) / 1000);
      }
    }
  }
  return times;
}

type Timings<K extends string> = Record<K, number[]>;

/** Like alternateSync, wall-clock only (a print's work is mostly in Chromium's processes). */
async function alternate<K extends string>(
  work: Record<K, () => Promise<unknown>>,
): Promise<Timings<K>> {
  const keys = Object.keys(work) as K[];
  const times = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Timings<K>;
  for (let round = 0; round < WARMUPS + RUNS; round += 1) {
    for (const key of keys) {
      const start = performance.now();
      await work[key]();
      const ms = performance.now() - start;
      if (round >= WARMUPS) times[key].push(ms);
    }
  }
  return times;
}

/** Page objects in a PDF as Chromium (Skia) writes it: uncompressed, one /Type /Page each. */
const pageCount = (pdf: Buffer): number =>
  pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;

const median = (samples: number[]): number => percentile(samples, 50);
const list = (samples: number[]): string => samples.map((ms) => ms.toFixed(1)).join(', ');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.env[DATA_DIR_ENV];
  if (!dir)
    throw new Error(`run through reportFigures() (test/bench/run.ts), which sets ${DATA_DIR_ENV}`);
  await measureReports(dir, printFigure);
  // Chromium's pipes or a timer must not hold the child open.
  process.exit();
}
