import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report, SurveyAnswers, SurveyQuestion } from '../../server/contract/contract.ts';
import { ManualClock } from '../../server/core/clock.ts';
import type { Actor } from '../../server/core/records.ts';
import { surveyFigures, noSurveyCounts } from '../../server/reports/survey.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';

const staff: Actor = { kind: 'user', username: 'admin', role: 'admin' };
const kiosk: Actor = { kind: 'station', station: 'kiosk-1' };
const QUESTIONS: SurveyQuestion[] = ['process', 'channels', 'staff', 'facilities', 'overall'];

/** A small deterministic generator: the same answers on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

/** Mean and sample SD worked out the textbook way over the raw answers, to two decimals. */
function meanAndSd(values: number[]): { mean: number | null; sd: number | null } {
  if (values.length === 0) return { mean: null, sd: null };
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance =
    values.length < 2
      ? null
      : values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1);
  const two = (x: number) => Math.round(x * 100) / 100;
  return { mean: two(mean), sd: variance === null ? null : two(Math.sqrt(variance)) };
}

/** The band Thai survey reports print beside a mean: 4.21–5.00 มากที่สุด ... 1.00–1.80 น้อยที่สุด. */
function bandOf(mean: number): string {
  if (mean >= 4.21) return 'มากที่สุด';
  if (mean >= 3.41) return 'มาก';
  if (mean >= 2.61) return 'ปานกลาง';
  if (mean >= 1.81) return 'น้อย';
  return 'น้อยที่สุด';
}

describe('the five-question surveys in the managers’ report', () => {
  let s: TestServer;
  let clock: ManualClock;
  let manager: ApiClient;
  /** What each surveyed citizen answered, by service. */
  const sent: { serviceId: number; answers: SurveyAnswers; comment: boolean }[] = [];

  beforeAll(async () => {
    clock = new ManualClock(Date.parse('2026-06-15T08:30:00+07:00'));
    s = await startTestServer({ clock });
    const random = seeded(16);
    const { office } = s.khiu;
    // Monday to Friday of one week: services 1 (counter 1) and 2 (counter 2), most surveyed.
    for (let day = 0; day < 5; day += 1) {
      clock.set(Date.parse(`2026-06-${15 + day}T08:30:00+07:00`));
      for (let i = 0; i < 12; i += 1) {
        const serviceId = i % 3 === 0 ? 2 : 1;
        const id = office.tickets.issue(serviceId, null, kiosk).ticket.id;
        clock.advance(2 * 60_000);
        expect(office.tickets.callNext(serviceId, staff)?.id).toBe(id);
        office.tickets.start(id, staff);
        clock.advance(4 * 60_000);
        office.tickets.finish(id, staff);
        if (random() < 0.2) continue;
        // Skewed to the top levels, as real answers are, with some low ones.
        const level = () => Math.min(5, 1 + Math.floor(random() * 5.6));
        const answers: SurveyAnswers = {
          process: level(),
          channels: level(),
          staff: level(),
          facilities: level(),
          overall: level(),
        };
        const comment = random() < 0.3;
        const res = await s.anon.post(`/api/tickets/${id}/survey`, {
          ...answers,
          ...(comment ? { comment: 'ความคิดเห็น' } : {}),
        });
        expect(res.status).toBe(201);
        sent.push({ serviceId, answers, comment });
      }
    }
    // Signed in once the week is played: a session lasts a working day.
    await s.admin.signIn('admin', ADMIN_PASSWORD);
    manager = await s.userWithRole('manager');
  }, 60_000);
  afterAll(() => s.close());

  it('gives each question’s mean, SD and band as recomputed from the answers sent', async () => {
    const report = (await manager.get<Report>('/api/reports/weekly?start=2026-06-15')).body;
    expect(sent.length).toBeGreaterThan(30);
    expect(report.surveys!.n).toBe(sent.length);
    expect(report.surveys!.withComment).toBe(sent.filter((x) => x.comment).length);
    expect(report.surveys!.questions.map((q) => q.question)).toEqual(QUESTIONS);
    for (const q of report.surveys!.questions) {
      const values = sent.map((x) => x.answers[q.question]);
      const expected = meanAndSd(values);
      expect(q.n).toBe(values.length);
      expect(q.mean).toBe(expected.mean);
      expect(q.sd).toBe(expected.sd);
      expect(q.band?.th).toBe(bandOf(expected.mean!));
      expect(q.counts).toEqual([1, 2, 3, 4, 5].map((l) => values.filter((v) => v === l).length));
    }
    expect(report.surveys!.questions[2]!.label.th).toBe('ด้านเจ้าหน้าที่ผู้ให้บริการ');
  });

  it('counts only the asked service’s surveys in a report of one service', async () => {
    const report = (await manager.get<Report>('/api/reports/weekly?start=2026-06-15&serviceId=2'))
      .body;
    const ofService = sent.filter((x) => x.serviceId === 2);
    expect(report.surveys!.n).toBe(ofService.length);
    for (const q of report.surveys!.questions)
      expect(q.mean).toBe(meanAndSd(ofService.map((x) => x.answers[q.question])).mean);
  });

  it('gives no surveys in a week nobody answered, with null figures rather than NaN', async () => {
    const report = (await manager.get<Report>('/api/reports/weekly?start=2026-06-22')).body;
    expect(report.surveys).toEqual(surveyFigures(noSurveyCounts()));
    expect(report.surveys!.questions.every((q) => q.mean === null && q.sd === null)).toBe(true);
  });
});
