import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PublicSnapshot, Service } from '../../server/contract/contract.ts';
import { startTestServer, type TestServer } from '../helpers/khiu-server.ts';
import { openSocket } from '../helpers/stations.ts';

/** A service an office posts in Thai only: no English anywhere, or English left blank. */
const thaiOnly = {
  code: 'H',
  name: { th: 'รับชำระภาษีป้าย' },
  steps: [
    { title: { th: 'ตรวจสอบแบบแสดงรายการ', en: '' }, minutes: 5, responsible: 'งานจัดเก็บรายได้' },
    { title: { th: 'รับชำระและออกใบเสร็จ' }, minutes: 5, responsible: 'งานการเงิน' },
  ],
  documents: [{ th: 'บัตรประจำตัวประชาชน', en: '   ' }],
  fee: 200,
  feeNote: { th: 'ตามอัตราภาษีป้าย' },
  targetWaitMinutes: 20,
};

describe('English optional, Thai required', () => {
  let s: TestServer;
  beforeEach(async () => {
    s = await startTestServer();
  });
  afterEach(async () => {
    try {
      expect((await s.admin.get('/api/ledger/verify')).body).toMatchObject({ ok: true });
    } finally {
      await s.close();
    }
  });

  const posted = async (code: string): Promise<Service | undefined> =>
    ((await s.anon.get('/api/services')).body as Service[]).find((x) => x.code === code);

  it('posts a service with English missing or blank, storing every English text as empty', async () => {
    const res = await s.admin.post('/api/services', thaiOnly);
    expect(res.status).toBe(201);
    const service = await posted('H');
    expect(service).toMatchObject({
      name: { th: 'รับชำระภาษีป้าย', en: '' },
      steps: [
        { order: 1, title: { th: 'ตรวจสอบแบบแสดงรายการ', en: '' } },
        { order: 2, title: { th: 'รับชำระและออกใบเสร็จ', en: '' } },
      ],
      documents: [{ th: 'บัตรประจำตัวประชาชน', en: '' }],
      feeNote: { th: 'ตามอัตราภาษีป้าย', en: '' },
      standardMinutes: 10,
      targetWaitMinutes: 20,
    });
  });

  it('renames the office in Thai only and sends the empty English to every open screen', async () => {
    const { socket } = await openSocket(s.url);
    try {
      const announced = new Promise((resolve) => socket.once('office:updated', resolve));
      const res = await s.admin.request('PUT', '/api/office', { th: 'เทศบาลตำบลหนองบัว' });
      expect(res.status).toBe(200);
      expect(res.body.name).toEqual({ th: 'เทศบาลตำบลหนองบัว', en: '' });
      await announced;
      const fresh = new Promise<PublicSnapshot>((resolve) => socket.once('snapshot', resolve));
      socket.emit('snapshot:request');
      expect((await fresh).officeName).toEqual({ th: 'เทศบาลตำบลหนองบัว', en: '' });
      expect((await s.anon.get('/api/office')).body.name).toEqual({
        th: 'เทศบาลตำบลหนองบัว',
        en: '',
      });
    } finally {
      socket.disconnect();
    }
  });

  it('refuses a missing or blank Thai text with 400 and changes nothing', async () => {
    const office = (await s.anon.get('/api/office')).body.name;
    const before = s.ledgerLength();
    const refused = [
      await s.admin.request('PUT', '/api/office', { en: 'English only' }),
      await s.admin.request('PUT', '/api/office', { th: '   ', en: 'Blank Thai' }),
      await s.admin.request('PUT', '/api/office', { th: '\u200b', en: 'Invisible Thai' }),
      await s.admin.post('/api/services', { ...thaiOnly, name: { en: 'Sign tax' } }),
      await s.admin.post('/api/services', { ...thaiOnly, name: { th: '', en: 'Sign tax' } }),
      await s.admin.post('/api/services', {
        ...thaiOnly,
        steps: [{ title: { th: ' ', en: 'Check' }, minutes: 5, responsible: 'งานการเงิน' }],
      }),
      await s.admin.post('/api/services', { ...thaiOnly, documents: [{ en: 'ID card' }] }),
      await s.admin.post('/api/services', { ...thaiOnly, feeNote: { th: '', en: 'Per sign' } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_input');
    }
    expect(s.ledgerLength()).toBe(before);
    expect((await s.anon.get('/api/office')).body.name).toEqual(office);
    expect(await posted('H')).toBeUndefined();
  });

  it('empties the English of a posted service when an edit leaves it out, and keeps the Thai', async () => {
    const a = await posted('A');
    expect(a?.name.en).not.toBe('');
    const res = await s.admin.request('PATCH', `/api/services/${a!.id}`, {
      name: { th: 'ขอหนังสือรับรอง' },
    });
    expect(res.status).toBe(200);
    expect((await posted('A'))?.name).toEqual({ th: 'ขอหนังสือรับรอง', en: '' });
    const refused = await s.admin.request('PATCH', `/api/services/${a!.id}`, {
      name: { th: '', en: 'Certificate' },
    });
    expect(refused.status).toBe(400);
    expect((await posted('A'))?.name).toEqual({ th: 'ขอหนังสือรับรอง', en: '' });
  });
});
