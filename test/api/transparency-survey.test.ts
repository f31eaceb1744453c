import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../server/core/clock.ts';
import type {
  Complaint,
  ComplaintKind,
  SurveyAnswers,
  Transparency,
  TransparencyRange,
} from '../../server/contract/contract.ts';
import { COMPLAINT_KINDS, SURVEY_QUESTIONS } from '../../server/contract/contract.ts';
import {
  ADMIN_PASSWORD,
  startTestServer,
  type ApiClient,
  type TestServer,
} from '../helpers/khiu-server.ts';
import {
  FIRST_DAY_MS,
  SECRET,
  TODAY,
  playFeedback,
  playTransparencyOffice,
  type FeedbackChannel,
  type PlayedFeedback,
} from './transparency-office.ts';

const RANGES: Record<TransparencyRange, { from: string; to: string }> = {
  today: { from: TODAY, to: TODAY },
  week: { from: '2026-11-16', to: TODAY },
  month: { from: '2026-11-01', to: TODAY },
};

/** The Thai bands of a mean as printed to two decimals, written out again for the test. */
function bandOf(mean: number): string {
  const printed = Math.round(mean * 100) / 100;
  if (printed >= 4.21) return 'มากที่สุด';
  if (printed >= 3.41) return 'มาก';
  if (printed >= 2.61) return 'ปานกลาง';
  if (printed >= 1.81) return 'น้อย';
  return 'น้อยที่สุด';
}

/** Mean, sample S.D., band and share at 4–5 of one question's answers, from the answers themselves. */
function recompute(levels: number[]) {
  const n = levels.length;
  const mean = levels.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(levels.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
  const satisfiedPct = (levels.filter((l) => l >= 4).length / n) * 100;
  return { n, mean, sd, band: bandOf(mean), satisfiedPct };
}

function expectNear(actual: number | null, expected: number, label: string, decimals: number) {
  expect(actual, label).not.toBeNull();
  expect(Math.abs(actual! - expected), label).toBeLessThanOrEqual(0.51 / 10 ** decimals);
}

/** Every string value and every key of a JSON value. */
function walk(value: unknown, keys: Set<string>, strings: Set<string>): void {
  if (typeof value === 'string') strings.add(value);
  else if (Array.isArray(value)) value.forEach((v) => walk(v, keys, strings));
  else if (value && typeof value === 'object')
    for (const [key, v] of Object.entries(value)) {
      keys.add(key);
      walk(v, keys, strings);
    }
}

/** The citizens' and the manager's requests, as their screens send them. */
function httpChannel(anon: ApiClient, manager: ApiClient): FeedbackChannel {
  return {
    async survey(ticketId: string, answers: SurveyAnswers, comment: string | null) {
      const res = await anon.post(`/api/tickets/${ticketId}/survey`, { ...answers, comment });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    },
    async complain(ticketId: string, kind: ComplaintKind, text: string | null) {
      const res = await anon.post(`/api/tickets/${ticketId}/complaint`, { kind, text });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const listed = await manager.get<Complaint[]>('/api/complaints');
      return listed.body.find((c) => c.reference === res.body.complaint.reference)!;
    },
    async decide(id: number, outcome: string | null) {
      const status = outcome === null ? 'investigating' : 'resolved';
      const res = await manager.request('PATCH', `/api/complaints/${id}`, { status, outcome });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    },
  };
}

describe('the survey and the complaints on the public record (GET /api/transparency)', () => {
  let s: TestServer;
  let manager: ApiClient;
  let played: PlayedFeedback;

  beforeAll(async () => {
    const clock = new ManualClock(FIRST_DAY_MS);
    s = await startTestServer({ clock });
    playTransparencyOffice(s.khiu.office, clock);
    await s.admin.signIn('admin', ADMIN_PASSWORD);
    manager = await s.userWithRole('manager', 'boss');
    played = await playFeedback(s.khiu.office, clock, httpChannel(s.anon, manager));
  }, 120_000);
  afterAll(() => s.close());

  const inRange = (kind: TransparencyRange, day: string): boolean =>
    day >= RANGES[kind].from && day <= RANGES[kind].to;

  it("gives each question's mean, S.D., band and share satisfied as the answers submitted give them", async () => {
    const counted = new Set<number>();
    for (const kind of Object.keys(RANGES) as TransparencyRange[]) {
      const { survey } = (await s.anon.get<Transparency>(`/api/transparency?range=${kind}`)).body;
      const mine = played.surveys.filter((x) => inRange(kind, x.day));
      counted.add(mine.length);
      expect(survey.n, kind).toBe(mine.length);
      expect(
        survey.questions.map((q) => q.question),
        kind,
      ).toEqual([...SURVEY_QUESTIONS]);
      for (const q of survey.questions) {
        const levels = mine.map((x) => x.answers[q.question]);
        const label = `${kind} ${q.question}`;
        const want = recompute(levels);
        expect(q.n, label).toBe(want.n);
        expect(q.counts, label).toEqual(
          [1, 2, 3, 4, 5].map((level) => levels.filter((l) => l === level).length),
        );
        expectNear(q.mean, want.mean, `${label} mean`, 2);
        expectNear(q.sd, want.sd, `${label} sd`, 2);
        expectNear(q.satisfiedPct, want.satisfiedPct, `${label} satisfied`, 1);
        expect(q.band?.th, label).toBe(want.band);
        expect(q.label.th, label).toMatch(/^ด้าน/);
      }
    }
    // Today, this week and this month do not all hold the same surveys.
    expect(counted.size).toBeGreaterThan(1);
  });

  it('keeps the one-press ratings as they were beside the survey', async () => {
    const today = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    expect(today.satisfaction.counts).toEqual([0, 0, 0, 1, 1]);
  });

  it('counts the complaints per month by kind and how many are resolved, as they were made and closed', async () => {
    for (const kind of Object.keys(RANGES) as TransparencyRange[]) {
      const { complaints } = (await s.anon.get<Transparency>(`/api/transparency?range=${kind}`))
        .body;
      const mine = played.complaints.filter((c) => inRange(kind, c.day));
      const byKind = Object.fromEntries(
        COMPLAINT_KINDS.map((k) => [k, mine.filter((c) => c.kind === k).length]),
      );
      const month = {
        received: mine.length,
        byKind,
        resolved: mine.filter((c) => c.resolved).length,
      };
      expect(complaints, kind).toEqual({
        months: [{ month: '2026-11', ...month }],
        totals: month,
      });
    }
    expect(played.complaints.some((c) => c.resolved)).toBe(true);
  });

  it("carries no complaint's text, reference or outcome and no survey comment", async () => {
    const secrets = [
      ...played.complaints.flatMap((c) => [c.reference, c.text, c.outcome]),
      ...played.surveys.map((x) => x.comment),
      ...Object.values(SECRET),
    ].filter((x): x is string => x !== null);
    expect(secrets.length).toBeGreaterThan(12);
    for (const kind of Object.keys(RANGES)) {
      const text = await (await fetch(`${s.url}/api/transparency?range=${kind}`)).text();
      for (const secret of secrets)
        expect(text.includes(secret), `${secret} in ${kind}`).toBe(false);
      // A reference's pattern, whichever number it had.
      expect(text, kind).not.toMatch(/ร-25\d\d-\d{4}/);
      const keys = new Set<string>();
      walk(JSON.parse(text), keys, new Set());
      for (const key of ['text', 'outcome', 'reference', 'comment', 'withComment', 'ticketId'])
        expect(keys.has(key), `key ${key} in ${kind}`).toBe(false);
    }
  });

  it('shows a new survey and a newly resolved complaint once the short hold is over', async () => {
    const before = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    const surveyed = new Set(played.surveys.map((x) => x.ticketId));
    const unsurveyed = s.khiu.office.ctx.store.tickets
      .issuedBetween(s.khiu.office.ctx.now() - 3_600_000, s.khiu.office.ctx.now())
      .find((t) => t.status === 'done' && !surveyed.has(t.id) && t.day === TODAY)!;
    const answers = { process: 1, channels: 1, staff: 1, facilities: 1, overall: 1 };
    expect((await s.anon.post(`/api/tickets/${unsurveyed.id}/survey`, answers)).status).toBe(201);
    // The other tests recount from `played`, so they hold whether they run before or after this.
    played.surveys.push({ ticketId: unsurveyed.id, day: TODAY, answers, comment: null });
    const open = (await manager.get<Complaint[]>('/api/complaints?status=investigating')).body;
    expect(open).toHaveLength(1);
    const outcome = `${SECRET.outcome} later`;
    const closed = await manager.request('PATCH', `/api/complaints/${open[0]!.id}`, {
      status: 'resolved',
      outcome,
    });
    expect(closed.status).toBe(200);
    const mine = played.complaints.find((c) => c.reference === open[0]!.reference)!;
    mine.resolved = true;
    mine.outcome = outcome;
    let after = before;
    for (let i = 0; i < 50 && after.survey.n === before.survey.n; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      after = (await s.anon.get<Transparency>('/api/transparency?range=today')).body;
    }
    expect(after.survey.n).toBe(before.survey.n + 1);
    expect(after.survey.questions[0]!.counts[0]).toBe(before.survey.questions[0]!.counts[0] + 1);
    expect(after.complaints.totals.resolved).toBe(before.complaints.totals.resolved + 1);
    expect(after.complaints.totals.received).toBe(before.complaints.totals.received);
  });
});
