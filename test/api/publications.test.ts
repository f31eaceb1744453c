import { execFile } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  PublicationList,
  Report,
  ReportFigures,
  SatisfactionPublication,
  ServiceManual,
  StatisticsPublication,
} from '../../server/contract/contract.ts';
import { pdfInfo, pdfText } from '../reports/pdf-text.ts';
import {
  asciiName,
  publicationsOffice,
  savedName,
  type Answer,
  type PublicationsOffice,
} from './publications-office.ts';

const run = promisify(execFile);
const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** pdftotext keeps the page's layout with runs of spaces; the words are what count. */
const words = (text: string): string => text.replace(/\s+/g, ' ');
/** A figure as the PDF prints it: Thai grouping, one decimal for minutes. */
const printed = (value: number, digits = 0): string =>
  value.toLocaleString('th-TH', { minimumFractionDigits: digits, maximumFractionDigits: digits });

let o: PublicationsOffice;

beforeAll(async () => {
  o = await publicationsOffice();
}, 240_000);
afterAll(() => o?.close());

function expectFile(res: Answer, contentType: string, name: string): void {
  expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
  expect(res.headers.get('content-type')).toBe(contentType);
  const disposition = res.headers.get('content-disposition');
  expect(disposition).toMatch(/^attachment; /);
  expect(savedName(disposition)).toBe(name);
  // The ASCII name is for clients that read only that: printable ASCII, same extension.
  expect(asciiName(disposition)).toMatch(new RegExp(`^[\\x20-\\x7e]+\\.${name.split('.').pop()}$`));
}

/** Page one of a PDF as a PNG at 60 dpi, to look at (test-output/screenshots). */
async function pageImage(pdf: Buffer, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = join(o.dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  await run('pdftoppm', [
    '-png',
    '-r',
    '60',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    file,
    join(SCREENSHOTS, name),
  ]);
  return join(SCREENSHOTS, `${name}.png`);
}

/** The rows of a workbook's first sheet, as arrays of cell values (1-based like Excel). */
async function sheetRows(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row, n) => (rows[n] = (row.values as unknown[]).slice(1)));
  return rows.filter(Boolean);
}

const rowNamed = (rows: unknown[][], column: number, name: string): unknown[] => {
  const row = rows.find((r) => r[column] === name);
  if (!row) throw new Error(`no row named ${name}`);
  return row;
};

/** What the statistics publish of a report's figures, in the XLSX's column order from "issued". */
const statisticsOf = (f: ReportFigures): unknown[] => [
  f.issued,
  f.served,
  f.noShow,
  f.cancelled,
  f.wait.p50,
  f.wait.p90,
];

describe('the ITA publications over HTTP', () => {
  it('lists the documents of this and the previous fiscal year, the quarter in progress marked', async () => {
    const res = await o.manager.get('/api/publications');
    expect(res.status).toBe(200);
    const list = res.json<PublicationList>();
    expect(list.today).toBe('2026-12-01');
    expect(list.fiscalYears.map((y) => y.fiscalYear)).toEqual([2570, 2569]);
    const [current, previous] = list.fiscalYears;
    // 2570 has begun: its first quarter, its first half and its year, all still running.
    expect(current!.documents.map((d) => `${d.kind}:${d.period.part}:${d.state}`)).toEqual([
      'statistics:q1:in-progress',
      'statistics:year:in-progress',
      'satisfaction:h1:in-progress',
      'satisfaction:year:in-progress',
    ]);
    expect(previous!.documents.every((d) => d.state === 'complete')).toBe(true);
    expect(previous!.documents).toHaveLength(8);
    const q1 = current!.documents[0]!;
    expect(q1.period.dataUntilText?.th).toBe('ข้อมูลถึงวันที่ 1 ธันวาคม 2569');
    expect(q1.files.map((f) => f.fileName)).toEqual([
      'สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.pdf',
      'สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.xlsx',
    ]);
    expect(list.serviceManual.services.length).toBeGreaterThan(0);
  });

  it('prints the whole service manual with the services, their steps, minutes and fees', async () => {
    const manual = (await o.manager.get('/api/publications/service-manual')).json<ServiceManual>();
    const res = await o.manager.get('/api/publications/service-manual.pdf');
    expectFile(res, 'application/pdf', 'คู่มือการให้บริการ.pdf');
    const info = await pdfInfo(res.body, o.dir, 'manual-info.pdf');
    expect(info['Page size']).toMatch(/\(A4\)/);
    // A contents page, then a page per service.
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(manual.services.length + 1);
    const text = words(await pdfText(res.body, o.dir, 'manual.pdf'));
    for (const service of manual.services) {
      expect(text).toContain(service.name.th);
      for (const step of service.steps) {
        expect(text).toContain(step.title.th);
        expect(text).toContain(step.responsible);
      }
      expect(text).toContain(`${service.standardMinutes} นาที`);
      for (const doc of service.documents) expect(text).toContain(doc.th);
    }
    // feeText: an explicit "no fee" when it is zero, baht otherwise.
    expect(text).toContain('ไม่มีค่าธรรมเนียม');
    const paid = manual.services.find((s) => s.fee > 0)!;
    expect(text).toContain(`${paid.fee.toLocaleString('th-TH')} บาท`);
    expect(statSync(await pageImage(res.body, 'publication-service-manual')).size).toBeGreaterThan(
      0,
    );
  }, 60_000);

  it("prints one service's manual under the service's name, with its counters", async () => {
    const list = (await o.manager.get('/api/publications')).json<PublicationList>();
    const entry = list.serviceManual.services[0]!;
    const manual = (
      await o.manager.get(`/api/publications/service-manual/${entry.serviceId}`)
    ).json<ServiceManual>();
    expect(manual.services).toHaveLength(1);
    const service = manual.services[0]!;
    expect(service.place.counters.length).toBeGreaterThan(0);
    const res = await o.manager.get(entry.file.path);
    expectFile(res, 'application/pdf', entry.file.fileName);
    expect(entry.file.fileName).toBe(`คู่มือการให้บริการ-${service.name.th.replace(/\s+/g, '')}.pdf`);
    const text = words(await pdfText(res.body, o.dir, 'one-manual.pdf'));
    expect(text).toContain(service.name.th);
    for (const step of service.steps) expect(text).toContain(step.title.th);
    expect(text).toContain(service.place.counters[0]!.name);
    // Another service's steps are not in it.
    const other = list.serviceManual.services[1]!;
    expect(text).not.toContain(other.name.th);
    expect(
      statSync(await pageImage(res.body, 'publication-service-manual-one')).size,
    ).toBeGreaterThan(0);
  }, 60_000);

  it('gives the complaint channel the office set, else the office itself', async () => {
    const before = (
      await o.manager.get('/api/publications/service-manual/1')
    ).json<ServiceManual>();
    expect(before.complaint.ways).toEqual([]);
    expect(before.complaint.text.th).toContain(before.officeName.th);
    const set = await o.admin.request('PUT', '/api/settings/complaint-channel', {
      phone: '0 2123 4567',
      line: '@bansuan',
    });
    expect(set.status).toBe(200);
    const after = (await o.manager.get('/api/publications/service-manual/1')).json<ServiceManual>();
    expect(after.complaint.ways).toEqual(['โทร 0 2123 4567', 'LINE @bansuan']);
    const text = words(
      await pdfText(
        (await o.manager.get('/api/publications/service-manual/1.pdf')).body,
        o.dir,
        'complaint.pdf',
      ),
    );
    expect(text).toContain('โทร 0 2123 4567');
    expect(text).toContain('LINE @bansuan');
  }, 60_000);

  it('prints the statistics of a quarter in progress with its Buddhist-era dates and its figures', async () => {
    const doc = (
      await o.manager.get('/api/publications/statistics?fiscalYear=2570&quarter=1')
    ).json<StatisticsPublication>();
    const res = await o.manager.get(
      '/api/publications/statistics?fiscalYear=2570&quarter=1&format=pdf',
    );
    expectFile(res, 'application/pdf', 'สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.pdf');
    const text = words(await pdfText(res.body, o.dir, 'statistics.pdf'));
    expect(text).toContain('1 ตุลาคม 2569 – 31 ธันวาคม 2569');
    expect(text).toContain('ข้อมูลถึงวันที่ 1 ธันวาคม 2569');
    // A long name may wrap in its cell: compared without the line breaks.
    const joined = text.replace(/\s/g, '');
    for (const row of doc.services) expect(joined).toContain(row.name.th.replace(/\s/g, ''));
    expect(doc.total.issued).toBeGreaterThan(300);
    expect(text).toContain(printed(doc.total.issued));
    expect(text).toContain(printed(doc.total.waitP50!, 1));
    expect(statSync(await pageImage(res.body, 'publication-statistics')).size).toBeGreaterThan(0);
  }, 60_000);

  it("writes a quarter's statistics XLSX with the manager report's numbers for the same days", async () => {
    // All of quarter 1 of 2570 that was played is in November 2026: the monthly report is the same days.
    const report = (await o.manager.get('/api/reports/monthly?month=2026-11')).json<Report>();
    const res = await o.manager.get(
      '/api/publications/statistics?fiscalYear=2570&quarter=1&format=xlsx',
    );
    expectFile(res, XLSX, 'สถิติการให้บริการ-ปีงบประมาณ2570-ไตรมาส1.xlsx');
    const rows = await sheetRows(res.body);
    expect(rows.flat()).toContain('ช่วงวันที่ 1 ตุลาคม 2569 – 31 ธันวาคม 2569 (ข้อมูลถึงวันที่ 1 ธันวาคม 2569)');
    for (const service of report.services) {
      const row = rowNamed(rows, 1, service.name.th);
      expect(row.slice(2, 8)).toEqual(statisticsOf(service).map((v) => v ?? undefined));
      expect(row[8]).toBe(service.targetWaitMinutes);
      expect(row[9] ?? null).toBe(service.wait.withinTargetPct);
      expect(row[10] ?? null).toBe(service.service.mean);
      expect(row[11]).toBe(service.standardMinutes);
      expect(row[12] ?? null).toBe(service.service.withinStandardPct);
      expect(row[13]).toBe(service.fairness.outOfTurn);
    }
    const total = rowNamed(rows, 1, 'รวมทุกบริการ');
    expect(total.slice(2, 8)).toEqual(statisticsOf(report.totals));
    expect(total[13]).toBe(report.totals.fairness.outOfTurn);
  }, 60_000);

  it("writes the year so far with the fiscal-year report's numbers", async () => {
    const report = (await o.manager.get('/api/reports/fiscal-year?fiscalYear=2570')).json<Report>();
    const res = await o.manager.get(
      '/api/publications/statistics?fiscalYear=2570&quarter=year&format=xlsx',
    );
    expectFile(res, XLSX, 'สถิติการให้บริการ-ปีงบประมาณ2570-ทั้งปี.xlsx');
    const rows = await sheetRows(res.body);
    expect(rowNamed(rows, 1, 'รวมทุกบริการ').slice(2, 8)).toEqual(statisticsOf(report.totals));
    // The quarter before it, in the year before, has its own days (September 2026).
    const september = (await o.manager.get('/api/reports/monthly?month=2026-09')).json<Report>();
    const q4 = await o.manager.get(
      '/api/publications/statistics?fiscalYear=2569&quarter=4&format=xlsx',
    );
    expectFile(q4, XLSX, 'สถิติการให้บริการ-ปีงบประมาณ2569-ไตรมาส4.xlsx');
    expect(rowNamed(await sheetRows(q4.body), 1, 'รวมทุกบริการ').slice(2, 8)).toEqual(
      statisticsOf(september.totals),
    );
  }, 60_000);

  it("writes the 12-month satisfaction XLSX with the fiscal-year report's ratings", async () => {
    const report = (await o.manager.get('/api/reports/fiscal-year?fiscalYear=2569')).json<Report>();
    const res = await o.manager.get(
      '/api/publications/satisfaction?fiscalYear=2569&half=year&format=xlsx',
    );
    expectFile(res, XLSX, 'รายงานผลความพึงพอใจ-ปีงบประมาณ2569-12เดือน.xlsx');
    const rows = await sheetRows(res.body);
    const check = (row: unknown[], served: number, s: ReportFigures['satisfaction']) => {
      // Levels 5 down to 1, then n, mean, S.D., band, % satisfied, target, met, served, rate.
      expect(row.slice(1, 6)).toEqual([...s.counts].reverse());
      expect(row[6]).toBe(s.n);
      expect(row[7] ?? null).toBe(s.mean);
      expect(row[8] ?? null).toBe(s.sd);
      expect(row[9] ?? null).toBe(s.band?.th ?? null);
      expect(row[10] ?? null).toBe(s.satisfiedPct);
      expect(row[11]).toBe(80);
      expect(row[13]).toBe(served);
      expect(row[14] ?? null).toBe(s.responseRatePct);
    };
    for (const service of report.services)
      check(rowNamed(rows, 0, service.name.th), service.served, service.satisfaction);
    check(rowNamed(rows, 0, 'ภาพรวมทุกบริการ'), report.totals.served, report.totals.satisfaction);
    expect(report.totals.satisfaction.n).toBeGreaterThan(0);
    const flat = rows.flat().join(' ');
    expect(flat).toContain('ช่วงวันที่ 1 ตุลาคม 2568 – 30 กันยายน 2569');
    expect(flat).toContain('กดปุ่มหรือแตะหน้าจอ');
    expect(flat).toContain('4.21 – 5.00');
  }, 60_000);

  it("prints the 6-month satisfaction report with the half-year report's figures and the method", async () => {
    const report = (
      await o.manager.get('/api/reports/half-year?fiscalYear=2570&half=1')
    ).json<Report>();
    const doc = (
      await o.manager.get('/api/publications/satisfaction?fiscalYear=2570&half=1')
    ).json<SatisfactionPublication>();
    const overall = doc.sections[0]!.rows.find((r) => r.kind === 'overall')!;
    expect(overall.figures).toEqual(report.totals.satisfaction);
    const res = await o.manager.get(
      '/api/publications/satisfaction?fiscalYear=2570&half=1&format=pdf',
    );
    expectFile(res, 'application/pdf', 'รายงานผลความพึงพอใจ-ปีงบประมาณ2570-6เดือน.pdf');
    const text = words(await pdfText(res.body, o.dir, 'satisfaction.pdf'));
    expect(text).toContain('1 ตุลาคม 2569 – 31 มีนาคม 2570');
    expect(text).toContain('ข้อมูลถึงวันที่ 1 ธันวาคม 2569');
    expect(text).toContain(printed(report.totals.satisfaction.mean!, 2));
    expect(text).toContain(`${printed(report.totals.satisfaction.satisfiedPct!, 1)}%`);
    expect(text).toContain('กดปุ่มหรือแตะหน้าจอ');
    for (const service of report.services.filter((s) => s.issued > 0))
      expect(text).toContain(service.name.th);
    expect(statSync(await pageImage(res.body, 'publication-satisfaction')).size).toBeGreaterThan(0);
  }, 60_000);

  it('refuses a quarter, a half or a year that has not started, saying when it starts', async () => {
    for (const path of [
      '/api/publications/statistics?fiscalYear=2570&quarter=2&format=pdf',
      '/api/publications/satisfaction?fiscalYear=2570&half=2&format=xlsx',
      '/api/publications/statistics?fiscalYear=2571&quarter=year&format=xlsx',
    ]) {
      const res = await o.manager.get(path);
      expect(res.status, path).toBe(404);
      expect(res.json().error.code).toBe('period_not_started');
      expect(res.json().error.message).toMatch(/ยังไม่มีข้อมูลให้เผยแพร่/);
    }
  });

  it('refuses a bad fiscal year, quarter, half, format or service with a 400', async () => {
    for (const path of [
      '/api/publications/statistics?fiscalYear=abc&quarter=1&format=pdf',
      '/api/publications/statistics?fiscalYear=69&quarter=1&format=pdf',
      '/api/publications/statistics?fiscalYear=2569&quarter=5&format=pdf',
      '/api/publications/statistics?fiscalYear=2569&format=pdf',
      '/api/publications/statistics?fiscalYear=2569&quarter=1&format=docx',
      '/api/publications/satisfaction?fiscalYear=2569&half=3&format=xlsx',
      '/api/publications/satisfaction?half=1&format=xlsx',
      '/api/publications/service-manual/abc.pdf',
    ]) {
      const res = await o.manager.get(path);
      expect(res.status, path).toBe(400);
      expect(res.json().error.code, path).toBe('invalid_input');
    }
    expect((await o.manager.get('/api/publications/service-manual/999.pdf')).status).toBe(404);
  });

  it('lets managers and admins download, refuses staff (403) and anyone not signed in (401)', async () => {
    const paths = [
      '/api/publications',
      '/api/publications/service-manual.pdf',
      '/api/publications/service-manual/1.pdf',
      '/api/publications/statistics?fiscalYear=2569&quarter=1&format=xlsx',
      '/api/publications/satisfaction?fiscalYear=2569&half=1&format=xlsx',
    ];
    for (const path of paths) {
      expect((await o.staff.get(path)).status, path).toBe(403);
      expect((await o.anon.get(path)).status, path).toBe(401);
    }
    expect((await o.admin.get(paths[3]!)).status).toBe(200);
  });
});
