import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { playDemoDays } from '../../server/cli/seed-demo.ts';
import { Reports } from '../../server/reports/reports.ts';
import { Publications } from '../../server/reports/publications/publications.ts';
import {
  partRange,
  publicationPeriod,
} from '../../server/reports/publications/publication-period.ts';
import {
  contentDisposition,
  satisfactionFileName,
  serviceManualFileName,
  statisticsFileName,
} from '../../server/reports/publications/publication-files.ts';
import { satisfactionBands } from '../../server/reports/publications/satisfaction-publication.ts';
import { complaintOf, serviceManual } from '../../server/reports/publications/service-manual.ts';
import { satisfactionBand } from '../../server/reports/satisfaction.ts';
import type { ServiceRecord } from '../../server/core/records.ts';
import { openOfficeFixture, type OfficeFixture } from '../helpers/office-fixture.ts';

const OFFICE = { th: 'สำนักงานเทศบาลตำบลทดสอบ', en: '' };

describe('the parts of a fiscal year a publication covers', () => {
  it('gives the quarters, halves and year of ปีงบประมาณ 2569 as October-to-September days', () => {
    expect(partRange(2569, 'q1')).toEqual({ from: '2025-10-01', to: '2025-12-31', days: 92 });
    expect(partRange(2569, 'q2')).toEqual({ from: '2026-01-01', to: '2026-03-31', days: 90 });
    expect(partRange(2569, 'q3')).toEqual({ from: '2026-04-01', to: '2026-06-30', days: 91 });
    expect(partRange(2569, 'q4')).toEqual({ from: '2026-07-01', to: '2026-09-30', days: 92 });
    expect(partRange(2569, 'h1')).toEqual({ from: '2025-10-01', to: '2026-03-31', days: 182 });
    expect(partRange(2569, 'h2')).toEqual({ from: '2026-04-01', to: '2026-09-30', days: 183 });
    // The second quarter of 2567 holds 29 February 2024.
    expect(partRange(2567, 'q2').days).toBe(91);
    expect(partRange(2569, 'year')).toEqual({ from: '2025-10-01', to: '2026-09-30', days: 365 });
  });

  it('writes the dates in the Buddhist era, and how far a running period reaches', () => {
    const ended = publicationPeriod(2569, 'q1', '2026-12-01');
    expect(ended.rangeText.th).toBe('1 ตุลาคม 2568 – 31 ธันวาคม 2568');
    expect(ended.rangeText.en).toBe('1 October 2025 – 31 December 2025');
    expect(ended.label.th).toBe('ไตรมาส 1 (ตุลาคม – ธันวาคม)');
    expect(ended.dataUntil).toBeNull();
    const running = publicationPeriod(2570, 'year', '2026-12-01');
    expect(running.dataUntil).toBe('2026-12-01');
    expect(running.dataUntilText?.th).toBe('ข้อมูลถึงวันที่ 1 ธันวาคม 2569');
    // Its last day is still running; the day after, it has ended.
    expect(publicationPeriod(2569, 'q4', '2026-09-30').dataUntil).toBe('2026-09-30');
    expect(publicationPeriod(2569, 'q4', '2026-10-01').dataUntil).toBeNull();
    expect(publicationPeriod(2569, 'h1', '2026-12-01').label.th).toBe('รอบ 6 เดือน (ตุลาคม – มีนาคม)');
  });

  it('refuses a period that has not started with a 404 that says when it starts', () => {
    expect(() => publicationPeriod(2570, 'q2', '2026-12-31')).toThrowError(/1 มกราคม 2570/);
    try {
      publicationPeriod(2571, 'year', '2026-12-01');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ code: 'period_not_started', status: 404 });
    }
    expect(publicationPeriod(2570, 'q2', '2027-01-01').dataUntil).toBe('2027-01-01');
  });
});

describe('the names the documents are uploaded under', () => {
  it('names them in Thai with an ASCII fallback', () => {
    expect(statisticsFileName(2569, 'q1', 'pdf')).toEqual({
      name: 'สถิติการให้บริการ-ปีงบประมาณ2569-ไตรมาส1.pdf',
      ascii: 'khiu-statistics-2569-q1.pdf',
    });
    expect(statisticsFileName(2569, 'year', 'xlsx').name).toBe(
      'สถิติการให้บริการ-ปีงบประมาณ2569-ทั้งปี.xlsx',
    );
    expect(satisfactionFileName(2569, 'h1', 'xlsx').name).toBe(
      'รายงานผลความพึงพอใจ-ปีงบประมาณ2569-6เดือน.xlsx',
    );
    expect(satisfactionFileName(2569, 'year', 'pdf').name).toBe(
      'รายงานผลความพึงพอใจ-ปีงบประมาณ2569-12เดือน.pdf',
    );
    expect(serviceManualFileName(null).name).toBe('คู่มือการให้บริการ.pdf');
  });

  it('keeps a service name a file system takes: a slash becomes a hyphen, spaces and quotes go', () => {
    const name = serviceManualFileName({
      code: 'B',
      name: { th: 'ขออนุญาต ก่อสร้าง/ดัดแปลง "อาคาร"', en: '' },
    });
    expect(name).toEqual({
      name: 'คู่มือการให้บริการ-ขออนุญาตก่อสร้าง-ดัดแปลงอาคาร.pdf',
      ascii: 'khiu-service-manual-B.pdf',
    });
  });

  it('carries the Thai name in RFC 5987 form beside the ASCII one', () => {
    const header = contentDisposition(statisticsFileName(2569, 'q1', 'pdf'));
    expect(header).toMatch(
      /^attachment; filename="khiu-statistics-2569-q1.pdf"; filename\*=UTF-8''/,
    );
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(header)![1]!;
    expect(decodeURIComponent(encoded)).toBe('สถิติการให้บริการ-ปีงบประมาณ2569-ไตรมาส1.pdf');
  });
});

describe('the satisfaction method', () => {
  it("states the bands exactly as the reports' own band of a mean", () => {
    const bands = satisfactionBands();
    expect(bands.map((b) => [b.min, b.max, b.label.th])).toEqual([
      [4.21, 5, 'มากที่สุด'],
      [3.41, 4.2, 'มาก'],
      [2.61, 3.4, 'ปานกลาง'],
      [1.81, 2.6, 'น้อย'],
      [1, 1.8, 'น้อยที่สุด'],
    ]);
    for (const band of bands) {
      expect(satisfactionBand(band.min)).toEqual(band.label);
      expect(satisfactionBand(band.max)).toEqual(band.label);
    }
  });
});

describe('the service manual', () => {
  const service = (over: Partial<ServiceRecord>): ServiceRecord => ({
    id: 1,
    code: 'A',
    name: { th: 'ชำระภาษี', en: 'Tax' },
    steps: [
      { order: 2, title: { th: 'รับชำระ', en: '' }, minutes: 5, responsible: 'นักวิชาการเงิน' },
      { order: 1, title: { th: 'ตรวจเอกสาร', en: '' }, minutes: 3, responsible: 'งานจัดเก็บรายได้' },
    ],
    documents: [{ th: 'บัตรประชาชน', en: '' }],
    fee: 0,
    feeNote: null,
    targetWaitMinutes: 15,
    active: true,
    sortOrder: 1,
    ...over,
  });
  const counters = [
    {
      id: 7,
      name: 'ช่อง 4',
      number: 4,
      serviceIds: [1],
      status: 'open' as const,
      pauseReason: null,
    },
    {
      id: 8,
      name: 'ช่อง 1',
      number: 1,
      serviceIds: [1, 2],
      status: 'closed' as const,
      pauseReason: null,
    },
    {
      id: 9,
      name: 'ช่อง 2',
      number: 2,
      serviceIds: [2],
      status: 'open' as const,
      pauseReason: null,
    },
  ];

  it('gives the active services with their steps in order, total minutes and the counters that serve them', () => {
    const manual = serviceManual(
      {
        officeName: OFFICE,
        generatedAt: '2026-12-01T10:00:00.000+07:00',
        services: [service({}), service({ id: 2, code: 'B', active: false, sortOrder: 2 })],
        counters,
        complaintChannel: null,
      },
      null,
    );
    expect(manual.services.map((s) => s.code)).toEqual(['A']);
    const [a] = manual.services;
    expect(a!.steps.map((s) => s.order)).toEqual([1, 2]);
    expect(a!.standardMinutes).toBe(8);
    expect(a!.fee).toBe(0);
    expect(a!.place).toEqual({
      officeName: OFFICE,
      counters: [
        { number: 1, name: 'ช่อง 1' },
        { number: 4, name: 'ช่อง 4' },
      ],
    });
  });

  it('sends complaints to the channel the office set, else to the office itself', () => {
    expect(complaintOf(null, OFFICE)).toMatchObject({
      ways: [],
      text: { th: 'ร้องเรียนหรือเสนอแนะการให้บริการได้ที่สำนักงานเทศบาลตำบลทดสอบ' },
    });
    const set = complaintOf(
      { phone: '0 2123 4567', line: null, email: 'x@example.go.th', web: null, note: null },
      OFFICE,
    );
    expect(set.ways).toEqual(['โทร 0 2123 4567', 'x@example.go.th']);
    expect(set.text.th).toContain('โทร 0 2123 4567 · x@example.go.th');
  });
});

describe('publications built from the report engine', () => {
  let f: OfficeFixture;
  let reports: Reports;
  let publications: Publications;

  beforeAll(() => {
    f = openOfficeFixture();
    playDemoDays(f.office, f.clock, {
      firstDay: '2026-10-05',
      days: 8,
      perDay: 30,
      seed: 4,
      staff: ['somchai', 'malee'],
    });
    f.clock.set(Date.parse('2027-01-05T09:00:00+07:00'));
    reports = new Reports(f.office.ctx);
    publications = new Publications(f.office.ctx, reports);
  });
  afterAll(() => f.close());

  it("gives a quarter's statistics the figures of a report over the same days", () => {
    const doc = publications.statistics(2570, 'q1');
    expect(doc.period.dataUntil).toBeNull();
    // Everything played is in October 2026, so the October report covers the same tickets.
    const october = reports.build({ kind: 'monthly', month: '2026-10' });
    expect(doc.total).toMatchObject({
      issued: october.totals.issued,
      served: october.totals.served,
      noShow: october.totals.noShow,
      cancelled: october.totals.cancelled,
      waitP50: october.totals.wait.p50,
      waitP90: october.totals.wait.p90,
      withinTargetPct: october.totals.wait.withinTargetPct,
      serviceMean: october.totals.service.mean,
      withinStandardPct: october.totals.service.withinStandardPct,
      outOfTurn: october.totals.fairness.outOfTurn,
    });
    expect(doc.services.map((s) => s.issued)).toEqual(october.services.map((s) => s.issued));
    expect(doc.total.issued).toBeGreaterThan(150);
  });

  it('puts each service and the office in the satisfaction report, with the method', () => {
    const doc = publications.satisfaction(2570, 'h1');
    const half = reports.build({ kind: 'half-year', fiscalYear: 2570, half: 1 });
    const [section] = doc.sections;
    expect(section!.rows.filter((r) => r.kind === 'service').map((r) => r.figures)).toEqual(
      half.services.map((s) => s.satisfaction),
    );
    expect(section!.rows.at(-1)).toMatchObject({
      kind: 'overall',
      figures: half.totals.satisfaction,
    });
    expect(section!.method.th).toContain(
      `${half.totals.satisfaction.n.toLocaleString('th-TH')} ครั้ง`,
    );
    expect(doc.scale.map((l) => l.level)).toEqual([5, 4, 3, 2, 1]);
    expect(doc.targetPct).toBe(80);
    expect(doc.period.dataUntil).toBe('2027-01-05');
  });

  it('lists the started parts of this and last fiscal year', () => {
    const list = publications.list();
    expect(list.fiscalYears[0]!.documents.map((d) => `${d.kind}:${d.period.part}`)).toEqual([
      'statistics:q1',
      'statistics:q2',
      'statistics:year',
      'satisfaction:h1',
      'satisfaction:year',
    ]);
    expect(list.fiscalYears[0]!.documents[1]!.state).toBe('in-progress');
    expect(list.fiscalYears[0]!.documents[0]!.state).toBe('complete');
  });
});
