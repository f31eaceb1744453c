import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../server/contract/contract.ts';
import { Reports } from '../../server/reports/reports.ts';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import { ReportPdfPrinter } from '../../server/reports/export/report-pdf.ts';
import { reportCsv } from '../../server/reports/export/report-csv.ts';
import { reportXlsx, XLSX_FROZEN_ROWS } from '../../server/reports/export/report-xlsx.ts';
import { builtRenderer } from '../e2e/renderer-build.ts';
import { CleanupStack } from '../helpers/cleanup-stack.ts';
import { openOfficeFixture } from '../helpers/office-fixture.ts';
import { makeTempDir } from '../helpers/temp-dir.ts';
import { csvSections, readCsv } from './csv-reader.ts';
import { pdfInfo, pdfText } from './pdf-text.ts';

const CHROMIUM = process.env.KHIU_CHROMIUM ?? '/usr/bin/chromium';
/** pdftotext keeps the page's layout with runs of spaces; the words are what count. */
const words = (text: string): string => text.replace(/\s+/g, ' ');

const cleanup = new CleanupStack();
let report: Report;
let printer: ReportPdfPrinter;
let tmp: string;
const logged: string[] = [];

beforeAll(async () => {
  const temp = makeTempDir('khiu-pdf-e2e-');
  cleanup.push(temp.cleanup);
  tmp = temp.dir;
  const f = openOfficeFixture();
  cleanup.push(f.close);
  // A played week in the default office: Monday 23 to Friday 27 November 2026.
  playDemoDays(f.office, f.clock, {
    firstDay: '2026-11-23',
    days: 5,
    perDay: 40,
    seed: 11,
    staff: ['somchai', 'malee'],
  });
  f.clock.set(Date.parse('2026-11-30T10:00:00.000+07:00'));
  report = new Reports(f.office.ctx).build({ kind: 'weekly', start: '2026-11-23' });
  printer = new ReportPdfPrinter({
    staticDir: await builtRenderer(),
    browserPath: CHROMIUM,
    log: (line) => logged.push(line),
  });
  cleanup.push(() => printer.close());
}, 180_000);

afterAll(() => cleanup.run());

describe('exports of a report from the engine', () => {
  it('prints the manager print page of the real renderer to A4, with Thai names and dates', async () => {
    const pdf = await printer.print(report);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect((await pdfInfo(pdf, tmp))['Page size']).toMatch(/\(A4\)/);
    const text = words(await pdfText(pdf, tmp));
    for (const service of report.services.filter((s) => s.issued > 0)) {
      expect(text).toContain(service.name.th);
    }
    // The print page writes dates as a Thai document does: Thai digits, Buddhist era.
    expect(text).toContain('๒๓–๒๙ พฤศจิกายน ๒๕๖๙');
    expect(text).toContain(report.title.th.split(' ')[0]);
  }, 60_000);

  it('prints again in the browser it already started', async () => {
    // A first print of its own, so the browser has started whichever test ran first.
    const printedBefore = logged.length;
    await printer.print(report);
    const pdf = await printer.print({ ...report });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(logged.filter((line) => line.startsWith('report pdf: started'))).toHaveLength(1);
    const printed = logged.slice(printedBefore);
    expect(printed.filter((line) => line.startsWith('report pdf: weekly'))).toHaveLength(2);
  }, 60_000);

  it('writes the same services into the CSV and the XLSX', async () => {
    const csv = csvSections(readCsv(reportCsv(report).slice(1)));
    const services = csv.get('บริการ / Services')!;
    expect(services.rows.map((row) => row[1])).toEqual(report.services.map((s) => s.name.th));
    const issued = services.header.indexOf('ออกบัตรคิว / Issued');
    expect(services.rows.map((row) => Number(row[issued]))).toEqual(
      report.services.map((s) => s.issued),
    );

    const workbook = new ExcelJS.Workbook();
    const bytes = await reportXlsx(report);
    // exceljs declares its Buffer as an ArrayBuffer; at run time it reads Node's Buffer.
    await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
    const sheet = workbook.getWorksheet('บริการ Services')!;
    const names = report.services.map(
      (_, i) => sheet.getRow(XLSX_FROZEN_ROWS + 1 + i).getCell(2).value,
    );
    expect(names).toEqual(report.services.map((s) => s.name.th));
    expect(sheet.getRow(XLSX_FROZEN_ROWS + 1).getCell(issued + 1).value).toBe(
      report.services[0]!.issued,
    );
  });
});
