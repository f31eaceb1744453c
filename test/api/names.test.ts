import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type ApiClient, type TestServer } from '../helpers/khiu-server.ts';

const service = (name: { th: string; en: string }, code: string) => ({
  code,
  name,
  steps: [{ title: { th: 'รับคำขอ', en: 'Receive' }, minutes: 5, responsible: 'งานทะเบียน' }],
  fee: 0,
  targetWaitMinutes: 10,
});

const printer = (thaiMode: 'text' | 'raster' | 'auto', codepage: number | null) => ({
  name: `hall-${thaiMode}`,
  paperWidthMm: 80,
  printWidthDots: 576,
  columns: 48,
  thaiMode,
  codepage,
});

describe('names people type', () => {
  let s: TestServer;
  let clerk: ApiClient;
  // A fresh office per test: one test's service G must not be another's.
  beforeEach(async () => {
    s = await startTestServer();
    clerk = await s.userWithRole('staff', 'clerk', 1);
  });
  afterEach(() => s.close());

  /** 400 invalid_input naming the field and the character, and nothing recorded. */
  async function expectRefused(
    send: () => Promise<{ status: number; body: any }>,
    field: string,
    character: string,
  ): Promise<void> {
    const before = s.ledgerLength();
    const res = await send();
    expect(res, JSON.stringify(res.body)).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid_input' } },
    });
    expect(res.body.error.message).toContain(`${field}: `);
    expect(res.body.error.message).toContain(character);
    expect(s.ledgerLength()).toBe(before);
  }

  it('refuses a right-to-left override that would make a service name read backwards', () =>
    expectRefused(
      () =>
        s.admin.post('/api/services', service({ th: 'ทะเบียน', en: 'Permit \u202Etimrep' }, 'G')),
      'name.en',
      'U+202E',
    ));

  it('refuses a bidi isolate in a step title and an embedding in the responsible official', async () => {
    const steps = [
      { title: { th: 'ตรวจ\u2067เอกสาร', en: 'Check' }, minutes: 5, responsible: 'x' },
    ];
    await expectRefused(
      () => s.admin.post('/api/services', { ...service({ th: 'ก', en: 'G' }, 'G'), steps }),
      'steps.0.title.th',
      'U+2067',
    );
    const official = [
      { title: { th: 'ตรวจ', en: 'Check' }, minutes: 5, responsible: '\u202Bนาย ก' },
    ];
    await expectRefused(
      () => s.admin.request('PATCH', '/api/services/1', { steps: official }),
      'steps.0.responsible',
      'U+202B',
    );
  });

  it('refuses a name of zero-width characters that looks blank', () =>
    expectRefused(
      () => s.admin.request('PATCH', '/api/counters/1', { name: '\u200B\u200D\uFEFF' }),
      'name',
      'U+200B',
    ));

  it('refuses control characters in the office name and a document', async () => {
    await expectRefused(
      () => s.admin.request('PUT', '/api/office', { th: 'เทศบาล\u0007', en: 'Office' }),
      'th',
      'U+0007',
    );
    await expectRefused(
      () =>
        s.admin.request('PATCH', '/api/services/1', {
          documents: [{ th: 'บัตร\nประชาชน', en: 'ID card' }],
        }),
      'documents.0.th',
      'U+000A',
    );
  });

  it('refuses a lone surrogate in a fee note', () =>
    expectRefused(
      () => s.admin.request('PATCH', '/api/services/1', { feeNote: { th: 'ค่า\uD800', en: 'Fee' } }),
      'feeNote.th',
      'U+D800',
    ));

  it('refuses an invisible pause reason and an overridden sign-in name', async () => {
    await expectRefused(
      () => clerk.post('/api/counters/1/status', { status: 'paused', reason: '\u2060' }),
      'reason',
      'U+2060',
    );
    await expectRefused(
      () => s.anon.post('/api/session', { username: 'admin\u202E', password: 'whatever-123' }),
      'username',
      'U+202E',
    );
  });

  it('keeps Thai with its vowels and tone marks, and typographic quotes, as they are', async () => {
    const res = await s.admin.post(
      '/api/services',
      service({ th: 'ขอใบอนุญาต “ก่อสร้าง” – ดัดแปลง', en: 'Building permit – “new”' }, 'G'),
    );
    expect(res.status).toBe(201);
    expect(res.body.service.name.th).toBe('ขอใบอนุญาต “ก่อสร้าง” – ดัดแปลง');
  });
});

describe("names the office's ticket printers must print", () => {
  let s: TestServer;
  // A fresh office per test: the printer profiles one test sets must not reach another.
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(() => s.close());

  it('refuses an emoji in a service name, which a text-mode ticket could not encode', async () => {
    const before = s.ledgerLength();
    const res = await s.admin.post('/api/services', service({ th: 'ภาษี 🙂', en: 'Tax' }, 'G'));
    expect(res).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(res.body.error.message).toMatch(/name\.th: "🙂" \(U\+1F642\).*TIS-620/);
    const step = await s.admin.request('PATCH', '/api/services/1', {
      steps: [{ title: { th: 'รับเรื่อง ✅', en: 'Receive' }, minutes: 5, responsible: 'x' }],
    });
    expect(step.body.error.message).toMatch(/steps\.0\.title\.th: "✅" \(U\+2705\)/);
    const office = await s.admin.request('PUT', '/api/office', { th: 'เทศบาล 🏛', en: 'Office' });
    expect(office.body.error.message).toMatch(/th: "🏛" \(U\+1F3DB\)/);
    expect(s.ledgerLength()).toBe(before);
  });

  it('accepts an emoji only where the ticket does not print it', async () => {
    const step = {
      title: { th: 'รับคำขอ', en: 'Receive ✅' },
      minutes: 5,
      responsible: 'งานทะเบียน 🙂',
    };
    const res = await s.admin.post('/api/services', {
      ...service({ th: 'ภาษีป้าย', en: 'Sign tax' }, 'H'),
      steps: [step],
      documents: [{ th: 'บัตรประชาชน 🪪', en: 'ID card' }],
    });
    expect(res.status).toBe(201);
  });

  it('accepts any name once every printer draws Thai as raster, and then keeps text mode out', async () => {
    const raster = { printers: [printer('raster', null), printer('auto', null)], displays: [] };
    expect((await s.admin.request('PUT', '/api/device-profiles', raster)).status).toBe(200);
    const res = await s.admin.post('/api/services', service({ th: 'ภาษี 🙂', en: 'Tax' }, 'J'));
    expect(res.status).toBe(201);

    const before = s.ledgerLength();
    const text = { printers: [...raster.printers, printer('text', 21)], displays: [] };
    const refused = await s.admin.request('PUT', '/api/device-profiles', text);
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'unprintable_text' } } });
    expect(refused.body.error.message).toMatch(/service J, name\.th: "🙂" \(U\+1F642\)/);
    const autoWithPage = { printers: [printer('auto', 255)], displays: [] };
    expect((await s.admin.request('PUT', '/api/device-profiles', autoWithPage)).status).toBe(409);
    expect(s.ledgerLength()).toBe(before);
    expect((await s.anon.get('/api/device-profiles')).body.printers).toHaveLength(2);
  });
});
