import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Report,
  SatisfactionPublication,
  SurveyAnswers,
  SurveyFigures,
} from '../../server/contract/contract.ts';
import type { Actor } from '../../server/core/records.ts';
import { pdfText } from './pdf-text.ts';
import { publicationsOffice, type PublicationsOffice } from '../api/publications-office.ts';

const run = promisify(execFile);
const SCREENSHOTS = join(process.cwd(), 'test-output', 'screenshots');
const MINUTE = 60_000;
/** pdftotext keeps the page's layout with runs of spaces; the words are what count. */
const words = (text: string): string => text.replace(/\s+/g, ' ');
/** A figure as the print page writes it (publication-format.ts): Thai grouping, fixed decimals. */
const printed = (value: number | null, digits: number): string =>
  value === null
    ? '–'
    : value.toLocaleString('th-TH', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      });

const ANSWERS: SurveyAnswers[] = [
  { process: 5, channels: 4, staff: 5, facilities: 3, overall: 5 },
  { process: 4, channels: 4, staff: 5, facilities: 2, overall: 4 },
  { process: 3, channels: 5, staff: 4, facilities: 4, overall: 4 },
  { process: 5, channels: 5, staff: 5, facilities: 5, overall: 5 },
  { process: 2, channels: 3, staff: 4, facilities: 3, overall: 3 },
  { process: 4, channels: 2, staff: 3, facilities: 4, overall: 4 },
];

let o: PublicationsOffice;

/**
 * On 1 December 2026 (ปีงบประมาณ 2570, first half) counter 2 serves six tickets of service B and
 * each citizen answers the survey by the ticket's QR, over HTTP as their phone would.
 */
beforeAll(async () => {
  o = await publicationsOffice();
  const { office } = o.khiu;
  const staff: Actor = { kind: 'user', username: 'somchai', role: 'staff' };
  const service = office.ctx.store.services.all().find((s) => s.code === 'B')!;
  const counter = office.ctx.store.counters.all().find((c) => c.number === 2)!;
  for (const answers of ANSWERS) {
    o.clock.advance(MINUTE);
    const ticket = office.tickets.issue(service.id, null, {
      kind: 'station',
      station: 'kiosk-1',
    }).ticket;
    o.clock.advance(MINUTE);
    office.tickets.callNext(counter.id, staff);
    office.tickets.start(ticket.id, staff);
    o.clock.advance(5 * MINUTE);
    office.tickets.finish(ticket.id, staff);
    const res = await o.anon.request('POST', `/api/tickets/${ticket.id}/survey`, answers);
    if (res.status !== 201) throw new Error(`survey: ${res.body.toString()}`);
  }
}, 240_000);
afterAll(() => o?.close());

/** The rows of a workbook's first sheet, as arrays of cell values. */
async function sheetRows(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row, n) => (rows[n] = (row.values as unknown[]).slice(1)));
  return rows.filter(Boolean);
}

const PARTS = [
  { half: '1', report: '/api/reports/half-year?fiscalYear=2570&half=1', months: '6' },
  { half: 'year', report: '/api/reports/fiscal-year?fiscalYear=2570', months: '12' },
];

describe("the satisfaction report's five survey questions", () => {
  for (const part of PARTS) {
    it(`gives the ${part.months}-month JSON the questions as dimension rows with the report's figures`, async () => {
      const report = (await o.manager.get(part.report)).json<Report>();
      const surveys = report.surveys!;
      expect(surveys.n).toBe(ANSWERS.length);
      const doc = (
        await o.manager.get(`/api/publications/satisfaction?fiscalYear=2570&half=${part.half}`)
      ).json<SatisfactionPublication>();
      expect(doc.sections.map((s) => s.id)).toEqual(['rating-buttons', 'qr-survey']);
      const section = doc.sections[1]!;
      expect(section.rows.map((r) => r.kind)).toEqual(Array(5).fill('dimension'));
      section.rows.forEach((row, i) => {
        const q = surveys.questions[i]!;
        expect(row.label).toEqual(q.label);
        expect(row.served).toBeNull();
        expect(row.figures).toMatchObject({
          counts: q.counts,
          n: q.n,
          mean: q.mean,
          sd: q.sd,
          band: q.band,
          satisfiedPct: q.satisfiedPct,
          responseRatePct: null,
        });
      });
      // Both ways of collecting are stated, each with its count.
      const rating = doc.sections[0]!.method.th;
      expect(rating).toContain('กดปุ่มหรือแตะหน้าจอ');
      expect(rating).toContain(`${report.totals.satisfaction.n.toLocaleString('th-TH')} ครั้ง`);
      expect(section.method.th).toContain('QR บนบัตรคิว');
      expect(section.method.th).toContain(`ผู้ตอบ ${surveys.n} ราย`);
      expect(section.method.en).toContain(`${surveys.n} surveys were answered`);
    });

    it(`writes the ${part.months}-month XLSX with each question's count, mean, S.D., band and share satisfied`, async () => {
      const surveys = (await o.manager.get(part.report)).json<Report>().surveys!;
      const res = await o.manager.get(
        `/api/publications/satisfaction?fiscalYear=2570&half=${part.half}&format=xlsx`,
      );
      expect(res.status).toBe(200);
      const rows = await sheetRows(res.body);
      expect(rows.some((r) => r[0] === 'ด้าน' && r[6] === 'จำนวนผู้ตอบ')).toBe(true);
      for (const q of surveys.questions) {
        const row = rows.find((r) => r[0] === q.label.th);
        expect(row, q.question).toBeDefined();
        // Levels 5 down to 1, then n, mean, S.D., band, % satisfied.
        expect(row!.slice(1, 6)).toEqual([...q.counts].reverse());
        expect(row!.slice(6, 11).map((v) => v ?? null)).toEqual([
          q.n,
          q.mean,
          q.sd,
          q.band?.th ?? null,
          q.satisfiedPct,
        ]);
      }
      const flat = rows.flat().join(' ');
      expect(flat).toContain('QR บนบัตรคิว');
      expect(flat).toContain('กดปุ่มหรือแตะหน้าจอ');
    }, 60_000);

    it(`prints the ${part.months}-month PDF with the five questions and their figures`, async () => {
      const surveys: SurveyFigures = (await o.manager.get(part.report)).json<Report>().surveys!;
      const res = await o.manager.get(
        `/api/publications/satisfaction?fiscalYear=2570&half=${part.half}&format=pdf`,
      );
      expect(res.status, res.body.toString().slice(0, 300)).toBe(200);
      const text = words(await pdfText(res.body, o.dir, `survey-${part.half}.pdf`));
      expect(text).toContain('แบบสำรวจความพึงพอใจ 5 ด้าน');
      expect(text).toContain('QR บนบัตรคิว');
      expect(text).toContain('กดปุ่มหรือแตะหน้าจอ');
      for (const q of surveys.questions) {
        expect(text).toContain(q.label.th);
        // The row's figures in the order printed: responses, mean, S.D., band, % satisfied.
        expect(text).toContain(
          [
            printed(q.n, 0),
            printed(q.mean, 2),
            printed(q.sd, 2),
            q.band!.th,
            `${printed(q.satisfiedPct, 1)}%`,
          ].join(' '),
        );
      }
      if (part.half === '1') {
        mkdirSync(SCREENSHOTS, { recursive: true });
        const file = join(o.dir, 'survey-page.pdf');
        writeFileSync(file, res.body);
        await run('pdftoppm', [
          '-png',
          '-r',
          '70',
          file,
          join(SCREENSHOTS, 'publication-satisfaction-survey'),
        ]);
      }
    }, 60_000);
  }
});
