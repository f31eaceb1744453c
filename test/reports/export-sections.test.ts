import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type { Report } from '../../server/contract/contract.ts';
import { COMPLAINT_KINDS } from '../../server/contract/contract.ts';
import type { Actor } from '../../server/core/records.ts';
import { XLSX_FROZEN_ROWS } from '../../server/reports/export/report-xlsx.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';
import {
  DEMO_STAFF,
  FIRST_DAY_MS,
  playFeedback,
  playTransparencyOffice,
  type PlayedFeedback,
} from '../api/transparency-office.ts';
import { csvSections, readCsv } from './csv-reader.ts';

const MINUTE = 60_000;
const WEEK = '/api/reports/weekly?start=2026-11-16';

/** The exports round minutes and percentages to one decimal, half away from zero. */
const oneDecimal = (value: number | null): number | null =>
  value === null ? null : Math.round(value * 10) / 10;

let s: TestServer;
let manager: ApiClient;
let feedback: PlayedFeedback;
let report: Report;
let csv: ReturnType<typeof csvSections>;
let workbook: ExcelJS.Workbook;

/**
 * The transparency office's history, its surveys and complaints, and this morning counter 1
 * timing every posted step of the two service-A tickets still waiting; the week's report read
 * over HTTP as JSON, CSV and XLSX.
 */
beforeAll(async () => {
  const clock = new ManualClock(FIRST_DAY_MS);
  s = await startTestServer({ clock });
  const { office } = s.khiu;
  playTransparencyOffice(office, clock);
  // Weeks on, the admin's session has expired.
  await s.admin.signIn('admin', ADMIN_PASSWORD);
  manager = await s.userWithRole('manager', 'boss');
  feedback = await playFeedback(office, clock);
  const staff: Actor = { kind: 'user', username: DEMO_STAFF[0]!, role: 'staff' };
  const counter = office.ctx.store.counters.all().find((c) => c.number === 1)!;
  for (let i = 0; i < 2; i += 1) {
    clock.advance(MINUTE);
    const ticket = office.tickets.callNext(counter.id, staff)!;
    office.tickets.start(ticket.id, staff);
    for (const [order, minutes] of [
      [1, 3 + i],
      [2, 12],
      [3, 2],
    ] as const) {
      office.steps.start(ticket.id, order, staff);
      clock.advance(minutes * MINUTE);
      office.steps.finish(ticket.id, order, staff);
    }
    office.tickets.finish(ticket.id, staff);
  }
  report = (await manager.get<Report>(WEEK)).body;
  const text = await (
    await fetch(`${s.url}${WEEK.replace('weekly', 'weekly.csv')}`, {
      headers: { cookie: manager.cookie! },
    })
  ).text();
  // fetch's text() drops the byte-order mark itself.
  csv = csvSections(readCsv(text.replace(/^\uFEFF/, '')));
  const xlsx = await fetch(`${s.url}${WEEK.replace('weekly', 'weekly.xlsx')}`, {
    headers: { cookie: manager.cookie! },
  });
  expect(xlsx.status).toBe(200);
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    Buffer.from(await xlsx.arrayBuffer()) as unknown as Parameters<ExcelJS.Xlsx['load']>[0],
  );
}, 120_000);
afterAll(() => s.close());

/** A CSV section's rows as records keyed by the English header. */
function csvRecords(title: string): Record<string, string>[] {
  const section = csv.get(title);
  if (!section) throw new Error(`no section ${title}`);
  const keys = section.header.map((h) => h.split(' / ').at(-1)!);
  return section.rows.map((row) => Object.fromEntries(keys.map((k, i) => [k, row[i]!])));
}

/** A sheet's rows as records keyed by the English header row. */
function sheetRecords(name: string): Record<string, unknown>[] {
  const ws = workbook.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  const keys = (ws.getRow(XLSX_FROZEN_ROWS).values as unknown[]).slice(1).map(String);
  const records: Record<string, unknown>[] = [];
  for (let r = XLSX_FROZEN_ROWS + 1; r <= ws.rowCount; r += 1) {
    const row = ws.getRow(r);
    records.push(Object.fromEntries(keys.map((k, i) => [k, row.getCell(i + 1).value ?? null])));
  }
  return records;
}

/** A CSV field as the value it stands for: empty is null, a number is a number. */
const csvValue = (field: string): string | number | null =>
  field === '' ? null : /^-?\d+(\.\d+)?$/.test(field) ? Number(field) : field;

/** The same records from the CSV and from the XLSX, with each CSV field read as its value. */
function bothRecords(csvTitle: string, sheet: string): Record<string, unknown>[][] {
  const fromCsv = csvRecords(csvTitle).map((r) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, csvValue(v)])),
  );
  const fromXlsx = sheetRecords(sheet);
  expect(fromXlsx).toEqual(fromCsv);
  return [fromCsv, fromXlsx];
}

describe("the report downloads' steps, survey and complaint sections", () => {
  it('writes every posted step of the services as the JSON report gives it, timed ones included', () => {
    const [rows] = bothRecords('ขั้นตอนบริการ / Steps', 'ขั้นตอนบริการ Steps');
    expect(report.steps.length).toBeGreaterThan(5);
    expect(rows!.map((r) => [r['Service code'], r['Step no.']])).toEqual(
      report.steps.map((step) => [step.code, step.order]),
    );
    report.steps.forEach((step, i) => {
      const service = report.services.find((x) => x.serviceId === step.serviceId)!;
      expect(rows![i], `${step.code} ${step.order}`).toEqual({
        'Service code': step.code,
        Service: service.name.th,
        'Step no.': step.order,
        Step: step.title?.th ?? null,
        'Step (English)': step.title?.en ?? null,
        'Posted standard (min)': oneDecimal(step.standardMinutes),
        Timed: step.timed,
        'Time p50 (min)': oneDecimal(step.p50),
        'Time p90 (min)': oneDecimal(step.p90),
        'Within standard time (%)': oneDecimal(step.withinStandardPct),
      });
    });
    const timed = report.steps.filter((step) => step.code === 'A');
    expect(timed.map((step) => step.timed)).toEqual([2, 2, 2]);
    expect(timed[0]!.p50).toBe(3.5);
  });

  it("writes the survey's five questions with the JSON report's counts, mean, S.D., band and share", () => {
    const [rows] = bothRecords('แบบสำรวจ 5 ด้าน / Survey', 'แบบสำรวจ 5 ด้าน Survey');
    const surveys = report.surveys!;
    expect(surveys.n).toBe(feedback.surveys.length);
    expect(rows).toEqual(
      surveys.questions.map((q) => ({
        Question: q.label.th,
        'Question (English)': q.label.en,
        'Question code': q.question,
        'Answered 1 (lowest)': q.counts[0],
        'Answered 2 (low)': q.counts[1],
        'Answered 3 (moderate)': q.counts[2],
        'Answered 4 (high)': q.counts[3],
        'Answered 5 (highest)': q.counts[4],
        Answers: q.n,
        'Mean (1–5)': q.mean,
        'Standard deviation': q.sd,
        'Satisfaction level': q.band?.th ?? null,
        'Satisfied, 4–5 (%)': q.satisfiedPct,
      })),
    );
    const summary = csvRecords('สรุป / Summary');
    const item = (en: string) => summary.find((r) => r['Item (English)'] === en)?.['This period'];
    expect(item('Surveys answered (QR)')).toBe(String(surveys.n));
    expect(item('Surveys with a comment')).toBe(String(surveys.withComment));
    expect(surveys.withComment).toBe(feedback.surveys.filter((x) => x.comment).length);
  });

  it('writes the complaints per month by kind, the resolved and the total, and never their words', () => {
    const [rows] = bothRecords('เรื่องร้องเรียน / Complaints', 'เรื่องร้องเรียน Complaints');
    const counts = report.complaints!;
    const record = (month: string, c: (typeof counts)['totals']) => ({
      Month: month,
      Received: c.received,
      'Turn skipped': c.byKind.skipped,
      'Treated unfairly': c.byKind.discrimination,
      'Asked for money or a gift': c.byKind.bribe_request,
      'Staff impolite': c.byKind.rude,
      Other: c.byKind.other,
      Resolved: c.resolved,
    });
    expect(rows).toEqual([
      ...counts.months.map((m) => record(m.month, m)),
      record('รวม (total)', counts.totals),
    ]);
    expect(counts.totals).toEqual({
      received: feedback.complaints.length,
      byKind: Object.fromEntries(
        COMPLAINT_KINDS.map((k) => [k, feedback.complaints.filter((c) => c.kind === k).length]),
      ),
      resolved: 2,
    });
    const summary = csvRecords('สรุป / Summary');
    const item = (en: string) => summary.find((r) => r['Item (English)'] === en)?.['This period'];
    expect(item('Complaints received')).toBe(String(feedback.complaints.length));
    expect(item('Complaints resolved')).toBe('2');
    const everything = [...csv.values()].flatMap((x) => x.rows.flat()).join('\n');
    for (const c of feedback.complaints)
      for (const secret of [c.reference, c.text, c.outcome])
        if (secret) expect(everything.includes(secret), secret).toBe(false);
    for (const x of feedback.surveys)
      if (x.comment) expect(everything.includes(x.comment), x.comment).toBe(false);
  });
});
