import { describe, expect, it } from 'vitest';
import { csvText, reportCsv } from '../../server/reports/export/report-csv.ts';
import { csvSections, readCsv } from './csv-reader.ts';
import { weeklyReport } from './report-fixture.ts';

const csv = reportCsv(weeklyReport());
const sections = csvSections(readCsv(csv.slice(1)));

function column(title: string, header: string): string[] {
  const section = sections.get(title);
  if (!section) throw new Error(`no section ${title}`);
  const index = section.header.indexOf(header);
  if (index < 0) throw new Error(`no column ${header} in ${title}`);
  return section.rows.map((row) => row[index]!);
}

describe('report CSV', () => {
  it('begins with a byte-order mark so Excel reads the Thai as UTF-8', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('ends every line with CRLF and has no bare line feeds', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes every view as a titled section with Thai and English headers', () => {
    expect([...sections.keys()]).toEqual([
      'สรุป / Summary',
      'บริการ / Services',
      'ช่องบริการ / Counters',
      'เจ้าหน้าที่ / Staff',
      'รายวัน / Days',
      'เรียกข้ามคิว / Out of turn',
      'ช่วงเวลามาถึง / Arrivals',
      'ขั้นตอนบริการ / Steps',
      'แบบสำรวจ 5 ด้าน / Survey',
      'เรื่องร้องเรียน / Complaints',
    ]);
    for (const { header, rows } of sections.values()) {
      for (const row of rows) expect(row).toHaveLength(header.length);
    }
    expect(sections.get('บริการ / Services')!.header).toContain('ออกบัตรคิว / Issued');
  });

  it('holds the Thai service names and the range', () => {
    expect(column('บริการ / Services', 'บริการ / Service')).toEqual([
      'งานทะเบียนราษฎร',
      'งานชำระภาษีและค่าธรรมเนียม',
    ]);
    const summary = sections.get('สรุป / Summary')!.rows;
    expect(summary.find((row) => row[1] === 'From')?.[2]).toBe('2026-11-23');
    expect(summary.find((row) => row[1] === 'To')?.[2]).toBe('2026-11-29');
  });

  it('writes numbers that parse back, rounded to one decimal for minutes and percentages and two for means', () => {
    const services = 'บริการ / Services';
    expect(column(services, 'ออกบัตรคิว / Issued').map(Number)).toEqual([140, 12]);
    expect(column(services, 'เวลารอ มัธยฐาน (นาที) / Wait p50 (min)').map(Number)).toEqual([7.3, 2]);
    expect(column(services, 'เวลารอเฉลี่ย (นาที) / Wait mean (min)').map(Number)).toEqual([9, 2.4]);
    expect(column(services, 'อัตราการตอบแบบประเมิน (%) / Response rate (%)').map(Number)).toEqual([
      71.4, 0,
    ]);
    expect(column(services, 'ส่วนเบี่ยงเบนมาตรฐาน / Standard deviation')[0]).toBe('0.8');
    expect(column(services, 'ความพึงพอใจเฉลี่ย (1–5) / Satisfaction mean (1–5)')[0]).toBe('4.4');
    const change = sections.get('สรุป / Summary')!.rows.find((row) => row[1] === 'Wait p50 (min)');
    expect(change?.[4]).toBe('-1.3');
    expect(Number(change?.[4])).toBe(-1.3);
  });

  it('leaves the statistics of a service nobody rated empty, not zero', () => {
    const services = 'บริการ / Services';
    expect(column(services, 'ความพึงพอใจเฉลี่ย (1–5) / Satisfaction mean (1–5)')[1]).toBe('');
    expect(column(services, 'ระดับความพึงพอใจ / Satisfaction level')).toEqual(['มากที่สุด', '']);
    expect(column(services, 'ผ่านเป้าหมาย / Target met')).toEqual(['TRUE', '']);
    expect(column(services, 'จำนวนผู้ประเมิน / Ratings')[1]).toBe('0');
  });

  it('neutralises staff names that a spreadsheet would run as formulas', () => {
    const names = column('เจ้าหน้าที่ / Staff', 'ชื่อผู้ใช้ / Username');
    expect(names).toEqual([
      'somchai',
      `'=HYPERLINK("http://evil.example/","คลิก")`,
      `'@SUM(A1:A9)`,
      `'-2+3`,
    ]);
    // Quoted per RFC 4180: the formula's quotes doubled, its comma kept inside the field.
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/"",""คลิก"")",`);
  });

  it('neutralises text that starts with a tab or a carriage return, and leaves other text alone', () => {
    expect(csvText('\t=1+1')).toBe("'\t=1+1");
    expect(csvText('\r=1+1')).toBe(`"'\r=1+1"`);
    expect(csvText('+66 81 234 5678')).toBe("'+66 81 234 5678");
    expect(csvText('สมชาย = หัวหน้า')).toBe('สมชาย = หัวหน้า');
  });

  it('lists each call out of turn with its service, counter, staff and reason in Thai', () => {
    const calls = sections.get('เรียกข้ามคิว / Out of turn')!.rows;
    expect(calls[0]).toEqual([
      '2026-11-24 10:12:30',
      'A017',
      'A',
      'งานทะเบียนราษฎร',
      'Civil registration',
      '1',
      'ช่อง 1 ทะเบียนราษฎร',
      'somchai',
      'นัดหมายล่วงหน้า',
      'Appointment',
      'appointment',
    ]);
    expect(calls[1]?.slice(5, 8)).toEqual(['', '', '']);
    expect(csv).not.toContain('tk_7Qm2xYp0aBcD');
  });

  it('writes the arrivals heatmap as a weekday by hour grid with totals', () => {
    const arrivals = sections.get('ช่วงเวลามาถึง / Arrivals')!;
    expect(arrivals.header).toHaveLength(2 + 24 + 1);
    expect(arrivals.rows.map((row) => row[0])).toEqual([
      'จันทร์',
      'อังคาร',
      'พุธ',
      'พฤหัสบดี',
      'ศุกร์',
      'เสาร์',
      'อาทิตย์',
    ]);
    expect(arrivals.rows[0]?.[2 + 9]).toBe('9');
    expect(arrivals.rows[0]?.at(-1)).toBe('30');
  });
});
