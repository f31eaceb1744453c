import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { reportXlsx, XLSX_FROZEN_ROWS } from '../../server/reports/export/report-xlsx.ts';
import { reportCsv } from '../../server/reports/export/report-csv.ts';
import { csvSections, readCsv } from './csv-reader.ts';
import { weeklyReport } from './report-fixture.ts';

const SHEETS = [
  'สรุป Summary',
  'บริการ Services',
  'ช่องบริการ Counters',
  'เจ้าหน้าที่ Staff',
  'รายวัน Days',
  'เรียกข้ามคิว Out of turn',
  'ช่วงเวลามาถึง Arrivals',
  'ขั้นตอนบริการ Steps',
  'แบบสำรวจ 5 ด้าน Survey',
  'เรื่องร้องเรียน Complaints',
];

let workbook: ExcelJS.Workbook;
let bytes: Buffer;

beforeAll(async () => {
  bytes = await reportXlsx(weeklyReport());
  workbook = new ExcelJS.Workbook();
  // exceljs declares its Buffer as an ArrayBuffer; at run time it reads Node's Buffer.
  await workbook.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
});

function sheet(name: string): ExcelJS.Worksheet {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The column whose English header (the second header row) is `english`, from the first data row. */
function columnValues(name: string, english: string): unknown[] {
  const ws = sheet(name);
  const headers = ws.getRow(XLSX_FROZEN_ROWS).values as unknown[];
  const index = headers.indexOf(english);
  if (index < 0) throw new Error(`no column ${english} in ${name}`);
  const values: unknown[] = [];
  for (let r = XLSX_FROZEN_ROWS + 1; r <= ws.rowCount; r += 1)
    values.push(ws.getRow(r).getCell(index).value);
  return values;
}

describe('report XLSX', () => {
  it('is a zip-based workbook with a sheet per view, Thai name first', () => {
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(SHEETS);
  });

  it('freezes the title and both header rows on every sheet', () => {
    for (const ws of workbook.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: XLSX_FROZEN_ROWS });
    }
    expect(sheet('บริการ Services').views[0]).toMatchObject({ xSplit: 2 });
  });

  it('titles each sheet with the report and its range, Thai headers above English ones', () => {
    const ws = sheet('บริการ Services');
    expect(ws.getCell('A1').value).toBe('เทศบาลตำบลตัวอย่าง · บริการ: รายงานประจำสัปดาห์');
    expect(ws.getCell('A2').value).toBe(
      'Example Subdistrict Municipality · Services: Weekly report',
    );
    expect(String(ws.getCell('A3').value)).toContain('2026-11-23');
    expect(String(ws.getCell('A3').value)).toContain('2026-11-29');
    expect(ws.getRow(4).getCell(6).value).toBe('ออกบัตรคิว');
    expect(ws.getRow(5).getCell(6).value).toBe('Issued');
    expect(ws.getColumn(2).width).toBe(30);
  });

  it('holds the Thai service names', () => {
    expect(columnValues('บริการ Services', 'Service')).toEqual([
      'งานทะเบียนราษฎร',
      'งานชำระภาษีและค่าธรรมเนียม',
    ]);
  });

  it('stores numbers as numbers with a number format, and empty statistics as empty cells', () => {
    const ws = sheet('บริการ Services');
    const row = XLSX_FROZEN_ROWS + 1;
    const headers = ws.getRow(XLSX_FROZEN_ROWS).values as unknown[];
    const cellOf = (english: string, r = row) => ws.getRow(r).getCell(headers.indexOf(english));

    expect(cellOf('Issued').value).toBe(140);
    expect(cellOf('Issued').numFmt).toBe('0');
    expect(typeof cellOf('Wait p50 (min)').value).toBe('number');
    expect(cellOf('Wait p50 (min)').value).toBe(7.3);
    expect(cellOf('Wait p50 (min)').numFmt).toBe('0.0');
    expect(cellOf('Response rate (%)').value).toBe(71.4);
    expect(cellOf('Response rate (%)').numFmt).toBe('0.0"%"');
    expect(cellOf('Satisfaction mean (1–5)').value).toBe(4.4);
    expect(cellOf('Satisfaction mean (1–5)').numFmt).toBe('0.00');
    expect(cellOf('Target met').value).toBe(true);
    expect(cellOf('Satisfaction mean (1–5)', row + 1).value).toBeNull();
    expect(cellOf('Target met', row + 1).value).toBeNull();
  });

  it('holds the same figures as the CSV, cell for cell', () => {
    const csv = csvSections(readCsv(reportCsv(weeklyReport()).slice(1)));
    const sections = [...csv.values()];
    workbook.worksheets.forEach((ws, i) => {
      const section = sections[i]!;
      expect(section.header).toEqual(
        (ws.getRow(4).values as unknown[])
          .slice(1)
          .map((th, c) => `${String(th)} / ${String(ws.getRow(5).getCell(c + 1).value)}`),
      );
      section.rows.forEach((csvRow, r) => {
        const xlsxRow = ws.getRow(XLSX_FROZEN_ROWS + 1 + r);
        csvRow.forEach((field, c) => {
          const value = xlsxRow.getCell(c + 1).value;
          if (typeof value === 'number') expect(Number(field)).toBe(value);
          else if (typeof value === 'boolean') expect(field).toBe(value ? 'TRUE' : 'FALSE');
          else if (value === null) expect(field).toBe('');
          else expect(field.replace(/^'/, '')).toBe(String(value));
        });
      });
    });
  });

  it('stores a staff name that looks like a formula as plain text, never as a formula', () => {
    const names = columnValues('เจ้าหน้าที่ Staff', 'Username');
    expect(names[1]).toBe('=HYPERLINK("http://evil.example/","คลิก")');
    expect(names.every((name) => typeof name === 'string')).toBe(true);
  });
});
